"""The TEI export: exact bytes, validity (own schema and tei_all), lossless reading, ids."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from lxml import etree

from corpus_tools.cache import context_key
from corpus_tools.config import Config, ConfigError
from corpus_tools.errors import ReadError
from corpus_tools.exporters import EXPORTERS
from corpus_tools.exporters.tei import (
    CORPUS_FILE,
    TEI_NS,
    XML_NS,
    CheckSettings,
    TeiExporter,
    TeiExportError,
    TeiReadError,
    TeiSink,
    check_tei_references,
    corpus_tei_schema,
    read_tei,
    render_document,
    render_fragments,
    safe_parser,
)
from corpus_tools.exporters.tei import check as tei_check
from corpus_tools.exporters.tei.check import check_files, verdict_key
from corpus_tools.exporters.tei.names import SCHEMA_FILE, doc_file
from corpus_tools.exports import export_documents
from corpus_tools.io import StagedFile, Staging
from corpus_tools.model import Document, Position, Quotation
from corpus_tools.seeds import convert_seed

from .annotated import annotated_document
from .conftest import TEI_CONFIG, peak_traced

REPO = Path(__file__).resolve().parents[1]
GOLDEN_DIR = REPO / "tests" / "goldens" / "tei"
# The official tei_all schema lives beside the checkout, never inside it.
TEI_ALL = Path(__file__).resolve().parents[2] / "shared" / "tei" / "tei_all.rng"
NS = {"t": TEI_NS}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

CONFIG = TEI_CONFIG

REAL_SEED = "seeds/000_8817f6bb585a9fd5.txt"
# Synthetic seeds for what TEI must carry:
# 001 a multi-paragraph quotation (press convention: every paragraph opens with “, only
#     the last closes) with a quotation nested in its second part, an interrupted quote
#     (“A,” he said. “B.”), & < >, emoji, a decomposed accent (normalised to NFC) and a
#     combining mark with no precomposed form;
# 002 Russian dialogue with a quote inside speech, « „…“ » nesting;
# 003 CRLF, a byte order mark, a tab, a paragraph of two lines, an opening mark never
#     closed (its inner quotation keeps depth 1 without a parent), a paragraph that is
#     one quotation and nothing else.
SYNTHETIC: dict[str, bytes] = {
    "seeds/001_0123456789abcdef.txt": (
        " date 2025-11-28 The minister & his team met at <Hall 7> today.\n\n"
        "“We have three goals this year. The first is growth,” the minister said. "
        "“The second is stability.”\n\n"
        "“The third goal is trust. Without it nothing works,\n\n"
        "“and with it everything is possible. As my teacher used to say, "
        "‘Trust is earned in drops.’ I still believe it.”\n\n"
        "Reporters asked about the cafe\u0301 😀 👍🏽 and q\u0307 — the minister smiled.\n"
    ).encode(),
    "seeds/002_fedcba9876543210.txt": (
        " date 2025-11-29 В Минске прошло совещание по вопросам энергетики.\n\n"
        "— Мы «готовы», — сказал он. — Работаем.\n\n"
        "«Он сказал: „Мы справимся“ и ушёл», — отметил министр.\n\n"
        "— Что дальше? — спросила она.\n"
    ).encode(),
    "seeds/003_00000000000000aa.txt": (
        "\ufeff date 2025-11-30 Edge cases: “A «B» C & <D>\twith more 👨‍👩‍👧 text\r\n"
        "on a second line.\r\n\r\n"
        "The end > the means.\r\n\r\n"
        "“Only a quotation here.”\r\n"
    ).encode(),
}


def _convert(rel: str, data: bytes, config: Config = CONFIG) -> Document:
    doc = convert_seed(data, rel, config).document
    assert doc is not None, rel
    return doc


def _documents() -> list[Document]:
    """The seeds converted, and 004: a converted seed annotated with every quotation
    type, speakers with and without a person, an unattributed question, persons with
    several mentions, a dateline and a confidence (``tests/annotated.py``)."""
    seeds = {REAL_SEED: (REPO / REAL_SEED).read_bytes(), **SYNTHETIC}
    converted = [_convert(rel, data) for rel, data in sorted(seeds.items())]
    return sorted([*converted, annotated_document(CONFIG)], key=lambda d: d.id)


DOCS = _documents()
BY_ID = {d.id: d for d in DOCS}


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    """The official tei_all schema, compiled once per session (6-9 s)."""
    if not TEI_ALL.is_file():
        pytest.skip(f"tei_all.rng not found at {TEI_ALL} (it is read from ../shared/tei/)")
    return etree.RelaxNG(etree.parse(str(TEI_ALL)))


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One export of every test document."""
    out = tmp_path_factory.mktemp("tei-export")
    export_documents(DOCS, ["tei"], out, CONFIG)
    return out


def _written(out: Path) -> list[Path]:
    return [out / CORPUS_FILE, *sorted((out / "tei").glob("*.xml"))]


def _parse(data: bytes) -> etree._ElementTree:
    return etree.ElementTree(etree.fromstring(data, safe_parser()))


# --- exact bytes ---------------------------------------------------------------------


@pytest.mark.parametrize("doc_id", sorted(BY_ID))
def test_document_golden(doc_id: str, golden: Callable[[Path, bytes], None]) -> None:
    golden(GOLDEN_DIR / doc_file(doc_id), render_document(BY_ID[doc_id], CONFIG))


def test_corpus_golden(exported: Path, golden: Callable[[Path, bytes], None]) -> None:
    golden(GOLDEN_DIR / CORPUS_FILE, (exported / CORPUS_FILE).read_bytes())


def test_written_files_are_the_rendered_documents(exported: Path) -> None:
    assert sorted(p.name for p in (exported / "tei").iterdir()) == [doc_file(i) for i in BY_ID]
    for doc in DOCS:
        assert (exported / "tei" / doc_file(doc.id)).read_bytes() == render_document(doc, CONFIG)


def test_bytes_are_deterministic(tmp_path: Path) -> None:
    first = export_documents(DOCS, ["tei"], tmp_path, CONFIG)
    before = {p: p.read_bytes() for p in _written(tmp_path)}
    again = export_documents(_documents(), ["tei"], tmp_path, CONFIG)
    assert len(first.written) == len(DOCS) + 2  # and corpus.tei.xml, corpus-tei.rng
    assert again.written == []
    assert {p: p.read_bytes() for p in _written(tmp_path)} == before


def test_serialisation_conventions(exported: Path) -> None:
    for path in _written(exported):
        data = path.read_bytes()
        assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n")
        assert data.endswith(b">\n")
        assert not data.endswith(b"\n\n")
        assert b"\r" not in data
        data.decode("utf-8")
        # Mixed content is never indented: each paragraph is one line.
        for line in data.decode().splitlines():
            if "<p n=" in line:
                assert line.strip().startswith("<p n="), line
                assert line.endswith("</p>"), line


