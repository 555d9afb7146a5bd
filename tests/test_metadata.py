"""The source metadata table (metadata.csv): its contract, its checks beyond the negative
cases of tests/cases/, and how its rows reach every export, the cache and the
pull-request mode."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import corpus_tools
from corpus_tools import api
from corpus_tools.cli import cli
from corpus_tools.config import ConfigError, load_config
from corpus_tools.exporters.tables import SOURCE_URL
from corpus_tools.metadata import COLUMNS, HEADLINE_MAX, parse_metadata, url_problem
from corpus_tools.model import SOURCE_FIELDS, Document, Source
from corpus_tools.schema import check_document, load_schema, schema_dir
from tests.conftest import CASES, REPO, TEI_ALL, UNTRACKED_TOML, git

A = "001_a000000000000001"
B = "002_a000000000000002"
C = "003_a000000000000003"
HEADER = "id,publication,url,author,headline,licence\n"
ROW_A = (
    f"{A},The Daily Example,https://example.org/news/bridge-opens?id=7#top,"
    '"Kowalska, Anna",The mayor opens the people’s bridge,CC BY 4.0\n'
)
SOURCE_A = Source(
    publication="The Daily Example",
    url="https://example.org/news/bridge-opens?id=7#top",
    author="Kowalska, Anna",
    headline="The mayor opens the people’s bridge",
    licence="CC BY 4.0",
)
TEI = {"t": "http://www.tei-c.org/ns/1.0"}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Three valid seeds (the first positive cases), the repository's settings, and a
    table with a full row for A, the publication alone for B and no row for C."""
    root = tmp_path / "corpus"
    (root / "seeds").mkdir(parents=True)
    for doc_id in (A, B, C):
        shutil.copy(CASES / "positive" / f"{doc_id}.txt", root / "seeds")
    shutil.copy(REPO / "corpus.toml", root / "corpus.toml")
    (root / "metadata.csv").write_text(HEADER + ROW_A + f"{B},Minsk Herald,,,,\n", encoding="utf-8")
    return root


def _backdate(root: Path, seconds: int = 60) -> None:
    """Every file older than the racy window of the cache's stamps."""
    when = time.time() - seconds
    for path in root.rglob("*"):
        if path.is_file() and ".corpus-cache" not in path.parts:
            os.utime(path, (when, when))


def _found(report: corpus_tools.Report) -> list[tuple[str, str, int | None]]:
    return [(d.code, d.file, d.line) for d in report]


# --- the contract ----------------------------------------------------------------


def test_the_table_schema_is_what_the_reader_checks() -> None:
    schema = json.loads((schema_dir() / "metadata.tableschema.json").read_text("utf-8"))
    fields = {f["name"]: f for f in schema["fields"]}
    assert tuple(fields) == COLUMNS == ("id", *SOURCE_FIELDS)
    assert schema["primaryKey"] == ["id"]
    assert fields["id"]["constraints"] == {
        "required": True,
        "unique": True,
        "pattern": "[0-9]{3,}_[0-9a-f]{16}",
    }
    assert [n for n, f in fields.items() if f.get("constraints", {}).get("required")] == ["id"]
    assert fields["headline"]["constraints"]["maxLength"] == HEADLINE_MAX
    # One URL pattern: the Table Schema's, the documents table's, the canonical schema's.
    document = load_schema("document.schema.json")
    source = document["properties"]["source"]["properties"]
    assert fields["url"]["constraints"]["pattern"] == SOURCE_URL
    assert source["url"]["pattern"] == f"^{SOURCE_URL}$"
    assert source["headline"]["maxLength"] == HEADLINE_MAX
    assert set(source) == set(SOURCE_FIELDS)


def test_frictionless_reads_a_good_table_with_the_shipped_schema(tmp_path: Path) -> None:
    pytest.importorskip("frictionless")
    shutil.copy(schema_dir() / "metadata.tableschema.json", tmp_path)

    def frictionless(rows: str) -> list[str]:
        (tmp_path / "metadata.csv").write_text(HEADER + rows, encoding="utf-8")
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "frictionless",
                "validate",
                "--json",
                "--schema",
                "metadata.tableschema.json",
                "metadata.csv",
            ],
            cwd=tmp_path,
            capture_output=True,
            text=True,
        )
        report = json.loads(proc.stdout)
        return sorted(e["type"] for task in report["tasks"] for e in task["errors"])

    assert frictionless(ROW_A + f"{B},Minsk Herald,,,,\n") == []
    # The same schema refuses what corpus-tools refuses: a duplicate id, a bad id.
    assert frictionless(ROW_A + ROW_A + "x,,,,,\n") == [
        "constraint-error",
        "primary-key",
        "unique-error",
    ]


