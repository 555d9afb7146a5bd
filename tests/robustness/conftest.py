"""Markers and warning filters of the robustness suite."""

from __future__ import annotations

from pathlib import Path

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "fuzz: a Hypothesis property whose example count CORPUS_FUZZ_EXAMPLES scales",
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