# --- validity ------------------------------------------------------------------------


def test_written_files_are_valid_against_the_project_schema(exported: Path) -> None:
    schema = corpus_tei_schema()
    for path in _written(exported):
        tree = _parse(path.read_bytes())
        assert schema.validate(tree), (path.name, schema.error_log)


def test_written_files_are_valid_against_tei_all(exported: Path, tei_all: etree.RelaxNG) -> None:
    for path in _written(exported):
        tree = _parse(path.read_bytes())
        assert tei_all.validate(tree), (path.name, tei_all.error_log)


def test_jing_agrees(exported: Path) -> None:
    """A second RELAX NG implementation (Java) accepts the same files, when installed."""
    jing = shutil.which("jing")
    if jing is None:
        pytest.skip("jing is not installed (apt-get install -y jing)")
    files = [str(p) for p in _written(exported)]
    schemas = [REPO / "schema" / "tei" / "corpus-tei.rng"]
    if TEI_ALL.is_file():
        schemas.append(TEI_ALL)
    for schema in schemas:
        run = subprocess.run(
            [jing, str(schema), *files], capture_output=True, text=True, check=False
        )
        assert run.returncode == 0, run.stdout


def test_project_schema_is_strict() -> None:
    schema = corpus_tei_schema()
    good = render_document(BY_ID["001_0123456789abcdef"], CONFIG)
    assert schema.validate(_parse(good))
    for old, new in [
        (b'xml:id="doc-001_0123456789abcdef"', b'xml:id="doc-1"'),
        (b'when="2025-11-28"', b'when="28.11.2025"'),
        (b'xml:lang="en"', b'xml:lang="en_US"'),
        (b'rendition="#doc-001_0123456789abcdef-marks1"', b'rend="italic"'),
        (b'scheme="free"', b'scheme="css"'),
        (
            b"<mentioned>\xe2\x80\x9c</mentioned>",
            b"<mentioned>\xe2\x80\x9c\xe2\x80\x9c</mentioned>",
        ),
        (b'<idno type="sha256">', b'<idno type="sha256">X'),
        (b'direct="true" rendition', b'direct="false" rendition'),
        (b'direct="true" rendition', b'direct="true" aloud="true" rendition'),
        (b"</p>", b"<hi>x</hi></p>"),
    ]:
        assert old in good, old
        bad = good.replace(old, new, 1)
        assert not schema.validate(_parse(bad)), new


# --- the encoding --------------------------------------------------------------------


def _tei(doc_id: str) -> etree._Element:
    return etree.fromstring(render_document(BY_ID[doc_id], CONFIG), safe_parser())


def _said(root: etree._Element, local_id: str, doc_id: str) -> etree._Element:
    """The element of a quotation (part), whatever its type."""
    found = root.xpath("//t:body//*[@xml:id=$id]", namespaces=NS, id=f"doc-{doc_id}-{local_id}")
    assert isinstance(found, list)
    assert len(found) == 1, local_id
    el = found[0]
    assert isinstance(el, etree._Element)
    return el


def test_paragraph_text_is_unchanged() -> None:
    for doc in DOCS:
        root = etree.fromstring(render_document(doc, CONFIG), safe_parser())
        ps = root.findall("t:text/t:body/t:p", NS)
        assert ["".join(p.itertext()) for p in ps] == [p.text for p in doc.paragraphs]
        assert [p.get("n") for p in ps] == [str(p.n) for p in doc.paragraphs]
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == doc.lang


def test_every_quotation_text_is_its_element_text() -> None:
    for doc in DOCS:
        root = etree.fromstring(render_document(doc, CONFIG), safe_parser())
        for q in doc.quotations:
            parts = [_said(root, q.id, doc.id)]
            while parts[-1].get("next", "").startswith(f"#doc-{doc.id}-{q.id}-"):
                parts.append(
                    _said(root, parts[-1].get("next", "")[len(f"#doc-{doc.id}-") :], doc.id)
                )
            assert "\n".join("".join(p.itertext()) for p in parts) == q.text, q.id


def test_multi_paragraph_quotation_is_split_into_linked_parts() -> None:
    # A quotation continued over paragraphs comes as one part per paragraph, linked.
    doc_id = "001_0123456789abcdef"
    doc = BY_ID[doc_id]
    second = next(q for q in doc.quotations if q.prev is not None and q.start.paragraph == 4)
    first = next(q for q in doc.quotations if q.id == second.prev)
    assert (first.start.paragraph, second.start.paragraph) == (3, 4)
    root = _tei(doc_id)
    a, b = _said(root, first.id, doc_id), _said(root, second.id, doc_id)
    assert a.get("next") == f"#doc-{doc_id}-{second.id}"
    assert b.get("prev") == f"#doc-{doc_id}-{first.id}"
    assert a.get("prev") is None
    assert b.get("next") is None
    assert a.getparent() is not None
    assert a.getparent().get("n") == "3"
    assert b.getparent() is not None
    assert b.getparent().get("n") == "4"
    # The quotation inside the second part nests in it.
    inner = next(q for q in doc.quotations if q.parent == second.id)
    assert _said(root, inner.id, doc_id).getparent() is b


def test_interrupted_quotation_links_two_quotations() -> None:
    doc_id = "001_0123456789abcdef"
    doc = BY_ID[doc_id]
    second = next(q for q in doc.quotations if q.prev is not None)
    root = _tei(doc_id)
    assert _said(root, second.prev or "", doc_id).get("next") == f"#doc-{doc_id}-{second.id}"
    assert _said(root, second.id, doc_id).get("prev") == f"#doc-{doc_id}-{second.prev}"
    # Different q<N>: a continuation, which reading gives back as the model's prev.
    back = next(read_tei(render_document(doc, CONFIG)))
    assert {q.id: q.prev for q in back.quotations} == {q.id: q.prev for q in doc.quotations}


def test_dialogue_and_nested_quotes() -> None:
    doc_id = "002_fedcba9876543210"
    doc = BY_ID[doc_id]
    root = _tei(doc_id)
    kinds = {q.id: q.kind for q in doc.quotations}
    assert list(kinds.values()).count("dialogue") == 3
    for q in doc.quotations:
        el = _said(root, q.id, doc_id)
        if q.type == "speech":
            assert (el.get("direct"), el.get("aloud")) == ("true", None)  # never known
        rendition = _rendition(root, el)
        if q.kind == "dialogue":
            assert rendition.get(XML_ID, "").endswith("-dash")
        else:
            marks = rendition.findall("t:mentioned", NS)
            assert "".join(m.text or "" for m in marks) == q.marks
        if q.parent is not None:
            assert el.getparent() is _said(root, q.parent, doc_id)
        else:
            assert etree.QName(el.getparent()).localname == "p"  # type: ignore[arg-type]


