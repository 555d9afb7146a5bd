"""The command line: exit codes, stdout and stderr, separately."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus_tools import __version__
from corpus_tools.cli import cli
from corpus_tools.commands import Streams, ValidateArgs, run_validate

from .conftest import UNTRACKED_TOML

GOOD = " date 2025-11-27 The minister said that the plan works well for everyone.\n"
BAD_DATE = " date 2025-02-30 The minister said that the plan works well for everyone.\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A corpus root with corpus.toml and one good seed, no exports."""
    (tmp_path / "corpus.toml").write_text(UNTRACKED_TOML, encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "001_0123456789abcdef.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    code, out, _ = run("--version")
    assert (code, out) == (0, f"corpus-tools, version {__version__}\n")


@pytest.mark.parametrize("command", ["validate", "convert", "export"])
def test_every_command_has_help(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0
    assert "Usage: cli " in out or "Usage: corpus " in out
    assert "--root" in out


def test_validate_clean_corpus_exits_0(corpus: Path) -> None:
    code, out, err = run("validate", "--root", str(corpus), "--today", "2026-01-01")
    # The corpus does not track its exports (conftest's corpus.toml), and says so.
    note = "note: not checked: exports/ ([exports] tracked = false in corpus.toml)\n"
    assert (code, out, err) == (0, note + "1 file, 0 errors, 0 warnings\n", "")


def test_validate_error_exits_1_with_file_line_col(corpus: Path) -> None:
    (corpus / "seeds" / "002_1111111111111111.txt").write_text(BAD_DATE, encoding="utf-8")
    code, out, err = run("validate", "--root", str(corpus), "--today", "2026-01-01")
    assert code == 1
    assert err == ""
    assert out.splitlines() == [
        "seeds/002_1111111111111111.txt:1:7: error[seed-invalid-date] date 2025-02-30 does not"
        " exist in the calendar; help: February 2025 has 28 days: the day must be 01 to 28",
        "note: not checked: exports/ ([exports] tracked = false in corpus.toml)",
        "2 files, 1 error, 0 warnings",
    ]


def test_warning_exits_0_but_1_with_strict(corpus: Path) -> None:
    (corpus / "seeds" / "003_2222222222222222.txt").write_bytes(
        b"\xef\xbb\xbf date 2025-11-27 A second article says that the roads are being repaired."
    )
    code, out, _ = run("validate", "--root", str(corpus), "--today", "2026-01-01")
    assert code == 0
    assert "warning[seed-bom]" in out
    assert out.endswith("2 files, 0 errors, 2 warnings\n")  # the BOM and the sequence gap
    code, _, _ = run("validate", "--root", str(corpus), "--today", "2026-01-01", "--strict")
    assert code == 1


def test_invalid_config_exits_2(corpus: Path) -> None:
    (corpus / "corpus.toml").write_text('[corpus]\ntitle = "x"\n', encoding="utf-8")
    code, out, err = run("validate", "--root", str(corpus))
    assert code == 2
    assert out == ""
    assert err.startswith(
        "corpus.toml: error[config-invalid] corpus: 'publisher' is a required property"
    )


def test_broken_toml_names_the_line(corpus: Path) -> None:
    (corpus / "corpus.toml").write_text('[corpus]\ntitle = "x\n', encoding="utf-8")
    code, _, err = run("validate", "--root", str(corpus))
    assert code == 2
    assert err.startswith("corpus.toml:2: error[config-invalid] not valid TOML")


def test_bad_option_exits_2() -> None:
    code, _, err = run("validate", "--today", "yesterday")
    assert code == 2
    assert "'yesterday' is not a date as YYYY-MM-DD" in err


def test_validate_json_and_jsonl_files(corpus: Path) -> None:
    code, out, _ = run("convert", "--root", str(corpus))
    assert code == 0
    doc = json.loads(out)
    (corpus / "good.jsonl").write_text(out, encoding="utf-8")
    doc["paragraphs"][0]["n"] = 0
    (corpus / "bad.json").write_text(json.dumps(doc), encoding="utf-8")
    (corpus / "broken.json").write_text('{\n  "id": ,\n}', encoding="utf-8")
    code, out, _ = run(
        "validate",
        "--root",
        str(corpus),
        str(corpus / "good.jsonl"),
        str(corpus / "bad.json"),
        str(corpus / "broken.json"),
    )
    assert code == 1
    assert out.splitlines()[:2] == [
        "bad.json:1: error[schema-violation] /paragraphs/0/n: 0 is less than the minimum of 1;"
        " help: fix the value at the JSON pointer given; see schema/document.schema.json",
        "broken.json:2:9: error[json-invalid] Expecting value; help: fix the JSON syntax at the position given",
    ]


def test_convert_to_folder_writes_one_file_per_document(corpus: Path) -> None:
    out_dir = corpus / "canonical"
    code, out, err = run("convert", "--root", str(corpus), "--out", str(out_dir))
    assert (code, out, err) == (0, "", "")
    written = out_dir / "001_0123456789abcdef.json"
    data = json.loads(written.read_text(encoding="utf-8"))
    assert data["id"] == "001_0123456789abcdef"
    assert written.read_bytes().endswith(b"}\n")


def test_json_format_equals_report_to_dict(corpus: Path) -> None:
    import io

    from corpus_tools.checks import Options
    from corpus_tools.config import load_config
    from corpus_tools.pipeline import validate_files as validate_paths

    (corpus / "seeds" / "002_1111111111111111.txt").write_text(BAD_DATE, encoding="utf-8")
    out = io.StringIO()
    code = run_validate(
        ValidateArgs(paths=[], root=corpus, formats=["json"], check_exports=False, today=None),
        Streams(out=out, err=io.StringIO()),
    )
    assert code == 1
    import datetime as dt

    report = validate_paths([], corpus, load_config(corpus), Options(today=dt.date.today()))
    assert json.loads(out.getvalue()) == report.to_dict()


def test_python_dash_m_runs_the_cli() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "corpus_tools", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (proc.returncode, proc.stdout) == (0, f"corpus-tools, version {__version__}\n")
