"""The lazy registry of exporters and reporters."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from corpus_tools.registry import LazyRegistry


def test_a_format_module_is_imported_on_first_use_and_must_name_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "fmts"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "good.py").write_text("class F:\n    name = 'good'\n\nTHING = F()\n")
    (package / "bad.py").write_text("class F:\n    name = 'other'\n\nTHING = F()\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    registry = LazyRegistry("fmts", ("good", "bad"), "THING")
    assert list(registry) == ["bad", "good"]
    assert "fmts.good" not in sys.modules
    assert registry["good"].name == "good"
    assert "fmts.good" in sys.modules
    with pytest.raises(RuntimeError, match=r"module fmts\.bad defines format 'other'"):
        registry["bad"]
    with pytest.raises(KeyError):
        registry["missing"]