def _rendition(root: etree._Element, el: etree._Element) -> etree._Element:
    """The rendition (in tagsDecl) that ``el`` points to."""
    pointer = el.get("rendition", "")
    assert pointer.startswith("#")
    found = root.xpath(
        "t:teiHeader/t:encodingDesc/t:tagsDecl/t:rendition[@xml:id=$id]",
        namespaces=NS,
        id=pointer[1:],
    )
    assert isinstance(found, list)
    assert len(found) == 1, pointer
    rendition = found[0]
    assert isinstance(rendition, etree._Element)
    return rendition


ANNOTATED = "004_00000000000000bb"
ELEMENTS = {"speech": "said", "title": "title", "name": "name", "term": "soCalled"}


def test_each_type_has_its_element() -> None:
    doc = BY_ID[ANNOTATED]
    root = _tei(ANNOTATED)
    assert {q.type for q in doc.quotations} == set(ELEMENTS)
    for q in doc.quotations:
        el = _said(root, q.id, ANNOTATED)
        assert etree.QName(el).localname == ELEMENTS[q.type], q.id
        assert el.get("aloud") is None
        # Only speech is said, and only said says it is direct.
        assert el.get("direct") == ("true" if q.type == "speech" else None)
        assert el.get("rend") is None
        assert _rendition(root, el).get("scheme") == "free"
        assert "".join(el.itertext()) == q.text or q.end.paragraph > q.start.paragraph
    # Nested quotations are typed independently: a term inside speech.
    term = _said(root, "q5", ANNOTATED)
    assert etree.QName(term.getparent()).localname == "said"  # type: ignore[arg-type]
    assert etree.QName(term).localname == "soCalled"


def test_speakers_point_to_persons() -> None:
    doc = BY_ID[ANNOTATED]
    root = _tei(ANNOTATED)
    prefix = f"doc-{ANNOTATED}-"
    people = root.findall("t:teiHeader/t:profileDesc/t:particDesc/t:listPerson/t:person", NS)
    assert [p.get(XML_ID) for p in people] == [prefix + p.id for p in doc.persons]
    for el, person in zip(people, doc.persons, strict=True):
        names = el.findall("t:persName", NS)
        assert [(n.get("type"), n.text) for n in names] == [
            (None, person.name),
            *(("mention", m) for m in person.mentions),
        ]
    for q in doc.quotations:
        parts = root.xpath(
            "//t:body//*[@xml:id=$id or starts-with(@xml:id, $more)]",
            namespaces=NS,
            id=prefix + q.id,
            more=f"{prefix}{q.id}-",
        )
        assert isinstance(parts, list)
        assert parts
        ref = q.speaker.ref if q.speaker is not None else None
        for part in parts:
            assert isinstance(part, etree._Element)
            assert part.get("who") == (None if ref is None else f"#{prefix}{ref}"), q.id
    # Interrupted speech keeps its link and its speaker in both parts.
    first, second = _said(root, "q9", ANNOTATED), _said(root, "q10", ANNOTATED)
    assert first.get("next") == f"#{prefix}q10"
    assert second.get("prev") == f"#{prefix}q9"
    assert first.get("who") == second.get("who") == f"#{prefix}person1"
    # A document without persons has no particDesc.
    bare = dataclasses.replace(BY_ID["001_0123456789abcdef"], persons=(), quotations=())
    tei = etree.fromstring(render_document(bare, CONFIG))
    assert tei.find("t:teiHeader/t:profileDesc/t:particDesc", NS) is None


def test_header_says_what_is_known() -> None:
    doc = BY_ID[ANNOTATED]
    root = _tei(ANNOTATED)
    header = root.find("t:teiHeader", NS)
    assert header is not None
    speech = sum(1 for q in doc.quotations if q.type == "speech")
    assert speech < len(doc.quotations)
    measure = header.find("t:fileDesc/t:extent/t:measure[@unit='quotation']", NS)
    assert measure is not None
    assert measure.get("quantity") == str(speech)  # speech only
    policy = header.findtext("t:encodingDesc/t:editorialDecl/t:quotation/t:p", namespaces=NS)
    assert policy is not None
    for words in ("said", "title", "name", "soCalled", "@aloud is not given", "automatic"):
        assert words in policy
    renditions = header.findall("t:encodingDesc/t:tagsDecl/t:rendition", NS)
    used = {el.get("rendition") for el in root.iterfind(".//t:body//*[@rendition]", NS)}
    assert {f"#{r.get(XML_ID)}" for r in renditions} == used  # each declared, each used
    xeno = header.findtext("t:xenoData", namespaces=NS)
    assert xeno is not None
    assert '"dateline":"MINSK, Dec 1 (Reuters) -"' in xeno
    assert '"lang_confidence":0.87' in xeno


@pytest.mark.parametrize(
    ("source", "label"),
    [
        ("detected", "English"),
        ("default", "English (the corpus default: the language was not identified)"),
        ("override", "English (set for the conversion, not identified)"),
    ],
)
def test_language_says_how_it_was_chosen(source: str, label: str) -> None:
    doc = dataclasses.replace(BY_ID["001_0123456789abcdef"], lang_source=source)
    root = etree.fromstring(render_document(doc, CONFIG), safe_parser())
    assert root.findtext("t:teiHeader/t:profileDesc/t:langUsage/t:language", namespaces=NS) == (
        label
    )
    assert next(read_tei(render_document(doc, CONFIG))) == doc


def test_header_carries_corpus_facts_from_config_only() -> None:
    doc = BY_ID["001_0123456789abcdef"]
    other = Config(
        title="Another",
        publisher="Someone <else>",
        licence="All rights reserved",
        licence_url=None,
        idno="other-idno",
        default_lang="ru",
    )
    root = etree.fromstring(render_document(doc, other), safe_parser())
    pub = root.find("t:teiHeader/t:fileDesc/t:publicationStmt", NS)
    assert pub is not None
    assert pub.findtext("t:publisher", namespaces=NS) == "Someone <else>"
    licence = pub.find("t:availability/t:licence", NS)
    assert licence is not None
    assert licence.text == "All rights reserved"
    assert licence.get("target") is None
    assert pub.findtext("t:idno[@type='corpus']", namespaces=NS) == "other-idno"
    data = render_document(doc, other)
    for fact in (CONFIG.title, CONFIG.publisher, CONFIG.idno, CONFIG.licence_url or ""):
        assert fact.encode() not in data.replace(b"&amp;", b"&")
    assert corpus_tei_schema().validate(_parse(data))


