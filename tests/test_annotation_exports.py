"""What the annotation adds (quotation types, speakers, persons, dateline, confidence)
in the canonical document and every export, and the schema version check."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from corpus_tools.checks import check_json, check_jsonl
from corpus_tools.cli import cli
from corpus_tools.config import Config
from corpus_tools.exporters.csv import read_csv_export
from corpus_tools.exporters.jsonl import JsonlReadError, read_jsonl
from corpus_tools.exporters.tei import read_tei
from corpus_tools.exports import export_documents
from corpus_tools.model import SCHEMA_VERSION, Document, dumps_canonical
from corpus_tools.schema import check_document, document_schema_version
from corpus_tools.seeds import convert_seed

from .annotated import SEED, SEED_PATH, annotated_document
from .conftest import GOLDENS, REPO, UNTRACKED_TOML

CONFIG = Config(
    title="Annotation test corpus",
    publisher="Test publisher",
    licence="CC BY 4.0",
    licence_url="https://creativecommons.org/licenses/by/4.0/",
    idno="annotation-test",
    default_lang="en",
)
REAL_SEED = "seeds/000_8817f6bb585a9fd5.txt"


def _documents() -> list[Document]:
    real = convert_seed((REPO / REAL_SEED).read_bytes(), REAL_SEED, CONFIG).document
    assert real is not None
    return [real, annotated_document(CONFIG)]


def test_the_annotated_document_has_every_fact() -> None:
    doc = annotated_document(CONFIG)
    assert check_document(doc.to_dict()) is None
    assert {q.type for q in doc.quotations} == {"speech", "title", "name", "term"}
    assert any(q.depth > 0 and q.type == "term" for q in doc.quotations)
    speech = [q for q in doc.quotations if q.type == "speech"]
    assert any(q.speaker is None for q in speech)  # unattributed
    assert any(q.speaker is not None and q.speaker.ref is None for q in speech)
    assert any(q.prev is not None and q.speaker is not None for q in speech)
    # A quotation continued in the next paragraph: parts linked across paragraphs.
    by_id = {q.id: q for q in speech}
    assert any(
        q.prev in by_id and by_id[q.prev].start.paragraph < q.start.paragraph for q in speech
    )
    assert all(len(p.mentions) > 1 for p in doc.persons)
    assert (doc.dateline, doc.lang_confidence, doc.title_source) == (
        "MINSK, Dec 1 (Reuters) -",
        0.87,
        "after-dateline",
    )


def test_canonical_json_golden(golden: Callable[[Path, bytes], None]) -> None:
    doc = annotated_document(Config())
    text = dumps_canonical(doc.to_dict(), indent=2) + "\n"
    golden(GOLDENS / "canonical" / "004_00000000000000bb.json", text.encode("utf-8"))


def test_canonical_json_round_trips() -> None:
    for doc in _documents():
        data = json.loads(dumps_canonical(doc.to_dict()))
        assert Document.from_dict(data) == doc
        assert Document.from_dict(data).to_dict() == data


def test_the_converter_fills_every_field_from_the_engine() -> None:
    data = convert_seed(SEED, SEED_PATH, CONFIG).document
    assert data is not None
    out = data.to_dict()
    assert out["schema_version"] == SCHEMA_VERSION == "2.1.0" == document_schema_version()
    assert (out["lang"], out["lang_source"], out["dateline"], out["title_source"]) == (
        "en",
        "detected",
        "MINSK, Dec 1 (Reuters) -",
        "after-dateline",
    )
    assert isinstance(out["lang_confidence"], float)
    assert {q["type"] for q in out["quotations"]} == {"speech", "title", "name", "term"}
    refs = {q["speaker"]["ref"] for q in out["quotations"] if q["speaker"]}
    assert refs <= {p["id"] for p in out["persons"]}
    assert out["persons"][0]["name"] == "Anna Kowalska"


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "tei", "tei-per-article"])
def test_every_export_reads_back_equal(tmp_path: Path, fmt: str) -> None:
    docs = _documents()
    export_documents(docs, ["csv", "jsonl", "tei"], tmp_path, CONFIG)
    read = {
        "jsonl": lambda: list(read_jsonl(tmp_path / "corpus.jsonl")),
        "csv": lambda: list(read_csv_export(tmp_path)),
        "tei": lambda: list(read_tei(tmp_path / "corpus.tei.xml")),
        "tei-per-article": lambda: [
            d for p in sorted((tmp_path / "tei").glob("*.xml")) for d in read_tei(p)
        ],
    }[fmt]()
    assert read == docs
    assert [d.to_dict() for d in read] == [d.to_dict() for d in docs]


def test_jsonl_records_are_one_line_for_unicode_line_splitters(tmp_path: Path) -> None:
    """U+2028 and U+2029 are written escaped: str.splitlines gives one record a line."""
    seed = " date 2025-06-01 A line\u2028separator and a paragraph\u2029separator.\n"
    doc = convert_seed(seed.encode(), "seeds/001_0123456789abcdef.txt").document
    assert doc is not None
    assert "\u2028" in doc.paragraphs[0].text
    export_documents([doc], ["jsonl"], tmp_path, CONFIG)
    data = (tmp_path / "corpus.jsonl").read_bytes()
    assert "\u2028".encode() not in data
    assert b"\\u2028" in data
    assert b"\\u2029" in data
    assert len(data.decode().splitlines()) == 1
    assert list(read_jsonl(tmp_path / "corpus.jsonl")) == [doc]


# --- the schema ----------------------------------------------------------------------


def _annotated_dict() -> dict[str, Any]:
    return annotated_document(CONFIG).to_dict()


def _pointer_and_message(data: dict[str, Any]) -> tuple[str, str]:
    problem = check_document(data)
    assert problem is not None
    return problem.pointer, problem.message


def test_only_speech_has_a_speaker() -> None:
    data = _annotated_dict()
    data["quotations"][0]["speaker"] = {"name": "X", "mention": "Y", "ref": None}
    assert data["quotations"][0]["type"] == "title"
    assert _pointer_and_message(data)[0] == "/quotations/0/speaker"


@pytest.mark.parametrize(
    ("change", "pointer"),
    [
        (
            lambda d: d["quotations"][2]["speaker"].update(ref="person9"),
            "/quotations/2/speaker/ref",
        ),
        (lambda d: d["persons"][1].update(id="person1"), "/persons/1/id"),
        (lambda d: d["persons"][0].update(id="p1"), "/persons/0/id"),
        (lambda d: d["persons"][0].update(mentions=[]), "/persons/0/mentions"),
        (lambda d: d["quotations"][2]["speaker"].pop("mention"), "/quotations/2/speaker"),
        (lambda d: d["quotations"][2].update(type="quote"), "/quotations/2/type"),
        (lambda d: d["quotations"][2].pop("type"), "/quotations/2"),
        (lambda d: d.update(lang_confidence=1.5), "/lang_confidence"),
        (lambda d: d.update(lang_confidence="0.9"), "/lang_confidence"),
        (lambda d: d.update(dateline=""), "/dateline"),
        (lambda d: d.pop("persons"), ""),
        (lambda d: d.update(title_source="guessed"), "/title_source"),
    ],
)
def test_annotations_the_schema_refuses(
    change: Callable[[dict[str, Any]], Any], pointer: str
) -> None:
    data = _annotated_dict()
    change(data)
    assert _pointer_and_message(data)[0] == pointer


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """A change that sets the member at ``path`` (keys and indexes, /-separated)."""

    def change(data: dict[str, Any]) -> None:
        *head, last = path.split("/")
        node: Any = data
        for key in head:
            node = node[int(key)] if key.isdigit() else node[key]
        node[int(last) if last.isdigit() else last] = value

    return change


@pytest.mark.parametrize(
    ("change", "pointer", "message"),
    [
        (_set("quotations/3/prev", "q99"), "/quotations/3/prev", "'q99' is no earlier quotation"),
        (_set("quotations/4/parent", "q5"), "/quotations/4/parent", "'q5' is no earlier"),
        (_set("quotations/2/parent", "q4"), "/quotations/2/parent", "'q4' is no earlier"),
        (_set("quotations/0/depth", 1), "/quotations/0/depth", "is 1 but the quotation has no"),
        (_set("quotations/4/depth", 2), "/quotations/4/depth", "is not one more than that of"),
        (_set("quotations/1/id", "q1"), "/quotations/1/id", "'q1' is the id of an earlier"),
        (_set("quotations/0/end/offset", 100_000), "/quotations/0/end/offset", "not in their"),
        (_set("quotations/0/start/offset", 95), "/quotations/0/end/offset", "not in their"),
        (_set("quotations/0/end/paragraph", 9), "/quotations/0/end", "not in paragraphs 1 to 7"),
        (_set("quotations/0/text", "“Clean Air 2031”"), "/quotations/0/text", "is not the text"),
        (_set("hash", "00000000000000aa"), "/id", "is not seq 4 and hash '00000000000000aa'"),
        (_set("seq", 5), "/id", "is not seq 5 and hash"),
        (_set("paragraphs/1/n", 3), "/paragraphs/1/n", "paragraph 2 is numbered 3"),
        (_set("stats/words", 1), "/stats/words", "is 1 but the text has"),
        (_set("stats/quotations", 9), "/stats/quotations", "is 9 but the text has 10"),
        (_set("dateline", "PARIS -"), "/dateline", "does not open the first paragraph"),
    ],
)
def test_documents_that_contradict_themselves_are_refused(
    change: Callable[[dict[str, Any]], None], pointer: str, message: str
) -> None:
    """What the schema cannot say and the converter always makes true (a hand-edited
    or damaged document would export facts its text does not hold)."""
    data = _annotated_dict()
    assert check_document(data) is None
    change(data)
    found = _pointer_and_message(data)
    assert found[0] == pointer
    assert message in found[1]


def test_validate_names_the_contradiction_in_a_canonical_file(tmp_path: Path) -> None:
    data = _annotated_dict()
    data["quotations"][3]["prev"] = "q99"
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["validate", "--root", str(REPO), str(path)], catch_exceptions=False
    )
    assert result.exit_code == 1
    assert (
        "error[schema-violation] /quotations/3/prev: 'q99' is no earlier quotation of the "
        "document" in result.output
    )


# --- an older canonical document -----------------------------------------------------


def _old_document() -> dict[str, Any]:
    """A document as corpus-tools wrote it before schema 2.0.0."""
    data = copy.deepcopy(_documents()[0].to_dict())
    data["schema_version"] = "1.0"
    for key in ("persons", "lang_confidence", "dateline"):
        del data[key]
    for q in data["quotations"]:
        del q["type"], q["speaker"]
    return data


@pytest.mark.parametrize("version", ["1.0", "1.0.0", "3.0.0", 2, None])
def test_another_schema_version_is_told_before_the_schema(version: Any) -> None:
    data = _old_document()
    data["schema_version"] = version
    problem = check_document(data)
    assert problem is not None
    assert problem.validator == "schema-version"
    assert problem.pointer == "/schema_version"
    assert repr(version) in problem.message
    assert "reads schema version '2.1.0' (and '2.0.0')" in problem.message


def test_validate_reports_schema_version_for_json_and_jsonl(tmp_path: Path) -> None:
    (tmp_path / "corpus.toml").write_text(UNTRACKED_TOML, encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    old = _old_document()
    (tmp_path / "old.json").write_text(json.dumps(old), encoding="utf-8")
    current = dumps_canonical(_documents()[1].to_dict())
    (tmp_path / "mixed.jsonl").write_text(
        current + "\n" + dumps_canonical(old) + "\n", encoding="utf-8"
    )
    found = check_json(tmp_path / "old.json", tmp_path).diagnostics
    assert [(d.code, d.pointer) for d in found] == [("schema-version", "/schema_version")]
    assert found[0].message == (
        "the document is of schema version '1.0'; this corpus-tools reads schema version "
        "'2.1.0' (and '2.0.0')"
    )
    found = check_jsonl(tmp_path / "mixed.jsonl", tmp_path).diagnostics
    assert [(d.code, d.line) for d in found] == [("schema-version", 2)]

    result = CliRunner().invoke(
        cli,
        ["validate", "--root", str(tmp_path), str(tmp_path / "old.json")],
        catch_exceptions=False,
    )
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        "old.json: error[schema-version] the document is of schema version '1.0'; this "
        "corpus-tools reads schema version '2.1.0' (and '2.0.0'); help: convert it again from its seed "
        "with this corpus-tools (corpus convert SEED, or corpus export)"
    )

    with pytest.raises(JsonlReadError, match=r"schema version '1\.0'"):
        list(read_jsonl(tmp_path / "mixed.jsonl"))
