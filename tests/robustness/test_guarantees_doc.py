"""docs/guarantees.md names real tests, and every robustness test is in it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from ..conftest import REPO

DOC = REPO / "docs" / "guarantees.md"
HERE = Path(__file__).parent


def _documented() -> set[str]:
    """``file::test`` for every test the document names (``::test`` repeats the file)."""
    found: set[str] = set()
    for line in DOC.read_text(encoding="utf-8").splitlines():
        current = None
        for m in re.finditer(r"`(test_\w+\.py)?::(test_\w+)`", line):
            current = m.group(1) or current
            assert current is not None, f"{m.group(0)} has no file before it: {line}"
            found.add(f"{current}::{m.group(2)}")
    return found


def _defined() -> set[str]:
    found: set[str] = set()
    for path in sorted(HERE.glob("test_*.py")):
        if path.name == Path(__file__).name:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                found.add(f"{path.name}::{node.name}")
    return found


def test_every_documented_test_exists() -> None:
    assert sorted(_documented() - _defined()) == []


def test_every_robustness_test_is_documented() -> None:
    assert sorted(_defined() - _documented()) == []