def test_corpus_header(exported: Path) -> None:
    root = etree.parse(str(exported / CORPUS_FILE), safe_parser()).getroot()
    assert root.tag == f"{{{TEI_NS}}}teiCorpus"
    header = root.find("t:teiHeader/t:fileDesc", NS)
    assert header is not None
    assert header.findtext("t:titleStmt/t:title", namespaces=NS) == CONFIG.title
    assert header.findtext("t:publicationStmt/t:publisher", namespaces=NS) == CONFIG.publisher
    licence = header.find("t:publicationStmt/t:availability/t:licence", NS)
    assert licence is not None
    assert licence.get("target") == CONFIG.licence_url
    assert [t.get(XML_ID) for t in root.findall("t:TEI", NS)] == [f"doc-{d.id}" for d in DOCS]
    assert root.xpath("//*[local-name()='include']") == []  # embedded, not XIncluded


# --- reading back --------------------------------------------------------------------


def test_read_tei_gives_back_every_document(exported: Path) -> None:
    expected = [d.to_dict() for d in DOCS]
    assert [d.to_dict() for d in read_tei(exported / CORPUS_FILE)] == expected
    assert [d.to_dict() for d in read_tei(str(exported / CORPUS_FILE))] == expected
    for doc in DOCS:
        path = exported / "tei" / doc_file(doc.id)
        assert [d.to_dict() for d in read_tei(path)] == [doc.to_dict()]
        assert [d.to_dict() for d in read_tei(path.read_bytes())] == [doc.to_dict()]


def test_quote_inside_an_unclosed_one_round_trips() -> None:
    doc = BY_ID["003_00000000000000aa"]
    orphan = next(q for q in doc.quotations if q.marks == "«»")
    assert (orphan.depth, orphan.parent) == (0, None)  # its opening “ was never closed
    back = next(read_tei(render_document(doc, CONFIG)))
    assert back.to_dict() == doc.to_dict()


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (
            b'<?xml version="1.0"?>\n<!DOCTYPE TEI [\n<!ENTITY a "aaaaaaaaaa">\n'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n'
            b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>&b;</p></TEI>\n',
            2,
            "DOCTYPE",
        ),
        (
            b'<!DOCTYPE TEI SYSTEM "file:///etc/passwd"><TEI xmlns="http://www.tei-c.org/ns/1.0"/>',
            1,
            "DOCTYPE",
        ),
        (b'<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<teiHeader>\n</TEI>', 3, "well-formed"),
        (b"<TEI><teiHeader/></TEI>", 1, "not a TEI TEI or teiCorpus"),
        (b"", None, "well-formed"),
        (b'<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text/>\n</TEI>', 1, "missing teiHeader"),
    ],
)
def test_read_tei_refuses_bad_input(data: bytes, line: int | None, message: str) -> None:
    with pytest.raises(TeiReadError) as info:
        list(read_tei(data))
    assert info.value.path == "<bytes>"
    assert info.value.line == line
    assert message in info.value.message
    assert str(info.value).startswith("<bytes>")


def test_read_tei_reports_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(TeiReadError, match="cannot read"):
        list(read_tei(tmp_path / "absent.xml"))


def test_read_tei_reports_a_damaged_quotation() -> None:
    data = render_document(BY_ID["002_fedcba9876543210"], CONFIG)
    bad = data.replace(b'rendition="#doc-002_fedcba9876543210-dash"', b'rendition="#bold"', 1)
    with pytest.raises(TeiReadError, match="points to no rendition") as info:
        list(read_tei(bad))
    assert info.value.line is not None
    assert info.value.line > 1


def test_read_errors_share_the_base_class() -> None:
    error = TeiReadError("a.xml", 3, "bad")
    assert isinstance(error, ReadError)
    assert str(error) == "a.xml:3: bad"
    assert str(TeiReadError("a.xml", None, "bad")) == "a.xml: bad"


# --- ids and pointers ----------------------------------------------------------------


def test_references_resolve_and_ids_are_unique(exported: Path) -> None:
    assert check_tei_references([exported / CORPUS_FILE]) == []
    assert check_tei_references(sorted((exported / "tei").glob("*.xml"))) == []
    ids = etree.parse(str(exported / CORPUS_FILE), safe_parser()).xpath("//@xml:id")
    assert isinstance(ids, list)
    assert len(ids) == len(set(ids))
    # The corpus's own id (its idno), then the documents' and their parts'.
    assert ids[0] == "corpus-tools-test"
    for value in ids[1:]:
        assert re.fullmatch(
            r"doc-[0-9]{3,}_[0-9a-f]{16}(-[pq][0-9]+(-[0-9]+)?|-person[0-9]+|-dash|-marks[0-9]*)?",
            str(value),
        )


def test_reference_check_finds_problems(exported: Path) -> None:
    doc = BY_ID["001_0123456789abcdef"]
    good = render_document(doc, CONFIG)
    dangling = good.replace(b'next="#doc-001_0123456789abcdef-q2"', b'next="#nowhere"', 1)
    assert dangling != good
    problems = check_tei_references([dangling])
    messages = [p.message for p in problems]
    assert "@next points to #nowhere, which no element here has" in messages
    assert any("has @prev=#doc-001_0123456789abcdef-q1 but" in m for m in messages)
    assert all(p.file == "<bytes #0>" and p.line is not None for p in problems[:1])

    # The same file twice: every id is used twice across the corpus.
    twice = check_tei_references([good, good])
    assert twice
    assert all("is already used at <bytes #0>:" in p.message for p in twice)
    assert {p.file for p in twice} == {"<bytes #1>"}

    # A duplicate inside one file: one problem, at the second use.
    dup = good.replace(
        b'xml:id="doc-001_0123456789abcdef-p2"', b'xml:id="doc-001_0123456789abcdef-p1"'
    )
    [problem] = check_tei_references([dup])
    assert problem.message.startswith("xml:id 'doc-001_0123456789abcdef-p1' is already used at")
    assert problem.line == 1 + dup.decode().split("\n").index(
        next(x for x in dup.decode().split("\n") if 'n="2"' in x)
    )

    # A file that is not well-formed is one problem.
    [broken] = check_tei_references([good[:-20]])
    assert "not well-formed" in broken.message

    # The corpus file and the per-article files are two views: checked together, clash.
    both = check_tei_references([exported / CORPUS_FILE, exported / "tei" / doc_file(doc.id)])
    assert both
    assert all("already used" in p.message for p in both)


# --- checking written files ------------------------------------------------------------