GOOD_URLS = [
    "https://www.belta.by/president/view/lukashenko-csto-summit-123456-2025/",
    "http://example.org",
    "https://Example.ORG/a/b?q=1&r=%D0%B0#frag",
    "https://xn--d1acpjx3f.xn--p1ai/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8",
    "http://192.0.2.7:8080/a",
    "https://[2001:db8::1]/x",
    "https://news.example.co.uk/2025/11/27/story_(update)",
]
BAD_URLS = {
    "example.org/news": "does not start with http:// or https://",
    "mailto:desk@example.org": "does not start with http:// or https://",
    "HTTPS://example.org/": "does not start with http:// or https://",
    "https://": "has no host name",
    "https://example": "has no valid host name",
    "https://-bad-.org/": "has no valid host name",
    "https://example.org:0/": "has the port 0",
    "https://example.org:99999/": "is not a valid URL",
    "https://exam ple.org/": "holds white space",
    "https://example.org/\u00e9": "holds the character 'é'",
    "https://example.org/<tag>": "holds the character '<'",
    "https://example.org/%E": "does not start a percent-encoded byte",
    "https://a@example.org/": "user name or password",
}


@pytest.mark.parametrize("url", GOOD_URLS)
def test_good_urls_pass_every_check_of_them(url: str) -> None:
    assert url_problem(url) is None
    assert re.fullmatch(SOURCE_URL, url)
    data = _document().to_dict()
    data["source"] = {"url": url}
    assert check_document(data) is None


@pytest.mark.parametrize(("url", "why"), sorted(BAD_URLS.items()))
def test_bad_urls_are_refused_with_the_reason(url: str, why: str) -> None:
    problem = url_problem(url)
    assert problem is not None
    assert why in problem


def test_cells_are_trimmed_nfc_and_a_bom_and_crlf_are_read() -> None:
    data = (
        "\ufeff" + HEADER.replace("\n", "\r\n") + f' {A} ,"  Cafe\u0301 Daily ",,,,\r\n'
    ).encode()
    table = parse_metadata(data, "metadata.csv")
    assert table.findings == []
    assert table.sources == {A: Source(publication="Café Daily")}
    # An empty row names a document but gives nothing: no source, no digest.
    table = parse_metadata((HEADER + f"{A},,,,,\n").encode(), "metadata.csv")
    assert (table.findings, table.sources, table.digest(A)) == ([], {}, None)
    assert list(table.ids) == [A]


@pytest.mark.parametrize("marker", ["NA", "N/A", "n/a", "None", "null", "NULL", "NaN", "#N/A"])
def test_a_value_that_readers_take_for_missing_is_refused(marker: str) -> None:
    data = (HEADER + f"{A},The Daily Example,,{marker},,CC BY 4.0\n").encode()
    table = parse_metadata(data, "metadata.csv")
    assert [(d.code, d.line, d.column, d.message, d.hint) for d in table.findings] == [
        (
            "metadata-bad-value",
            2,
            len(f"{A},The Daily Example,,") + 1,
            f"the author is {marker!r}, which pandas, R and other readers of the exports take "
            "for a missing value",
            "leave the cell empty where the author is not known",
        )
    ]
    assert table.sources == {}
    # Only the whole value: a publication that merely contains such a word is fine.
    ok = parse_metadata((HEADER + f"{A},NA Today,,,,\n").encode(), "metadata.csv")
    assert (ok.findings, ok.sources) == ([], {A: Source(publication="NA Today")})


def test_a_row_with_an_error_is_not_applied_and_columns_are_in_any_order() -> None:
    data = (
        f"licence,id,url\nCC BY 4.0,{A},https://example.org/a\nCC BY 4.0,{B},ftp://example.org/b\n"
    ).encode()
    table = parse_metadata(data, "metadata.csv")
    assert [(d.code, d.line, d.column) for d in table.findings] == [
        ("metadata-missing-column", 1, None),
        ("metadata-missing-column", 1, None),
        ("metadata-missing-column", 1, None),
        ("metadata-bad-url", 3, 32),
    ]
    assert table.sources == {A: Source(url="https://example.org/a", licence="CC BY 4.0")}


