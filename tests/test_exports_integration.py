"""Exports across formats: the repository's own, round trips, and their checks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from corpus_tools.config import Config, load_config
from corpus_tools.exporters.csv import read_csv_export
from corpus_tools.exporters.jsonl import read_jsonl
from corpus_tools.exporters.tei import (
    check_tei_references,
    corpus_tei_schema,
    read_tei,
    safe_parser,
)
from corpus_tools.exports import export_documents
from corpus_tools.schema import check_document
from corpus_tools.seeds import read_seed

from .conftest import CASES, REPO, TEI_ALL, benchmark_generator

EXPORTS = REPO / "exports"
CONFIG = load_config(REPO)


def _seed_docs() -> list:  # type: ignore[type-arg]
    paths = sorted(
        [REPO / "seeds" / "000_8817f6bb585a9fd5.txt", *(CASES / "positive").glob("*.txt")]
    )
    docs = [
        read_seed(p, p.parent.parent if p.parent.name == "seeds" else p.parent, CONFIG).document
        for p in paths
    ]
    assert all(d is not None for d in docs)
    return sorted(docs, key=lambda d: d.id)  # type: ignore[union-attr]


def _run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "corpus_tools", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def test_repository_exports_are_up_to_date() -> None:
    proc = _run("export", "--check", "--no-cache")
    assert (proc.returncode, proc.stdout) == (0, "1 file, 0 errors, 0 warnings\n"), (
        proc.stdout + proc.stderr
    )


def test_repository_jsonl_lines_are_schema_valid() -> None:
    # Each JSONL file's lines satisfy the JSON Schema shipped beside it, and read back
    # into canonical documents.
    import jsonschema

    for jsonl in sorted(EXPORTS.glob("*.jsonl")):
        schema = json.loads((EXPORTS / (jsonl.stem + ".jsonschema.json")).read_text("utf-8"))
        validator = jsonschema.Draft202012Validator(
            schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        )
        lines = jsonl.read_bytes().split(b"\n")
        assert lines[-1] == b""  # a trailing newline
        for line in lines[:-1]:
            validator.validate(json.loads(line))
    for doc in read_jsonl(EXPORTS / "corpus.jsonl"):
        assert check_document(doc.to_dict()) is None


def _tei_files() -> list[Path]:
    return [EXPORTS / "corpus.tei.xml", *sorted((EXPORTS / "tei").glob("*.xml"))]


def test_repository_tei_is_valid_against_the_project_schema() -> None:
    rng = corpus_tei_schema()
    for path in _tei_files():
        doc = etree.parse(str(path), safe_parser())
        assert rng.validate(doc), (path.name, rng.error_log)
    assert check_tei_references([EXPORTS / "corpus.tei.xml"]) == []
    assert check_tei_references(sorted((EXPORTS / "tei").glob("*.xml"))) == []


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    """The official TEI P5 schema, compiled once per session (6-9 s)."""
    if not TEI_ALL.is_file():
        pytest.skip(f"the official TEI schema is absent: {TEI_ALL} (it lives in ../shared/tei/)")
    return etree.RelaxNG(etree.parse(str(TEI_ALL)))


def test_repository_tei_is_valid_against_tei_all(tei_all: etree.RelaxNG) -> None:
    for path in _tei_files():
        assert tei_all.validate(etree.parse(str(path), safe_parser())), (
            path.name,
            tei_all.error_log,
        )


def test_repository_data_package_is_valid() -> None:
    # The frictionless of the test interpreter (`.venv/bin/python -m pytest`, the README's
    # command, runs without .venv/bin on PATH): Parquet and JSONL need its pyarrow and
    # jsonlines, which another frictionless on PATH may lack.
    proc = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", str(EXPORTS / "datapackage.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_round_trip_through_every_format_is_lossless(tmp_path: Path) -> None:
    docs = _seed_docs()
    export_documents(docs, ["csv", "jsonl", "tei"], tmp_path, CONFIG)
    expected = [d.to_dict() for d in docs]
    assert [d.to_dict() for d in read_jsonl(tmp_path / "corpus.jsonl")] == expected
    assert [d.to_dict() for d in read_csv_export(tmp_path)] == expected
    assert [d.to_dict() for d in read_tei(tmp_path / "corpus.tei.xml")] == expected
    per_article = [d for p in sorted((tmp_path / "tei").glob("*.xml")) for d in read_tei(p)]
    assert [d.to_dict() for d in per_article] == expected


def _corpus(tmp_path: Path, n: int) -> Path:
    root = tmp_path / "corpus"
    benchmark_generator().generate(n, root, 7)
    return root


def test_stale_missing_and_extra_exports_are_named(tmp_path: Path) -> None:
    root = _corpus(tmp_path, 12)
    assert _run("export", "--root", str(root)).returncode == 0
    seeds = sorted((root / "seeds").glob("*.txt"))
    first_id = seeds[0].stem
    (root / "exports" / "corpus.jsonl").write_text("{}\n", encoding="utf-8")
    (root / "exports" / "tei" / f"doc-{first_id}.xml").unlink()
    (root / "exports" / "tei" / "doc-999_ffffffffffffffff.xml").write_text("<x/>", encoding="utf-8")
    proc = _run("export", "--check", "--root", str(root))
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        "exports/corpus.jsonl: error[export-stale] the export file is out of date with the seeds;"
        " help: run: corpus export, and commit the result",
        f"exports/tei/doc-{first_id}.xml: error[export-missing] the export file is missing;"
        " help: run: corpus export",
        "exports/tei/doc-999_ffffffffffffffff.xml: error[export-extra] the export file belongs to no"
        " current document; help: run: corpus export (it removes files of deleted seeds)",
        "12 files, 3 errors, 0 warnings",
    ]
    # validate reports the same; the export command repairs it, touching only what changed.
    assert _run("validate", "--root", str(root)).returncode == 1
    untouched = root / "exports" / "tei" / f"doc-{seeds[1].stem}.xml"
    before = untouched.stat().st_mtime_ns
    assert _run("export", "--root", str(root)).returncode == 0
    assert untouched.stat().st_mtime_ns == before
    assert _run("validate", "--root", str(root)).returncode == 0
    assert not list((root / "exports").rglob(".corpus-tmp-*"))


def test_the_export_folder_holds_exactly_the_tracked_formats(tmp_path: Path) -> None:
    """exports/ is described as one by datapackage.json and the card: some formats alone,
    or one the corpus does not track, are refused there (exit 2, nothing written); --out
    takes any; --format all means the tracked ones, and validate passes after it."""
    root = _corpus(tmp_path, 3)
    toml = root / "corpus.toml"
    text = toml.read_text(encoding="utf-8")
    assert 'formats = ["csv", "jsonl", "parquet", "tei"]' in text
    toml.write_text(
        text.replace('formats = ["csv", "jsonl", "parquet", "tei"]', 'formats = ["tei", "csv"]'),
        encoding="utf-8",
    )
    proc = _run("export", "--root", str(root), "--format", "csv")
    assert proc.returncode == 2
    assert proc.stderr == (
        "error: exports/ holds the formats corpus.toml tracks (csv, tei), which "
        "datapackage.json and README.md describe together: run corpus export to write them "
        "all, write csv to another folder with --out DIR, or change [exports] formats in "
        "corpus.toml\n"
    )
    assert not (root / "exports").exists()
    assert _run("export", "--root", str(root), "--format", "jsonl").returncode == 2
    assert _run("export", "--root", str(root), "--format", "all").returncode == 0
    assert sorted(p.name for p in (root / "exports").iterdir()) == [
        "README.md",
        "corpus-tei.rng",
        "corpus.tei.xml",
        "datapackage.json",
        "document_facts.csv",
        "documents.csv",
        "paragraphs.csv",
        "persons.csv",
        "quotation_facts.csv",
        "quotations.csv",
        "tei",
    ]
    assert _run("validate", "--root", str(root)).returncode == 0
    other = tmp_path / "csv-only"
    proc = _run("export", "--root", str(root), "--format", "csv", "--out", str(other))
    assert proc.returncode == 0
    assert (other / "documents.csv").is_file()
    assert not (other / "tei").exists()
    check = _run("export", "--check", "--root", str(root), "--format", "tei")
    assert check.returncode == 0, check.stdout


def test_export_refuses_an_out_that_is_a_file_or_inside_the_seeds(tmp_path: Path) -> None:
    """Exports written into seeds/ would be read as misplaced seeds by every later
    validate; a file given as --out is refused for what it is, not as "File exists"."""
    root = _corpus(tmp_path, 2)
    # A regular file is refused by the option itself; a device gets past that check.
    proc = _run("export", "--root", str(root), "--format", "jsonl", "--out", "/dev/null")
    assert proc.returncode == 2
    assert proc.stderr == (
        "/dev/null: error: is not a folder: give --out a folder (it is made if missing)\n"
    )
    inside = root / "seeds" / "out"
    proc = _run("export", "--root", str(root), "--format", "jsonl", "--out", str(inside))
    assert proc.returncode == 2
    assert proc.stderr == (
        f"{inside}: error: is inside seeds/, where corpus validate would read each file "
        "written as a misplaced seed: export outside it, e.g. to exports/ (the default)\n"
    )
    assert not inside.exists()


def test_re_export_with_nothing_changed_rewrites_nothing(tmp_path: Path) -> None:
    root = _corpus(tmp_path, 8)
    assert _run("export", "--root", str(root)).returncode == 0
    stamps = {p: p.stat().st_mtime_ns for p in (root / "exports").rglob("*") if p.is_file()}
    for extra in ([], ["--no-cache"]):
        proc = _run("export", "--root", str(root), *extra)
        assert proc.returncode == 0
        assert {p: p.stat().st_mtime_ns for p in stamps} == stamps


def test_tei_schema_option_reports_invalid_exports_with_lines(tmp_path: Path) -> None:
    root = _corpus(tmp_path, 3)
    assert _run("export", "--root", str(root)).returncode == 0
    strict = tmp_path / "strict.rng"
    strict.write_text(
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start>'
        '<element name="nothing"><empty/></element></start></grammar>',
        encoding="utf-8",
    )
    proc = _run("validate", "--root", str(root), "--tei-schema", str(strict))
    assert proc.returncode == 1
    findings = [line for line in proc.stdout.splitlines() if "export-invalid" in line]
    assert len(findings) == 4  # corpus.tei.xml and three articles
    # Line 3: the root element, after the XML declaration and the xml-model PI.
    assert findings[0].startswith("exports/corpus.tei.xml:3:")
    broken = tmp_path / "broken.rng"
    broken.write_text("<grammar", encoding="utf-8")
    proc = _run("validate", "--root", str(root), "--tei-schema", str(broken))
    assert proc.returncode == 2
    assert "not a usable RELAX NG schema" in proc.stderr


def test_export_refuses_a_broken_corpus_and_keeps_previous_exports(tmp_path: Path) -> None:
    root = _corpus(tmp_path, 5)
    assert _run("export", "--root", str(root)).returncode == 0
    before = {p: p.read_bytes() for p in (root / "exports").rglob("*") if p.is_file()}
    (root / "seeds" / "900_0123456789abcdef.txt").write_text(
        " date 2025-02-30 Broken.", encoding="utf-8"
    )
    proc = _run("export", "--root", str(root))
    assert proc.returncode == 1
    assert "seeds/900_0123456789abcdef.txt:1:7: error[seed-invalid-date]" in proc.stderr
    assert "previous exports are unchanged" in proc.stderr
    assert {p: p.read_bytes() for p in before} == before
    assert not list((root / "exports").rglob(".corpus-tmp-*"))


def test_parallel_and_serial_runs_are_byte_identical(tmp_path: Path) -> None:
    root = _corpus(tmp_path, 300)
    (root / "seeds" / "900_0123456789abcdef.txt").write_text(
        " date 2025-02-30 Broken.", encoding="utf-8"
    )
    shutil.copy(
        sorted((root / "seeds").glob("*.txt"))[3], root / "seeds" / "901_0123456789abcdee.txt"
    )
    reports = [
        _run(
            "validate",
            "--root",
            str(root),
            "--no-cache",
            "--no-exports",
            "--format",
            "json",
            "-j",
            jobs,
        ).stdout
        for jobs in ("1", "2")
    ]
    assert reports[0] == reports[1]
    assert json.loads(reports[0])["summary"]["errors"] == 2
    (root / "seeds" / "900_0123456789abcdef.txt").unlink()
    (root / "seeds" / "901_0123456789abcdee.txt").unlink()
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        assert (
            _run(
                "export", "--root", str(root), "--out", str(out), "--no-cache", "-j", jobs
            ).returncode
            == 0
        )
        outs.append(
            {
                p.relative_to(out): p.read_bytes()
                for p in out.rglob("*")
                if p.is_file() and not p.name.startswith(".")
            }
        )
    assert outs[0] == outs[1]
    # 300 TEI files and corpus.tei.xml; six CSV tables, README.md, datapackage.json;
    # corpus.jsonl, quotations.jsonl, persons.jsonl and their schemas; four Parquet tables.
    assert len(outs[0]) == 320


def test_config_used_by_the_exports_comes_from_corpus_toml(tmp_path: Path) -> None:
    docs = _seed_docs()[:1]
    config = Config(title="Another corpus", publisher="Somebody", licence="CC0-1.0", idno="other")
    export_documents(docs, ["tei", "csv"], tmp_path, config)
    header = (tmp_path / "corpus.tei.xml").read_text(encoding="utf-8")
    assert "Another corpus" in header
    assert "Somebody" in header
    assert "CC0-1.0" in header
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert package["id"] == "other"