class _Verdicts:
    """A verdict store in memory, counting what is asked and stored."""

    def __init__(self) -> None:
        self.stored: dict[str, str] = {}
        self.asked: list[list[str]] = []

    def verdicts(self, keys: list[str]) -> dict[str, str]:
        self.asked.append(keys)
        return {k: self.stored[k] for k in keys if k in self.stored}

    def put_verdicts(self, items: dict[str, str]) -> None:
        self.stored.update(items)


def _digests(out: Path) -> dict[str, str]:
    return {
        p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }


def test_check_passes_what_was_written(tmp_path: Path) -> None:
    export_documents(DOCS, ["tei"], tmp_path, CONFIG)
    files = _digests(tmp_path)
    store = _Verdicts()
    tei = EXPORTERS["tei"]
    assert isinstance(tei, TeiExporter)
    assert tei.check(tmp_path, files, CheckSettings("exports", verdicts=store)) == []
    assert sorted(store.stored.values()) == ["[]"] * (len(DOCS) + 1)
    assert check_files(tmp_path, files, CheckSettings("exports")) == []
    # A second run answers from the store: the files are not read again.
    for path in _written(tmp_path):
        path.write_bytes(b"<x")
    assert check_files(tmp_path, files, CheckSettings("exports", verdicts=store)) == []
    assert len(store.asked) == 2
    assert sorted(store.asked[1]) == sorted(store.stored)


def test_check_reports_a_broken_file_with_its_line(tmp_path: Path) -> None:
    export_documents(DOCS, ["tei"], tmp_path, CONFIG)
    doc = DOCS[1]
    path = tmp_path / "tei" / doc_file(doc.id)
    data = path.read_bytes()
    path.write_bytes(data[:-30])
    files = {**_digests(tmp_path), "corpus.jsonl": "0" * 64, "tei/notes.txt": "0" * 64}
    found = check_files(tmp_path, files, CheckSettings("out/exports"))
    assert found
    assert {d.code for d in found} == {"export-invalid"}
    assert {d.file for d in found} == {f"out/exports/tei/{doc_file(doc.id)}"}
    assert found[0].message.startswith("not well-formed XML: ")
    assert found[0].line == data[:-30].count(b"\n") + 1
    assert found[0].column is not None


def test_check_reports_a_dangling_pointer(tmp_path: Path) -> None:
    export_documents(DOCS, ["tei"], tmp_path, CONFIG)
    doc = BY_ID["001_0123456789abcdef"]
    path = tmp_path / "tei" / doc_file(doc.id)
    good = path.read_bytes()
    # Valid against the schema (the shape of an id), but no element has this one.
    target = b'next="#doc-001_0123456789abcdef-q2"'
    path.write_bytes(good.replace(target, b'next="#doc-001_0123456789abcdef-q99"', 1))
    assert corpus_tei_schema().validate(etree.parse(str(path), safe_parser()))
    found = check_files(tmp_path, _digests(tmp_path), CheckSettings("exports"))
    line = 1 + good[: good.index(target)].count(b"\n")
    first = found[0]
    assert (first.code, first.file, first.line) == (
        "export-invalid",
        f"exports/tei/{doc_file(doc.id)}",
        line,
    )
    messages = [d.message for d in found]
    assert messages[0] == "@next points to #doc-001_0123456789abcdef-q99, which no element here has"
    assert any("has @prev=#doc-001_0123456789abcdef-q1 but" in m for m in messages)


def test_check_with_another_schema(tmp_path: Path) -> None:
    export_documents(DOCS[:1], ["tei"], tmp_path, CONFIG)
    files = _digests(tmp_path)
    strict = tmp_path / "strict.rng"
    strict.write_text(
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start>'
        '<element name="nothing"><empty/></element></start></grammar>',
        encoding="utf-8",
    )
    settings = CheckSettings("exports", {"tei": strict})
    assert settings.schema_for("tei") == strict
    assert settings.schema_for("csv") is None
    found = check_files(tmp_path, files, settings)
    assert [(d.file, d.line) for d in found] == [
        # Line 3: the root element, after the XML declaration and the xml-model PI.
        ("exports/corpus.tei.xml", 3),
        (f"exports/tei/{doc_file(DOCS[0].id)}", 3),
    ]
    assert all(d.message.startswith("not valid against the TEI schema: ") for d in found)

    broken = tmp_path / "broken.rng"
    broken.write_text("<grammar", encoding="utf-8")
    with pytest.raises(ConfigError, match="not a usable RELAX NG schema") as info:
        check_files(tmp_path, files, CheckSettings("exports", {"tei": broken}))
    assert info.value.path == str(broken)
    missing = tmp_path / "missing.rng"
    with pytest.raises(ConfigError, match="cannot read the TEI schema"):
        check_files(tmp_path, files, CheckSettings("exports", {"tei": missing}))


def test_check_leaves_a_huge_corpus_file_to_the_articles_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export_documents(DOCS, ["tei"], tmp_path, CONFIG)
    (tmp_path / CORPUS_FILE).write_bytes(b"<teiCorpus")
    monkeypatch.setattr(tei_check, "_MAX_TREE_BYTES", 0)
    store = _Verdicts()
    found = check_files(tmp_path, _digests(tmp_path), CheckSettings("exports", verdicts=store))
    assert [(d.code, d.file, d.effective_severity.value) for d in found] == [
        ("export-not-validated", f"exports/{CORPUS_FILE}", "warning")
    ]
    assert "each TEI in it was validated as its tei/ file" in found[0].message
    assert len(store.stored) == len(DOCS)


def test_verdict_keys_name_what_a_verdict_covers() -> None:
    """A verdict covers the schema and the file's pointers and ids ("tei-judged"):
    verdicts of the schema alone ("tei-valid", before) are never reused."""
    sha, schema = "ab" * 32, "cd" * 32
    assert verdict_key(sha, schema) == context_key("tei-judged", sha, schema)
    assert verdict_key(sha, schema) != context_key("tei-valid", sha, schema)


def test_the_exporter_reads_back_what_it_wrote(tmp_path: Path) -> None:
    export_documents(DOCS, ["tei"], tmp_path, CONFIG)
    tei = EXPORTERS["tei"]
    assert isinstance(tei, TeiExporter)
    assert tei.subfolders == ("tei",)
    assert list(tei.read(tmp_path / CORPUS_FILE)) == DOCS
    assert list(tei.read(tmp_path / "tei" / doc_file(DOCS[0].id))) == DOCS[:1]


# --- files of the export -------------------------------------------------------------


