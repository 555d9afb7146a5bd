"""Diagnostic codes are checked where a finding is made, and where it is read back."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from corpus_tools.diagnostics import CODES, Diagnostic, Report, Severity

from .conftest import REPO


def test_an_unknown_code_fails_where_the_finding_is_made() -> None:
    with pytest.raises(ValueError, match="'seed-tabs'"):
        Diagnostic("seed-tabs", "seeds/001_0123456789abcdef.txt", "tab", 1, 1)


def test_every_catalogued_code_can_be_made() -> None:
    for code, info in CODES.items():
        d = Diagnostic(code, "f", "m")
        assert (d.info, d.effective_severity, d.level) == (info, info.severity, info.level)


def test_stored_diagnostics_read_back_and_unknown_codes_do_not() -> None:
    d = Diagnostic("seed-tab", "f", "tab", 2, 3, hint="own hint", severity=Severity.ERROR)
    assert Diagnostic.from_dict(d.to_dict()) == d
    plain = Diagnostic("seed-tab", "f", "tab", 2, 3)
    assert Diagnostic.from_dict(plain.to_dict()) == plain  # catalogue values stay implicit
    stored = dict(d.to_dict(), code="seed-tabs")
    with pytest.raises(ValueError, match="'seed-tabs'"):
        Diagnostic.from_dict(stored)
    report = Report([d], files=1).to_dict()
    report["diagnostics"][0]["code"] = "no-such-code"
    with pytest.raises(ValueError, match="'no-such-code'"):
        Report.from_dict(report)


def _literal_codes() -> list[tuple[str, int, str]]:
    """Every string literal given as the code of a finding in the package's source."""
    found = []
    for path in sorted((REPO / "corpus_tools").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func, first = node.func, node.args[0]
            maker = (isinstance(func, ast.Name) and func.id == "Diagnostic") or (
                isinstance(func, ast.Attribute)
                and func.attr in ("add", "warn_once")
                and isinstance(func.value, ast.Name)
                and func.value.id == "findings"
            )
            if maker and isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.append((str(Path(path).relative_to(REPO)), node.lineno, first.value))
    return found


def test_every_literal_code_in_the_source_is_catalogued() -> None:
    # Also covers findings that no test triggers: a typo there would only show in use.
    found = _literal_codes()
    assert len(found) > 30
    assert [f for f in found if f[2] not in CODES] == []