def test_a_version_2_0_0_document_is_still_read() -> None:
    data = _document().to_dict()
    assert "source" not in data
    data["schema_version"] = "2.0.0"
    assert check_document(data) is None
    data["title_source"] = "headline"  # 2.1.0 values in a 2.0.0 document are still valid
    data["source"] = {"headline": data["title"]}
    assert check_document(data) is None
    data["source"] = {}
    assert check_document(data) is not None  # a source says something


def _document() -> Document:
    return next(corpus_tools.read(REPO / "exports" / "corpus.jsonl"))


# --- merged into every export ------------------------------------------------------


def _converted(root: Path) -> dict[str, Document]:
    out = CliRunner().invoke(cli, ["convert", "--root", str(root)], catch_exceptions=False)
    assert out.exit_code == 0, out.output
    docs = [Document.from_dict(json.loads(line)) for line in out.stdout.splitlines()]
    return {d.id: d for d in docs}


def test_rows_reach_every_export_and_every_reader_gives_them_back(corpus: Path) -> None:
    result = corpus_tools.export(corpus, formats=["all"], jobs=1)
    assert not result.refused, result.report.diagnostics
    docs = _converted(corpus)
    a, b, c = docs[A], docs[B], docs[C]
    assert (a.title, a.title_source, a.source) == (SOURCE_A.headline, "headline", SOURCE_A)
    assert a.to_dict()["source"] == SOURCE_A.to_dict()
    assert b.source == Source(publication="Minsk Herald")
    assert b.title_source == c.title_source == "first-sentence"
    assert c.source is None
    assert "source" not in c.to_dict()

    exports = corpus / "exports"
    for fmt in ("csv", "jsonl", "parquet", "tei"):
        assert {d.id: d for d in corpus_tools.read(exports, format=fmt)} == docs, fmt
    for path in sorted((exports / "tei").glob("*.xml")):
        (doc,) = corpus_tools.read(path)
        assert doc == docs[doc.id]

    # CSV: a row of document_facts.csv per field known, none where not known (no CSV
    # cell is empty); the title stays in documents.csv.
    import csv

    with (exports / "documents.csv").open(encoding="utf-8", newline="") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    assert not any(c.startswith("source_") for c in rows[A])
    assert rows[A]["title"] == SOURCE_A.headline
    with (exports / "document_facts.csv").open(encoding="utf-8", newline="") as fh:
        facts = [(r["document_id"], r["field"], r["value"]) for r in csv.DictReader(fh)]
    assert facts == [
        *((A, f"source_{f}", getattr(SOURCE_A, f)) for f in SOURCE_FIELDS),
        (B, "source_publication", "Minsk Herald"),
    ]
    assert SOURCE_A.author == "Kowalska, Anna"
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(exports / "documents.parquet")
    assert table.schema.field("source_url").type == "string"
    assert table.column("source_publication").to_pylist() == [
        "The Daily Example",
        "Minsk Herald",
        "",
    ]

    # TEI: sourceDesc/bibl with author, both titles, the pointer and the licence.
    tei = etree.parse(str(exports / "corpus.tei.xml"))
    bibl_a, bibl_b, bibl_c = tei.findall(".//t:TEI/t:teiHeader//t:sourceDesc/t:bibl", TEI)
    assert [(etree.QName(e).localname, e.get("level"), e.text) for e in bibl_a[:4]] == [
        ("author", None, "Kowalska, Anna"),
        ("title", "a", SOURCE_A.headline),
        ("title", "j", "The Daily Example"),
        ("date", None, "2025-11-20"),
    ]
    assert bibl_a.find("t:ptr", TEI).get("target") == SOURCE_A.url
    assert bibl_a.findtext("t:availability/t:licence", namespaces=TEI) == "CC BY 4.0"
    assert bibl_b.findtext("t:title[@level='j']", namespaces=TEI) == "Minsk Herald"
    assert bibl_b.find("t:author", TEI) is None
    assert bibl_b.find("t:ptr", TEI) is None
    assert bibl_c.find("t:title[@level='j']", TEI) is None
    # Valid against the project's schema (corpus validate applies it) ...
    assert _found(corpus_tools.validate(corpus, jobs=1)) == []
    # ... and against tei_all.
    if shutil.which("jing") and TEI_ALL.is_file():
        files = [
            str(exports / "corpus.tei.xml"),
            *map(str, sorted((exports / "tei").glob("*.xml"))),
        ]
        jing = subprocess.run(["jing", str(TEI_ALL), *files], capture_output=True, text=True)
        assert jing.returncode == 0, jing.stdout