def test_owns() -> None:
    tei = EXPORTERS["tei"]
    assert tei.owns("corpus.tei.xml")
    assert tei.owns("corpus-tei.rng")
    assert tei.owns("tei/doc-000_8817f6bb585a9fd5.xml")
    assert tei.document_of("tei/doc-000_8817f6bb585a9fd5.xml") == "000_8817f6bb585a9fd5"
    # As earlier versions named the files: owned, so that an export removes them.
    assert tei.owns("tei/doc-000_8817f6bb585a9fd5.xml")
    assert tei.document_of("tei/doc-000_8817f6bb585a9fd5.xml") == "000_8817f6bb585a9fd5"
    assert tei.document_of("corpus.tei.xml") is None
    assert not tei.owns("tei/notes.xml")
    assert not tei.owns("tei/doc-000_8817f6bb585a9fd5.xml.bak")
    assert not tei.owns("tei/sub/doc-000_8817f6bb585a9fd5.xml")
    assert not tei.owns("corpus.jsonl")


def test_stale_files_are_deleted(tmp_path: Path) -> None:
    export_documents(DOCS, ["tei"], tmp_path, CONFIG)
    (tmp_path / "tei" / "notes.xml").write_text("not ours", encoding="utf-8")
    keep = DOCS[1]
    staging = export_documents([keep], ["tei"], tmp_path, CONFIG)
    assert sorted(p.name for p in (tmp_path / "tei").iterdir()) == [doc_file(keep.id), "notes.xml"]
    assert len(staging.deletions) == len(DOCS) - 1
    assert [d.id for d in read_tei(tmp_path / CORPUS_FILE)] == [keep.id]
    # A file named as earlier versions named them (the bare id) is replaced.
    (tmp_path / "tei" / doc_file(keep.id)).rename(tmp_path / "tei" / f"{keep.id}.xml")
    export_documents([keep], ["tei"], tmp_path, CONFIG)
    assert sorted(p.name for p in (tmp_path / "tei").iterdir()) == [doc_file(keep.id), "notes.xml"]
    # No documents at all: a teiCorpus needs one TEI, so there is no corpus file (and
    # no schema for it).
    export_documents([], ["tei"], tmp_path, CONFIG)
    assert not (tmp_path / CORPUS_FILE).exists()
    assert not (tmp_path / SCHEMA_FILE).exists()
    assert sorted(p.name for p in (tmp_path / "tei").iterdir()) == ["notes.xml"]


def test_export_refuses_what_tei_cannot_hold(tmp_path: Path) -> None:
    doc = BY_ID["001_0123456789abcdef"]
    q1 = doc.quotations[0]
    crossing = Quotation(
        id=f"q{len(doc.quotations) + 1}",
        kind="quote",
        start=Position(q1.start.paragraph, q1.start.offset + 1),
        end=Position(q1.end.paragraph, q1.end.offset + 5),
        text=doc.paragraphs[q1.start.paragraph - 1].text[q1.start.offset + 1 : q1.end.offset + 5],
        marks="“”",
    )
    bad = dataclasses.replace(doc, quotations=(*doc.quotations, crossing))
    with pytest.raises(TeiExportError, match="overlaps another"):
        render_fragments(bad, CONFIG)
    wrong_text = dataclasses.replace(q1, text="something else")
    with pytest.raises(TeiExportError, match="is not its span"):
        render_fragments(dataclasses.replace(doc, quotations=(wrong_text,)), CONFIG)
    with pytest.raises(TeiExportError, match="two documents have this id"):
        export_documents([doc, doc], ["tei"], tmp_path, CONFIG)
    # A final line feed passes a "$" pattern; no xml:id may hold one.
    with pytest.raises(TeiExportError, match="the id is not"):
        render_fragments(dataclasses.replace(doc, id=doc.id + "\n"), CONFIG)
    numbered = dataclasses.replace(q1, id=q1.id + "\n")
    with pytest.raises(TeiExportError, match="quotation ids are not"):
        render_fragments(dataclasses.replace(doc, quotations=(numbered,)), CONFIG)


class _NullFile:
    """Counts bytes instead of staging them (measures the sink alone)."""

    def __init__(self) -> None:
        self.size = 0

    def write(self, data: bytes) -> None:
        self.size += len(data)

    def close(self) -> None:
        pass


class _NullStaging:
    def open(self, target: Path) -> _NullFile:
        return _NullFile()

    def put_bytes(self, target: Path, data: bytes) -> None:
        pass

    def holds(self, target: Path) -> bool:
        return False

    def delete(self, target: Path) -> None:
        pass


class _CorpusOnlyStaging(Staging):
    def open(self, target: Path) -> StagedFile:
        if target.name == CORPUS_FILE:
            return super().open(target)
        return _NullFile()  # type: ignore[return-value]

    def put_bytes(self, target: Path, data: bytes) -> None:
        pass


def _many(n: int) -> Iterator[Document]:
    base = BY_ID["001_0123456789abcdef"]
    for i in range(n):
        hsh = f"{i:016x}"
        doc_id = f"{i:03d}_{hsh}"
        yield dataclasses.replace(
            base,
            id=doc_id,
            seq=i,
            hash=hsh,
            provenance=dataclasses.replace(base.provenance, seed_path=f"seeds/{doc_id}.txt"),
        )


def test_memory_stays_flat(tmp_path: Path) -> None:
    small, large = 50, 600

    def write(n: int) -> None:
        sink = TeiSink(tmp_path, CONFIG, _NullStaging())  # type: ignore[arg-type]
        for doc in _many(n):
            sink.add(doc.id, EXPORTERS["tei"].render(doc, CONFIG))
        sink.close()

    # The sink keeps only running totals (the staging knows which files it was given,
    # for duplicates and stale files), where keeping documents would cost kilobytes
    # each. One run first:
    # CPython keeps up to 2,000 freed tuples of each size for reuse, which tracemalloc
    # counts as held, so the first thousand documents of a process seem to cost more.
    write(large)
    assert peak_traced(lambda: write(large)) - peak_traced(lambda: write(small)) < 200 * (
        large - small
    )

    for n in (small, large):
        # Only corpus.tei.xml is needed here: skip staging the per-article files.
        staging = _CorpusOnlyStaging()
        sink = TeiSink(tmp_path / str(n), CONFIG, staging)
        for doc in _many(n):
            sink.add(doc.id, EXPORTERS["tei"].render(doc, CONFIG))
        sink.close()
        staging.commit()

    def read(n: int) -> int:
        return sum(1 for _ in read_tei(tmp_path / str(n) / CORPUS_FILE))

    assert peak_traced(lambda: read(large)) - peak_traced(lambda: read(small)) < 256 * 1024
    assert read(large) == large


# --- properties ----------------------------------------------------------------------

