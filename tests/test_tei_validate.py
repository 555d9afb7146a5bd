"""``corpus validate PATH`` checks an exported file as what it is (TEI, JSONL, canonical
JSON, by extension and content), and ``--tei-schematron`` runs the Schematron rules
embedded in a TEI schema such as ``tei_all.rng``."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus_tools import api
from corpus_tools.cli import cli
from corpus_tools.exporters.tei.names import SCHEMA_FILE

from .conftest import REPO, TEI_ALL

ID = "000_8817f6bb585a9fd5"
DOC = f"doc-{ID}.xml"
HAS_SAXON = importlib.util.find_spec("saxonche") is not None


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A copy of the repository's corpus: corpus.toml, seeds/ and the committed exports/."""
    root = tmp_path / "corpus"
    root.mkdir()
    shutil.copy(REPO / "corpus.toml", root / "corpus.toml")
    shutil.copytree(REPO / "seeds", root / "seeds")
    shutil.copytree(REPO / "exports", root / "exports")
    shutil.copytree(REPO / "schema", root / "schema")
    return root


def _findings(root: Path, paths: list[str], **options: object) -> list[tuple[str, str, int | None]]:
    report = api.validate(root, [root / p for p in paths], cache=False, **options)  # type: ignore[arg-type]
    return [(d.code, d.file, d.line) for d in report.diagnostics]


def _schematron_ready() -> None:
    if not TEI_ALL.is_file():
        pytest.skip(f"tei_all.rng not found at {TEI_ALL} (it is read from ../shared/tei/)")
    if not HAS_SAXON:
        pytest.skip("saxonche is not installed (pip install 'corpus-tools[schematron]')")


# --- exported files, validated as what they are --------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        f"exports/tei/{DOC}",
        "exports/corpus.tei.xml",
        "exports/corpus.jsonl",
        "exports/quotations.jsonl",
        "exports/persons.jsonl",
    ],
)
def test_exported_files_are_validated_as_what_they_are(corpus: Path, path: str) -> None:
    # One at a time: two views of the corpus together hold each document twice.
    assert _findings(corpus, [path]) == []


def test_two_views_of_one_document_are_a_duplicate(corpus: Path) -> None:
    assert _findings(corpus, [f"exports/tei/{DOC}", "exports/corpus.tei.xml"]) == [
        ("duplicate-id", f"exports/tei/{DOC}", None)
    ]


def test_a_tei_file_is_not_a_seed(corpus: Path) -> None:
    # Before: seed-bad-filename and seed-missing-date.
    report = api.validate(corpus, [corpus / "exports" / "tei" / DOC], cache=False)
    assert report.files == 1
    assert report.diagnostics == []


def test_an_invalid_tei_file_is_reported_with_its_line(corpus: Path) -> None:
    path = corpus / "exports" / "tei" / DOC
    text = path.read_text(encoding="utf-8")
    broken = text.replace(
        f'who="#doc-{ID}-person1"', f'who="#doc-{ID}-person9"', 1
    )  # a pointer to nothing
    assert broken != text
    path.write_text(broken, encoding="utf-8")
    line = next(i for i, row in enumerate(broken.splitlines(), 1) if "person9" in row)
    assert _findings(corpus, [f"exports/tei/{DOC}"]) == [
        ("export-invalid", f"exports/tei/{DOC}", line),
    ]


def test_extension_and_content_that_disagree_are_findings(corpus: Path) -> None:
    folder = corpus / "given"
    folder.mkdir()
    (folder / "json.xml").write_text('{"id": "000_8817f6bb585a9fd5"}\n', encoding="utf-8")
    (folder / "tei.json").write_bytes((corpus / "exports" / "tei" / DOC).read_bytes())
    (folder / "seed.jsonl").write_text("date 2020-01-01\nA text.\n", encoding="utf-8")
    (folder / "tei.txt").write_bytes((corpus / "exports" / "tei" / DOC).read_bytes())
    (folder / "other.xml").write_text("<?xml version='1.0'?>\n<html/>\n", encoding="utf-8")
    found = _findings(
        corpus,
        [
            "given/json.xml",
            "given/tei.json",
            "given/seed.jsonl",
            "given/tei.txt",
            "given/other.xml",
        ],
    )
    assert sorted(found) == [
        ("file-kind-mismatch", "given/json.xml", 1),
        ("file-kind-mismatch", "given/other.xml", 2),  # the root element's line
        ("file-kind-mismatch", "given/seed.jsonl", 1),
        ("file-kind-mismatch", "given/tei.json", 1),
        ("file-kind-mismatch", "given/tei.txt", 1),
    ]
    report = api.validate(corpus, [folder / "json.xml", folder / "other.xml"], cache=False)
    messages = {d.file: d.message for d in report.diagnostics}
    assert "holds JSON" in messages["given/json.xml"]
    assert "rename it to end in .json or .jsonl" in messages["given/json.xml"]
    assert "root element is <html> in no namespace" in messages["given/other.xml"]