def test_a_table_with_an_error_refuses_the_export(corpus: Path) -> None:
    (corpus / "metadata.csv").write_text(HEADER + f"{A},,www.example.org,,,\n", encoding="utf-8")
    result = corpus_tools.export(corpus, jobs=1)
    assert result.refused
    assert _found(result.report) == [("metadata-bad-url", "metadata.csv", 2)]
    assert [p for p in (corpus / "exports").rglob("*") if p.is_file()] == []


def test_a_warm_export_sees_a_new_row_with_an_error(corpus: Path) -> None:
    # C had no row: a row for C with an error changes no document, but the corpus is
    # then not exportable, which a manifest remembered from before must not hide.
    assert not corpus_tools.export(corpus, jobs=1).refused
    _backdate(corpus)
    assert corpus_tools.export(corpus, jobs=1).up_to_date
    with (corpus / "metadata.csv").open("a", encoding="utf-8") as fh:
        fh.write(f"{C},,https://example.org/a b,,,\n")
    _backdate(corpus)
    expected = [("metadata-bad-url", "metadata.csv", 4)]
    for report in (
        corpus_tools.export(corpus, check=True, jobs=1).report,
        corpus_tools.validate(corpus, jobs=1),
    ):
        errors = [d for d in report if d.effective_severity.value == "error"]
        assert [(d.code, d.file, d.line) for d in errors] == expected
        # The files of the whole corpus cannot be judged while it has an error.
        assert {d.code for d in report if d not in errors} == {"export-not-checked"}
    result = corpus_tools.export(corpus, jobs=1)
    assert result.refused
    assert _found(result.report) == expected


def test_an_unknown_id_is_a_policy_warning(corpus: Path) -> None:
    with (corpus / "metadata.csv").open("a", encoding="utf-8") as fh:
        fh.write("099_0123456789abcdef,Gone,,,,\n")
    report = corpus_tools.validate(corpus, jobs=1, exports=False)
    assert [(d.code, d.line, d.effective_severity.value) for d in report] == [
        ("metadata-unknown-id", 4, "warning")
    ]
    assert report.exit_code() == 0
    toml = corpus / "corpus.toml"
    toml.write_text(toml.read_text("utf-8") + '\n[rules]\nmetadata-unknown-id = "error"\n', "utf-8")
    assert corpus_tools.validate(corpus, jobs=1, exports=False).exit_code() == 1


def test_no_table_is_no_finding_and_changes_no_key(corpus: Path) -> None:
    (corpus / "metadata.csv").unlink()
    assert _found(corpus_tools.validate(corpus, jobs=1, exports=False)) == []
    docs = _converted(corpus)
    assert all(d.source is None for d in docs.values())


def test_the_table_can_live_elsewhere_and_its_path_is_checked(corpus: Path) -> None:
    toml = corpus / "corpus.toml"
    text = toml.read_text("utf-8")
    (corpus / "sources").mkdir()
    (corpus / "metadata.csv").rename(corpus / "sources" / "meta.csv")
    toml.write_text(text + '\n[metadata]\ntable = "sources/meta.csv"\n', "utf-8")
    assert load_config(corpus).metadata_table == "sources/meta.csv"
    assert _converted(corpus)[A].source == SOURCE_A
    for bad in ("seeds/meta.csv", "../meta.csv", "/tmp/meta.csv", "meta.txt", "exports/m.csv"):
        toml.write_text(text + f'\n[metadata]\ntable = "{bad}"\n', "utf-8")
        with pytest.raises(ConfigError, match=r"metadata\.table: "):
            load_config(corpus)


def test_validate_names_the_table_and_checks_it_alone(corpus: Path) -> None:
    (corpus / "metadata.csv").write_text(HEADER + f"{A},,https://example.org/a b,,,\n", "utf-8")
    result = CliRunner().invoke(
        cli,
        ["validate", "--root", str(corpus), str(corpus / "metadata.csv")],
        catch_exceptions=False,
    )
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "metadata.csv:2:23: error[metadata-bad-url] 'https://example.org/a b' holds white "
        "space (percent-encode a space as %20); help: write the full address as the browser "
        "shows it, starting with https:// or http://, with spaces and other special "
        "characters percent-encoded",
        "1 file, 1 error, 0 warnings",
    ]