PROFILE = settings(
    max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
_word = st.sampled_from(
    [
        "the",
        "minister",
        "said",
        "Мы",
        "готовы",
        "сказал",
        "ўрад",
        "A&B",
        "<tag>",
        "x>y",
        "&amp;",
        "😀",
        "👍🏽",
        "👨‍👩‍👧",
        "cafe\u0301",
        "q\u0307",
        "и\u0306",
        "]]>",
    ]
)
_mark = st.sampled_from(["“", "”", "„", "«", "»", "‘", "’", '"', "‹", "›", ",", ".", "?", "—"])
_words = st.lists(_word, min_size=1, max_size=6).map(" ".join)


@st.composite
def _paragraphs(draw: st.DrawFn) -> list[str]:
    """One or more paragraphs in one of the shapes the converter recognises."""
    shape = draw(
        st.sampled_from(["soup", "dialogue", "interrupted", "nested", "deep", "orphan", "multi"])
    )
    w = [draw(_words) for _ in range(4)]
    if shape == "dialogue":
        quoted = f" «{w[2]}»" if draw(st.booleans()) else ""
        return [f"— {w[0]}{quoted}, — сказал он. — {w[1]}."]
    if shape == "deep":
        return [f"«{w[0]} „{w[1]} ‘{w[2]}’ {w[3]}“ end»"]
    if shape == "orphan":  # an opening mark never closed: the inner quotation keeps its depth
        return [f"“{w[0]} «{w[1]}» {w[2]}"]
    if shape == "interrupted":
        return [f"“{w[0]},” he said. “{w[1]}.”"]
    if shape == "nested":
        return [f"«{w[0]} „{w[1]}“ {w[2]}» {w[3]}"]
    if shape == "multi":
        middle = [f"“{draw(_words)}" for _ in range(draw(st.integers(0, 2)))]
        return [f"“{w[0]} ‘{w[1]}’", *middle, f"“{w[2]}.” {w[3]}"]
    tokens = draw(st.lists(st.one_of(_word, _mark), min_size=1, max_size=14))
    glue = draw(st.sampled_from([" ", ""]))
    return [glue.join(tokens).strip(" —") or "x"]


_seed = st.builds(
    lambda groups, nl, wrap: (
        " date 2025-11-27 "
        + (nl + nl).join(p.replace(" ", nl, 1) if wrap else p for g in groups for p in g)
        + nl
    ),
    st.lists(_paragraphs(), min_size=1, max_size=5),
    st.sampled_from(["\n", "\r\n"]),
    st.booleans(),
)


def _generated(text: str) -> Document:
    result = convert_seed(text.encode(), "seeds/001_0123456789abcdef.txt", CONFIG)
    assume(result.document is not None)
    assert result.document is not None
    return result.document


@PROFILE
@given(_seed)
def test_round_trip_through_tei(text: str) -> None:
    doc = _generated(text)
    data = render_document(doc, CONFIG)
    assert corpus_tei_schema().validate(_parse(data)), corpus_tei_schema().error_log
    assert [d.to_dict() for d in read_tei(data)] == [doc.to_dict()]
    assert check_tei_references([data]) == []


@PROFILE
@given(_seed)
def test_generated_documents_are_valid_tei(tei_all: etree.RelaxNG, text: str) -> None:
    data = render_document(_generated(text), CONFIG)
    assert tei_all.validate(_parse(data)), tei_all.error_log


def test_judge_finds_ids_outside_the_document_prefix_and_repeated_ids() -> None:
    """Ids unique per file and prefixed with the document's id are unique across the
    corpus: the per-file judgement checks both."""
    from corpus_tools.exporters.tei.check import judge

    standalone, _ = render_fragments(DOCS[0], CONFIG)
    own = f'xml:id="doc-{DOCS[0].id}"'.encode()
    assert judge(standalone, corpus_tei_schema()) == []
    stray = standalone.replace(f'xml:id="doc-{DOCS[0].id}-p1"'.encode(), b'xml:id="other-p1"', 1)
    assert any(
        "does not start with its document's id" in m
        for _, _, m in judge(stray, corpus_tei_schema())
    )
    assert own in standalone
    twice = standalone.replace(
        f'xml:id="doc-{DOCS[0].id}-p2"'.encode(), f'xml:id="doc-{DOCS[0].id}-p1"'.encode(), 1
    )
    assert judge(twice, corpus_tei_schema())  # libxml2 refuses a repeated xml:id itself


_D0, _D1, _D2, _D3, _D4 = (f"doc-{d.id}" for d in DOCS)
_TEI_START = '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="{}"'
# (what, replaced, by, whether the whole tree is still valid): each a way for the corpus
# file to go wrong (or not) in a part the streamed judgement drops after judging it.
_CORPUS_MUTATIONS = [
    ("unchanged", "", "", True),
    ("a comment between documents", "</TEI>\n  <TEI", "</TEI>\n  <!-- x --><TEI", True),
    (
        "a pointer into another document",
        f'rendition="#{_D3}-marks2"',
        f'rendition="#{_D1}-marks2"',
        True,
    ),
    ("text between documents", "</TEI>\n  " + _TEI_START.format(_D3), "</TEI>\n  text ", False),
    ("text after the last document", "</TEI>\n</teiCorpus>", "</TEI>\n text</teiCorpus>", False),
    ("an element after the last", "</TEI>\n</teiCorpus>", "</TEI><p>x</p></teiCorpus>", False),
    (
        "an attribute the schema refuses",
        _TEI_START.format(_D3),
        _TEI_START.format(_D3) + ' x="1"',
        False,
    ),
    (
        "the same in the first document",
        _TEI_START.format(_D0),
        _TEI_START.format(_D0) + ' x="1"',
        False,
    ),
    ("a wrong corpus attribute", 'xml:lang="mul"', 'xml:lang="!!"', False),
    (
        "a wrong header",
        '<measure unit="document" quantity="5"/>',
        '<measure unit="document"/>',
        False,
    ),
    ("a dangling pointer", f'rendition="#{_D3}-marks2"', f'rendition="#{_D3}-marks9"', False),
    ("links that disagree", f'prev="#{_D1}-q1"', f'prev="#{_D1}-q3"', False),
    ("an id outside its document's prefix", f'xml:id="{_D3}-p1"', 'xml:id="other-p1"', False),
    ("an id of another document", f'xml:id="{_D3}-p1"', f'xml:id="{_D2}-p1"', False),
    (
        "a document without its id",
        _TEI_START.format(_D4),
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"',
        False,
    ),
    ("not well-formed", "</TEI>\n</teiCorpus>", "</TEI>\n", False),
    ("a TEI root", "", "", True),
]


@pytest.mark.parametrize(
    ("what", "old", "new", "valid"), _CORPUS_MUTATIONS, ids=[m[0] for m in _CORPUS_MUTATIONS]
)
def test_the_corpus_file_judged_streaming_is_judged_as_one_tree(
    exported: Path, tmp_path: Path, what: str, old: str, new: str, valid: bool
) -> None:
    """judge_corpus_file gives what judge gives, finding for finding; a clean answer of
    the stream alone is never given for a file the whole tree finds fault with."""
    from corpus_tools.exporters.tei.check import _streamed_clean, judge, judge_corpus_file

    data = (exported / CORPUS_FILE).read_text(encoding="utf-8")
    if what == "a TEI root":
        data = (exported / "tei" / doc_file(DOCS[3].id)).read_text(encoding="utf-8")
    elif old:
        assert old in data
        data = data.replace(old, new)
    path = tmp_path / CORPUS_FILE
    path.write_text(data, encoding="utf-8")
    rng = corpus_tei_schema()
    whole = judge(path, rng)
    assert (whole == []) is valid
    assert judge_corpus_file(path, rng) == whole
    # A file of another shape is always judged as one tree.
    assert _streamed_clean(path, rng) is (valid and what != "a TEI root")


@functools.cache
def _project_rng() -> etree._ElementTree:
    return etree.parse(str(tei_check.project_schema_path()))


def _children(el: etree._Element) -> list[etree._Element]:
    """The child elements of ``el`` (no comments)."""
    return list(el.iterchildren(etree.Element))


def _rng(element: str, **attrs: str) -> list[etree._Element]:
    ns = {"r": "http://relaxng.org/ns/structure/1.0"}
    tree = _project_rng()
    where = "".join(f"[@{k}='{v}']" for k, v in attrs.items())
    return list(tree.iterfind(f".//r:{element}{where}", ns))


def test_the_schema_has_the_shape_the_streamed_judgement_needs() -> None:
    """judge_corpus_file validates each TEI of corpus.tei.xml on its own, then the
    teiCorpus with its header and first TEI: that is the whole file's validity only
    while a TEI is one pattern wherever it is, and teiCorpus holds the header, then
    TEI one or more times."""
    local = etree.QName
    [start] = _rng("start")
    [choice] = _children(start)
    assert local(choice).localname == "choice"
    assert sorted(r.get("name") for r in _children(choice)) == ["TEI", "teiCorpus"]
    assert [local(r).localname for r in _children(choice)] == ["ref", "ref"]
    [tei_define] = _rng("define", name="TEI")
    assert [local(e).localname for e in _children(tei_define)] == ["element"]
    assert [e.getparent() for e in _rng("element", name="TEI")] == [tei_define]
    [corpus] = _rng("element", name="teiCorpus")
    assert corpus.getparent() is _rng("define", name="teiCorpus")[0]
    parts = [(local(e).localname, e.get("name")) for e in _children(corpus)]
    assert parts == [
        ("attribute", "xml:id"),
        ("attribute", "xml:lang"),
        ("ref", "corpusHeader"),
        ("oneOrMore", None),
    ]
    assert [(local(e).localname, e.get("name")) for e in _children(_children(corpus)[-1])] == [
        ("ref", "TEI")
    ]
    assert len(_rng("ref", name="TEI")) == 2  # in start and in teiCorpus
    [header] = _rng("define", name="corpusHeader")
    assert [(local(e).localname, e.get("name")) for e in _children(header)] == [
        ("element", "teiHeader")
    ]


# --- the corpus header ---------------------------------------------------------------


def test_corpus_header_counts_what_the_documents_hold(exported: Path) -> None:
    """tagUsage, extent and langUsage say exactly what the embedded documents hold."""
    tree = etree.parse(str(exported / CORPUS_FILE), safe_parser())
    ns = {"t": TEI_NS}
    header = tree.find("t:teiHeader", ns)
    assert header is not None
    texts = tree.findall("t:TEI/t:text", ns)
    counted: dict[str, int] = {}
    for text in texts:
        for el in text.iter():
            gi = etree.QName(el).localname
            counted[gi] = counted.get(gi, 0) + 1
    usage = {
        u.get("gi"): int(u.get("occurs", "0"))
        for u in header.iterfind("t:encodingDesc/t:tagsDecl/t:namespace/t:tagUsage", ns)
    }
    assert usage == counted
    assert list(usage) == sorted(usage)  # by name: a stable order
    extent = {
        m.get("unit"): int(m.get("quantity", "-1"))
        for m in header.iterfind("t:fileDesc/t:extent/t:measure", ns)
    }
    assert extent == {
        "document": len(DOCS),
        "paragraph": sum(d.stats.paragraphs for d in DOCS),
        "word": sum(d.stats.words for d in DOCS),
        "character": sum(d.stats.characters for d in DOCS),
        "quotation": sum(1 for d in DOCS for q in d.quotations if q.type == "speech"),
    }
    newest = max(d.date for d in DOCS)
    assert header.find("t:fileDesc/t:publicationStmt/t:date", ns).get("when") == newest  # type: ignore[union-attr]
    change = header.find("t:revisionDesc/t:change", ns)
    assert change is not None
    assert change.get("when") == newest
    assert change.text == "Exported by corpus-tools 0.1.0; the date is that of the newest article."
    languages = [
        (el.get("ident"), el.get("usage"), el.text)
        for el in header.iterfind("t:profileDesc/t:langUsage/t:language", ns)
    ]
    words = {lang: sum(d.stats.words for d in DOCS if d.lang == lang) for lang in ("en", "ru")}
    assert languages == [
        (
            "en",
            str(round(100 * words["en"] / sum(words.values()))),
            f"English: 4 documents, {words['en']} words",
        ),
        (
            "ru",
            str(round(100 * words["ru"] / sum(words.values()))),
            f"Russian: 1 document, {words['ru']} words",
        ),
    ]
    root = tree.getroot()
    assert root.get(f"{{{XML_NS}}}lang") == "mul"  # documents in two languages
    assert root.get(f"{{{XML_NS}}}id") == "corpus-tools-test"


def test_corpus_language_and_id_of_a_one_language_corpus(tmp_path: Path) -> None:
    russian = [d for d in DOCS if d.lang == "ru"]
    export_documents(russian, ["tei"], tmp_path, dataclasses.replace(CONFIG, idno="2024 press/ru"))
    root = etree.parse(str(tmp_path / CORPUS_FILE), safe_parser()).getroot()
    assert root.get(f"{{{XML_NS}}}lang") == "ru"
    # An idno that is not an XML name: made one (no digit first, no space or slash).
    assert root.get(f"{{{XML_NS}}}id") == "corpus-2024-press-ru"
    assert corpus_tei_schema().validate(etree.ElementTree(root))
