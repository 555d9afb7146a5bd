"""Markers and warning filters of the robustness suite."""

from __future__ import annotations

from pathlib import Path

import pytest

from ._corpora import Corpus, make_state_corpus
from ._support import sample_seeds


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "fuzz: a Hypothesis property whose example count CORPUS_FUZZ_EXAMPLES scales",
    )
    config.addinivalue_line(
        "markers",
        "slow: a bounded soak whose length an environment variable scales (see the test)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # When a Hypothesis property fails, its pytest plugin builds a patch with libcst,
    # whose import warns (mypy_extensions.TypedDict is deprecated); with
    # filterwarnings = error that turns a readable failure into an INTERNALERROR.
    here = str(Path(__file__).parent)
    for item in items:
        if str(item.path).startswith(here):
            item.add_marker(
                pytest.mark.filterwarnings(
                    "ignore:mypy_extensions.TypedDict is deprecated:DeprecationWarning"
                )
            )


# Shared by the fault, lifetime and concurrency tests: each test resets the state it needs.
@pytest.fixture(scope="session")
def big(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """300 generated seeds (benchmarks/generate.py): parallel conversion, 307 files."""
    return make_state_corpus(tmp_path_factory.mktemp("big"), None)


@pytest.fixture(scope="session")
def small(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """The real seed and the positive cases: nine documents, fourteen files."""
    return make_state_corpus(
        tmp_path_factory.mktemp("small"), {Path(r).name: d for r, d in sample_seeds()}
    )
