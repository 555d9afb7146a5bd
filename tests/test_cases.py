"""Data-driven cases: every negative case gives exactly the diagnostics it lists."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from corpus_tools.checks import Options
from corpus_tools.config import Config
from corpus_tools.pipeline import validate_files as validate_paths

from .conftest import CASES

TODAY = dt.date(2026, 11, 27)
CONFIG = Config(earliest_date="1991-01-01", default_lang=None)
NEGATIVE = sorted(p for p in (CASES / "negative").iterdir() if p.is_dir())
POSITIVE = CASES / "positive"


def _rows(report_root: Path) -> list[str]:
    seeds = report_root / "seeds"
    report = validate_paths([seeds], report_root, CONFIG, Options(today=TODAY))
    rows = []
    for d in report.sorted():
        line = "-" if d.line is None else str(d.line)
        col = "-" if d.column is None else str(d.column)
        rows.append(f"{d.file.removeprefix('seeds/')}:{line}:{col} {d.code}")
    return sorted(rows)


@pytest.mark.parametrize("case", NEGATIVE, ids=[p.name for p in NEGATIVE])
def test_negative_case(case: Path) -> None:
    expected = sorted((case / "expected.txt").read_text(encoding="utf-8").splitlines())
    assert _rows(case) == expected


def test_positive_cases_are_clean() -> None:
    report = validate_paths([POSITIVE], POSITIVE, CONFIG, Options(today=TODAY))
    assert [d.to_dict() for d in report.sorted()] == []
    assert report.files == len(list(POSITIVE.glob("*.txt")))