def test_export_files_not_checked_alone_are_named_as_what_they_are(corpus: Path) -> None:
    names = [
        "exports/quotations.csv",
        "exports/datapackage.json",
        "exports/documents.parquet",
        "exports/corpus-tei.rng",
        "exports/README.md",
        "corpus.toml",
    ]
    assert sorted(_findings(corpus, names)) == sorted(
        ("file-kind-unsupported", name, None) for name in names
    )
    report = api.validate(corpus, [corpus / "exports" / "quotations.csv"], cache=False)
    assert [d.message for d in report.diagnostics] == [
        "exports/quotations.csv is a CSV table, which corpus validate does not check on its "
        "own: it was not read"
    ]
    assert report.exit_code() == 1


def test_the_export_folder_named_alone_is_checked_against_the_seeds(corpus: Path) -> None:
    alone = api.validate(corpus, [corpus / "exports"], cache=False)
    assert alone.diagnostics == api.validate(corpus, cache=False).diagnostics == []
    (corpus / "exports" / "corpus.jsonl").write_text("{}\n", encoding="utf-8")
    stale = api.validate(corpus, [corpus / "exports"], cache=False)
    assert [(d.code, d.file) for d in stale.diagnostics] == [
        ("export-stale", "exports/corpus.jsonl")
    ]


def test_validate_cli_names_the_file_and_line_of_a_mismatch(corpus: Path) -> None:
    (corpus / "notes.json").write_text("<TEI/>\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["validate", "--root", str(corpus), str(corpus / "notes.json")], catch_exceptions=False
    )
    assert result.exit_code == 1
    assert result.output.startswith(
        "notes.json:1: error[file-kind-mismatch] the file name says JSON but the file holds XML"
    )


# --- the Schematron rules of a TEI schema --------------------------------------------


def test_schematron_passes_the_exports(corpus: Path) -> None:
    _schematron_ready()
    report = api.validate(corpus, cache=False, schemas={"tei-schematron": TEI_ALL})
    assert [(d.code, d.file) for d in report.diagnostics] == []
    given = _findings(
        corpus,
        [f"exports/tei/{DOC}"],
        schemas={"tei": TEI_ALL, "tei-schematron": TEI_ALL},
    )
    assert given == []


def _break_rules(path: Path) -> tuple[int, int]:
    """Make ``path`` break two rules of tei_all's Schematron that RELAX NG allows:
    @schemeVersion with scheme="free", and @subtype without @type (on the
    titleStmt's title). Their lines."""
    text = path.read_text(encoding="utf-8")
    text = text.replace('scheme="free">', 'scheme="free" schemeVersion="1">', 1)
    text = text.replace("<title>", '<title subtype="x">', 1)
    path.write_text(text, encoding="utf-8")
    rows = text.splitlines()
    scheme = next(i for i, row in enumerate(rows, 1) if "schemeVersion" in row)
    subtype = next(i for i, row in enumerate(rows, 1) if 'subtype="x"' in row)
    return scheme, subtype


def test_schematron_finds_broken_rules_with_file_and_line(corpus: Path) -> None:
    _schematron_ready()
    path = corpus / "given" / DOC
    path.parent.mkdir()
    shutil.copy(corpus / "exports" / "tei" / DOC, path)
    scheme, subtype = _break_rules(path)
    report = api.validate(
        corpus, [path], cache=False, schemas={"tei": TEI_ALL, "tei-schematron": TEI_ALL}
    )
    found = sorted(report.diagnostics, key=lambda d: d.line or 0)
    assert [(d.code, d.file, d.line) for d in found] == [
        ("tei-schematron", f"given/{DOC}", subtype),
        ("tei-schematron", f"given/{DOC}", scheme),
    ]
    second, first = found
    assert first.message.startswith("@schemeVersion can only be used if @scheme is specified.")
    assert second.message.startswith(
        "The <title> element should not be categorized in detail with @subtype"
    )
    assert second.message.endswith(
        "(Schematron pattern tei_all-att.typed-subtypeTyped-constraint-rule-9)"
    )