# --- the cache and one pass ------------------------------------------------------


def test_each_seed_is_converted_once_with_a_table(corpus: Path, conversions: list[str]) -> None:
    corpus_tools.export(corpus, jobs=1, cache=False)
    conversions.clear()
    assert _found(corpus_tools.validate(corpus, jobs=1, cache=False)) == []
    assert sorted(conversions) == [f"{i}.txt" for i in (A, B, C)]


def test_a_warm_run_after_editing_a_row_sees_the_change(
    corpus: Path, conversions: list[str]
) -> None:
    corpus_tools.export(corpus, jobs=1)
    _backdate(corpus)
    assert _found(corpus_tools.validate(corpus, jobs=1)) == []
    conversions.clear()
    assert _found(corpus_tools.validate(corpus, jobs=1)) == []
    assert conversions == []  # warm: answered from the cache

    table = corpus / "metadata.csv"
    table.write_text(table.read_text("utf-8").replace("Minsk Herald", "Minsk Courier"), "utf-8")
    _backdate(corpus)  # the seeds' stamps are trusted: only the table's content changed
    # The per-seed cache: B's result is keyed by its row, so B alone is converted again.
    conversions.clear()
    assert _found(corpus_tools.validate(corpus, jobs=1, exports=False)) == []
    assert conversions == [f"{B}.txt"]
    # The export key and the snapshot: B's files are stale, and so are the tables.
    stale = _found(corpus_tools.validate(corpus, jobs=1))
    assert {f for _, f, _ in stale} >= {
        "exports/document_facts.csv",
        "exports/documents.parquet",
        "exports/corpus.jsonl",
        "exports/corpus.tei.xml",
    }
    assert {c for c, _, _ in stale} == {"export-stale"}
    assert not any(A in f or C in f for _, f, _ in stale)
    assert [d.code for d in corpus_tools.export(corpus, check=True, jobs=1).report] == [
        c for c, _, _ in stale
    ]
    result = corpus_tools.export(corpus, jobs=1)
    assert result.written
    assert not result.refused
    assert "Minsk Courier" in (corpus / "exports" / "document_facts.csv").read_text("utf-8")
    _backdate(corpus)
    conversions.clear()
    assert _found(corpus_tools.validate(corpus, jobs=1)) == []
    assert corpus_tools.export(corpus, jobs=1).up_to_date
    # Removing the row is a change too; restoring it makes the first results valid again.
    table.write_text(HEADER + ROW_A, "utf-8")
    _backdate(corpus)
    assert {c for c, _, _ in _found(corpus_tools.validate(corpus, jobs=1))} == {"export-stale"}


# --- pull requests ---------------------------------------------------------------


@pytest.fixture
def repo(corpus: Path) -> Path:
    """The corpus, exported and committed on main."""
    corpus_tools.export(corpus, jobs=1, cache=False)
    git(corpus, "init", "-q", "-b", "main")
    git(corpus, "add", "-A")
    git(corpus, "commit", "-qm", "corpus")
    return corpus


def test_changed_since_rechecks_what_a_table_change_touches(repo: Path) -> None:
    table = repo / "metadata.csv"
    # B's row edited (with a bad URL, so it no longer applies), C's added; A's row is as
    # on main.
    table.write_text(
        HEADER + ROW_A + f"{B},Minsk Courier,https://example.org/x y,,,\n{C},Minsk Herald,,,,\n",
        "utf-8",
    )
    run = api.check(repo, changed_since="main", jobs=1, cache=False, list_files=True)
    assert run.checked == ["metadata.csv", f"seeds/{B}.txt", f"seeds/{C}.txt"]
    found = _found(run.report)
    assert ("metadata-bad-url", "metadata.csv", 3) in found
    # The export check still covers everything: B's export files are stale.
    assert any(c == "export-stale" and B in f for c, f, _ in found)
    assert not any(A in f for _, f, _ in found)

    # Once committed, the same holds for the commits of the branch.
    git(repo, "checkout", "-qb", "branch")
    git(repo, "commit", "-qam", "rows")
    run = api.check(
        repo, changed_since="main", include_worktree=False, jobs=1, cache=False, list_files=True
    )
    assert run.checked == ["metadata.csv", f"seeds/{B}.txt", f"seeds/{C}.txt"]

    # A table that did not change is not blamed on a pull request.
    table.write_text(HEADER + ROW_A + f"{B},Minsk Courier,https://example.org/x%20y,,,\n", "utf-8")
    git(repo, "commit", "-qam", "fix")
    git(repo, "checkout", "-qb", "later")
    (repo / "seeds" / f"{A}.txt").write_text(
        (repo / "seeds" / f"{A}.txt").read_text("utf-8") + "\nOne more paragraph.\n", "utf-8"
    )
    run = api.check(repo, changed_since="branch", jobs=1, cache=False, list_files=True)
    assert run.checked == [f"seeds/{A}.txt"]


def test_changed_since_when_the_table_is_deleted(repo: Path) -> None:
    (repo / "metadata.csv").unlink()
    run = api.check(repo, changed_since="main", jobs=1, cache=False, list_files=True)
    assert run.checked == [f"seeds/{A}.txt", f"seeds/{B}.txt"]
    assert {c for c, _, _ in _found(run.report)} == {"export-stale"}


def test_committed_only_reads_the_committed_table(repo: Path) -> None:
    table = repo / "metadata.csv"
    table.write_text(HEADER + f"{A},,ftp://example.org/a,,,\n", "utf-8")
    git(repo, "commit", "-qam", "a bad URL")
    table.write_text(HEADER + ROW_A + f"{B},Minsk Herald,,,,\n", "utf-8")  # fixed, uncommitted
    committed = api.check(repo, changed_since="HEAD~1", include_worktree=False, jobs=1)
    found = _found(committed.report)
    assert ("metadata-bad-url", "metadata.csv", 2) in found
    assert any("--committed-only checked the committed versions" in n for n in committed.notes)
    worktree = api.check(repo, changed_since="HEAD~1", jobs=1)
    assert _found(worktree.report) == []


def test_the_package_holds_the_table(corpus: Path, tmp_path: Path) -> None:
    bagit = pytest.importorskip("bagit")
    pytest.importorskip("rocrate")
    from corpus_tools.package import package

    result = package(corpus, tmp_path / "bag", jobs=1)
    assert not result.refused
    made = bagit.Bag(str(tmp_path / "bag"))
    assert made.is_valid()
    payload = {Path(p).relative_to("data").as_posix() for p in made.payload_files()}
    assert {"metadata.csv", "schema/metadata.tableschema.json"} <= payload
    data = tmp_path / "bag" / "data"
    assert (data / "metadata.csv").read_bytes() == (corpus / "metadata.csv").read_bytes()
    # The bag's own sources make the bag's exports again.
    (doc,) = (d for d in corpus_tools.read(data / "exports", format="csv") if d.id == A)
    assert doc.source == SOURCE_A


_VALUE = (
    st.text(
        alphabet=st.sampled_from(list("Aaz09 ,;:&<>\"'«»—–№éЖжё🎉\u00a0")), min_size=1, max_size=40
    )
    .map(lambda v: unicodedata.normalize("NFC", v).strip())
    .filter(bool)
)
_URL = st.sampled_from(GOOD_URLS)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    values=st.fixed_dictionaries(
        {},
        optional={
            "publication": _VALUE,
            "url": _URL,
            "author": _VALUE,
            "headline": _VALUE,
            "licence": _VALUE,
        },
    )
)
def test_any_values_round_trip_through_every_format(
    values: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    import csv
    import io

    root = tmp_path_factory.mktemp("roundtrip")
    (root / "seeds").mkdir()
    shutil.copy(CASES / "positive" / f"{A}.txt", root / "seeds")
    (root / "corpus.toml").write_text(UNTRACKED_TOML, encoding="utf-8")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(COLUMNS)
    writer.writerow([A, *(values.get(f, "") for f in SOURCE_FIELDS)])
    (root / "metadata.csv").write_text(out.getvalue(), encoding="utf-8")
    result = corpus_tools.export(root, formats=["all"], out=root / "exports", jobs=1, cache=False)
    assert not result.refused, result.report.diagnostics
    (doc,) = _converted(root).values()
    assert doc.source == (Source(**values) if values else None)
    assert (doc.title_source == "headline") == ("headline" in values)
    for fmt in ("csv", "jsonl", "parquet", "tei"):
        assert list(corpus_tools.read(root / "exports", format=fmt)) == [doc], fmt
