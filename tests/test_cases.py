"""Data-driven cases: every negative case gives exactly the findings its expected.json
lists (where, code, message and the effective hint); the positive cases give none.

A new case is a new folder under tests/cases/negative/ holding seeds/ (and, for the
source metadata table, metadata.csv) and expected.json:
a list of ``{"at": "NAME:LINE:COL", "code", "message", "hint"}`` (``-`` for a line or
column that is not known). When a case fails, the message shows the findings as
expected.json would hold them: read each one before copying it in.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from corpus_tools.checks import Options
from corpus_tools.config import Config
from corpus_tools.pipeline import validate_files as validate_paths

from .conftest import CASES

TODAY = dt.date(2026, 11, 27)
CONFIG = Config(earliest_date="1991-01-01", default_lang=None)
NEGATIVE = sorted(p for p in (CASES / "negative").iterdir() if p.is_dir())
POSITIVE = CASES / "positive"


def _findings(report_root: Path) -> list[dict[str, Any]]:
    seeds = report_root / "seeds"
    report = validate_paths([seeds], report_root, CONFIG, Options(today=TODAY))
    found = []
    for d in report.sorted():
        line = "-" if d.line is None else str(d.line)
        col = "-" if d.column is None else str(d.column)
        found.append(
            {
                "at": f"{d.file.removeprefix('seeds/')}:{line}:{col}",
                "code": d.code,
                "message": d.message,
                "hint": d.effective_hint,
            }
        )
    return found


@pytest.mark.parametrize("case", NEGATIVE, ids=[p.name for p in NEGATIVE])
def test_negative_case(case: Path) -> None:
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    found = _findings(case)
    assert found == expected, json.dumps(found, ensure_ascii=False, indent=2)


def test_every_negative_case_has_its_expectations() -> None:
    for case in NEGATIVE:
        # A case may hold the corpus's source metadata table beside its seeds.
        names = sorted(p.name for p in case.iterdir() if p.name != "metadata.csv")
        assert names == ["expected.json", "seeds"], case.name
        rows = json.loads((case / "expected.json").read_text(encoding="utf-8"))
        assert rows, f"{case.name}: a negative case expects at least one finding"
        for row in rows:
            assert sorted(row) == ["at", "code", "hint", "message"], case.name
            assert row["message"].strip(), case.name
            assert row["hint"].strip(), case.name


def test_positive_cases_are_clean() -> None:
    report = validate_paths([POSITIVE], POSITIVE, CONFIG, Options(today=TODAY))
    assert [d.to_dict() for d in report.sorted()] == []
    assert report.files == len(list(POSITIVE.glob("*.txt")))