class _Store:
    """A verdict store in memory (the cache's part that checks use)."""

    def __init__(self) -> None:
        self.items: dict[str, str] = {}

    def verdicts(self, keys: list[str]) -> dict[str, str]:
        return {k: self.items[k] for k in keys if k in self.items}

    def put_verdicts(self, items: dict[str, str]) -> None:
        self.items.update(items)


def test_schematron_in_the_export_check_is_cached(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The export check runs the rules on the fresh TEI files it is given, and keeps the
    verdicts by content like the RELAX NG ones: a second check runs nothing."""
    _schematron_ready()
    from corpus_tools.exporters import CheckSettings
    from corpus_tools.exporters.tei import check as tei_check
    from corpus_tools.exporters.tei import schematron
    from corpus_tools.exports import file_sha256

    out = corpus / "exports"
    scheme, subtype = _break_rules(out / "tei" / DOC)
    files = {
        name: file_sha256(str(out / name)) or ""
        for name in (f"tei/{DOC}", "corpus.tei.xml", SCHEMA_FILE)
    }
    store = _Store()
    settings = CheckSettings("exports", {"tei": TEI_ALL, "tei-schematron": TEI_ALL}, store)
    first = tei_check.check_files(out, files, settings)
    expected = [
        ("tei-schematron", f"exports/tei/{DOC}", scheme),
        ("tei-schematron", f"exports/tei/{DOC}", subtype),
    ]
    assert [(d.code, d.file, d.line) for d in first] == expected

    def refuse(*args: object) -> None:
        raise AssertionError("the rules ran again")

    monkeypatch.setattr(schematron, "check", refuse)
    again = tei_check.check_files(out, files, settings)
    assert again == first


def test_schematron_rules_must_exist(corpus: Path) -> None:
    if not HAS_SAXON:
        pytest.skip("saxonche is not installed")
    no_rules = corpus / "schema" / "tei" / "corpus-tei.rng"  # RELAX NG without Schematron
    result = CliRunner().invoke(
        cli,
        ["validate", "--root", str(corpus), "--tei-schematron", str(no_rules)],
        catch_exceptions=False,
    )
    assert result.exit_code == 2
    assert "holds no Schematron pattern" in result.output


def test_schematron_without_saxonche_is_a_usage_error(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from corpus_tools.exporters.tei import schematron

    monkeypatch.setattr(schematron.importlib.util, "find_spec", lambda name: None)
    rules = corpus / "schema" / "tei" / "corpus-tei.rng"
    result = CliRunner().invoke(
        cli,
        ["validate", "--root", str(corpus), "--tei-schematron", str(rules)],
        catch_exceptions=False,
    )
    assert result.exit_code == 2
    assert "--tei-schematron needs the saxonche package" in result.output
    assert "pip install 'corpus-tools[schematron]'" in result.output


def test_the_schema_the_files_point_to_is_shipped(corpus: Path) -> None:
    exports = corpus / "exports"
    assert (exports / SCHEMA_FILE).read_bytes() == (
        REPO / "schema" / "tei" / "corpus-tei.rng"
    ).read_bytes()
    model = (
        '<?xml-model href="{}" type="application/xml" '
        'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
    )
    assert (exports / "corpus.tei.xml").read_text("utf-8").splitlines()[1] + "\n" == (
        model.format(SCHEMA_FILE)
    )
    assert (exports / "tei" / DOC).read_text("utf-8").splitlines()[1] + "\n" == model.format(
        f"../{SCHEMA_FILE}"
    )


def test_schematron_refuses_a_doctype(tmp_path: Path) -> None:
    """Saxon never sees a file with a DOCTYPE: entities are not resolved, nothing fetched."""
    _schematron_ready()
    from corpus_tools.exporters.tei import schematron

    path = tmp_path / "doctype.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0">&x;</TEI>\n',
        encoding="utf-8",
    )
    found = schematron.check(path, TEI_ALL)
    assert [(f.line, f.message) for f in found] == [
        (1, "a DOCTYPE declaration is not allowed; the rules were not run")
    ]
