"""Shared fixtures and the ``--update-goldens`` option."""

from __future__ import annotations

import functools
import importlib.util
import os
import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import settings

from corpus_tools import checks
from corpus_tools.config import Config

# Property tests are deterministic everywhere (CI included); a longer, random run is a
# matter of HYPOTHESIS_PROFILE=explore.
settings.register_profile("ci", derandomize=True, deadline=None)
settings.register_profile("explore", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

REPO = Path(__file__).resolve().parents[1]
# The corpus facts of the TEI tests (with an "&" to escape), shared by their renderings.
TEI_CONFIG = Config(
    title="corpus-tools test corpus",
    publisher="corpus-tools tests & friends",
    licence="CC BY 4.0",
    licence_url="https://creativecommons.org/licenses/by/4.0/",
    idno="corpus-tools-test",
    default_lang="en",
)
CASES = REPO / "tests" / "cases"
GOLDENS = REPO / "tests" / "goldens"
TEI_ALL = REPO.parent / "shared" / "tei" / "tei_all.rng"
# The repository's corpus.toml for test corpora that keep no exports/ folder: they say so,
# as a corpus must (a missing exports/ is otherwise a finding).
UNTRACKED_TOML = (
    (REPO / "corpus.toml")
    .read_text(encoding="utf-8")
    .replace(
        "\n[exports]\n", "\n[exports]\n# A test corpus without exports/.\ntracked = false\n", 1
    )
)
assert "tracked = false" in UNTRACKED_TOML, "corpus.toml has an [exports] table"


def assert_dense_csv(folder: Path) -> int:
    """Every CSV file the csv format writes into ``folder`` is there, has no empty cell
    and as many cells in every record as in its header (issue 14: a reader that types a
    column from its first rows cannot type one that is empty there); the number of files
    checked."""
    import csv

    from corpus_tools.exporters.csv import FILES

    names = sorted(p.name for p in folder.glob("*.csv"))
    assert names == sorted(FILES.values())
    for name in names:
        with (folder / name).open(encoding="utf-8", newline="") as fh:
            header, *rows = list(csv.reader(fh, strict=True))
        assert header, name
        assert all(header), name
        for n, row in enumerate(rows, start=2):
            assert len(row) == len(header), f"{name}: record {n} has {len(row)} cells"
            empty = [c for c, v in zip(header, row, strict=True) if v == ""]
            assert not empty, f"{name}: record {n} has empty cells in {empty}"
    return len(names)


def peak_traced(action: Callable[[], object]) -> int:
    """The peak of Python allocations while ``action`` runs, in bytes."""
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@functools.cache
def benchmark_generator() -> ModuleType:
    """``benchmarks/generate.py`` (not a package): synthetic corpora for the tests."""
    spec = importlib.util.spec_from_file_location(
        "bench_generate", REPO / "benchmarks" / "generate.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_generate", module)
    spec.loader.exec_module(module)
    return module


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="Rewrite the golden files from the current output instead of comparing.",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    """True when the run should rewrite golden files."""
    return bool(request.config.getoption("--update-goldens"))


def check_golden(path: Path, actual: bytes, update: bool) -> None:
    """Compare ``actual`` with the golden file at ``path`` (or rewrite it)."""
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual)
        return
    assert path.exists(), f"missing golden {path}; run pytest --update-goldens"
    expected = path.read_bytes()
    assert actual == expected, (
        f"{path.name} differs from its golden; run pytest --update-goldens if intended"
    )


@pytest.fixture
def golden(update_goldens: bool):  # type: ignore[no-untyped-def]
    """Call ``golden(path, bytes)`` to compare with (or rewrite) a golden file."""

    def _check(path: Path, actual: bytes) -> None:
        check_golden(path, actual, update_goldens)

    return _check


@pytest.fixture
def conversions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The seeds read and converted, in order (serial runs: workers would not report)."""
    seen: list[str] = []
    real = checks.read_seed

    def counting(path: Path, *args: Any, **kwargs: Any) -> Any:
        seen.append(path.name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(checks, "read_seed", counting)
    return seen


def git(root: Path, *args: str) -> None:
    """Run git in ``root`` with a throwaway identity; fail on an error."""
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )
