"""The TEI renderer gives exactly the bytes of the lxml oracle, or its exception.

``render_document``, ``render_fragments`` and ``render_corpus_header`` write the TEI text
directly; the oracle (``tests/oracles/tei_lxml.py``) builds the ``document_element`` and
``corpus_header`` trees, indented by ``indent`` and serialised by lxml (libxml2). Documents: the repository's seed, the positive cases (and
the negative ones that still convert), 300 seeds of ``benchmarks/generate.py``, seeds with
hostile text through the converter, and documents built directly, with text, ids,
metadata and configs the converter would never produce.
"""

from __future__ import annotations

import ast
import contextlib
import dataclasses
import functools
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from corpus_tools.config import Config, load_config
from corpus_tools.exporters.tei import (
    NORMALISATIONS,
    render_corpus_header,
    render_document,
    render_fragments,
)
from corpus_tools.exporters.tei.render import (
    _NOT_XML,
    CorpusCounts,
    _accept,
    _esc_attr,
    _esc_text,
    _render,
    document_counts,
)
from corpus_tools.model import (
    Document,
    Paragraph,
    Person,
    Position,
    Provenance,
    Quotation,
    Speaker,
    Stats,
)
from corpus_tools.seeds import convert_seed

from .annotated import annotated_document
from .conftest import CASES, REPO, TEI_CONFIG, benchmark_generator
from .oracles import tei_lxml

CONFIG = TEI_CONFIG
# Everything the schema of corpus.toml lets through, and more (Config takes any string).
HOSTILE_CONFIG = Config(
    title='<Corpus> & "friends"',
    publisher="Tom & Jerry <toons> \"quoted\" 'single'\nsecond line\r\n\ttabbed",
    licence="CC BY 4.0 & more <terms>\u2028\u00a0😀",
    licence_url='https://example.org/licence?a=1&b=<2>&c="3"\n\t\r',
    idno="id&<>\"'",
    default_lang="en",
)
REAL_SEED = "seeds/000_8817f6bb585a9fd5.txt"


def _property(examples: int) -> settings:
    """Deterministic settings (as the ci profile) with ``examples`` examples."""
    return settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )


def _reference(doc: Document, config: Config) -> tuple[bytes, bytes]:
    """The bytes of the lxml tree: what the renderer must give."""
    return tei_lxml.render_fragments(doc, config)


def _outcome(render: Callable[[], object]) -> tuple[object, ...]:
    """What a call gives: ("value", its value) or ("raises", exception type, message)."""
    try:
        return ("value", render())
    except Exception as exc:
        return ("raises", type(exc).__name__, str(exc))


def _counts(doc: Document) -> CorpusCounts:
    """The corpus header's counts of a corpus of ``doc`` (empty when it has no usable
    language or date: the header must then still agree)."""
    counts = CorpusCounts()
    with contextlib.suppress(Exception):
        counts.add(document_counts(doc))
    return counts


def _assert_same(doc: Document, config: Config) -> None:
    """The renderer gives the reference's bytes (the corpus part only when asked)."""
    expected = _reference(doc, config)
    assert _render(doc, config, embedded=True) == expected, doc.id
    assert _render(doc, config, embedded=False) == (expected[0], b""), doc.id
    assert render_fragments(doc, config) == expected, doc.id
    assert render_document(doc, config) == expected[0], doc.id
    counts = _counts(doc)
    assert render_corpus_header(config, counts) == tei_lxml.corpus_header_bytes(config, counts)


def _assert_same_outcome(doc: Document, config: Config) -> None:
    """Bytes or exception: the public functions behave exactly as the reference."""
    expected = _outcome(lambda: _reference(doc, config))
    assert _outcome(lambda: render_fragments(doc, config)) == expected
    expected = _outcome(lambda: _reference(doc, config)[0])
    assert _outcome(lambda: render_document(doc, config)) == expected
    counts = _counts(doc)
    expected = _outcome(lambda: tei_lxml.corpus_header_bytes(config, counts))
    assert _outcome(lambda: render_corpus_header(config, counts)) == expected


def _convert(data: bytes, rel: str, config: Config = CONFIG) -> Document | None:
    return convert_seed(data, rel, config).document


@functools.cache
def _real_doc() -> Document:
    doc = _convert((REPO / REAL_SEED).read_bytes(), REAL_SEED)
    assert doc is not None
    return doc


# --- one renderer ------------------------------------------------------------------------


def _imports(tree: ast.Module) -> set[str]:
    """The modules a parsed module imports."""
    found = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    return found | {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}


def test_the_package_renders_only_as_text() -> None:
    """The oracle stays in the tests, and no exporter builds or writes an XML tree."""
    package = REPO / "corpus_tools"
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert not {m for m in _imports(tree) if m.split(".")[0] == "tests"}, path
        if "exporters" in path.relative_to(package).parts:
            names = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
            assert not names & {"Element", "SubElement", "tostring", "xmlfile"}, path
    render = ast.parse((package / "exporters" / "tei" / "render.py").read_text(encoding="utf-8"))
    assert not {m for m in _imports(render) if m.split(".")[0] == "lxml"}


# --- seeds of the repository -----------------------------------------------------------


def _case_seeds() -> list[Path]:
    return sorted(CASES.glob("**/*.txt"))


def test_the_repository_seed() -> None:
    config = load_config(REPO)
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    assert seeds
    for path in seeds:
        doc = _convert(path.read_bytes(), f"seeds/{path.name}", config)
        assert doc is not None, path
        for cfg in (config, CONFIG, HOSTILE_CONFIG):
            _assert_same(doc, cfg)


def test_every_case_seed() -> None:
    positive = sorted((CASES / "positive").glob("*.txt"))
    assert positive
    converted = 0
    for path in _case_seeds():
        doc = _convert(path.read_bytes(), f"seeds/{path.name}")
        if doc is None:
            assert path not in positive, path
            continue
        converted += 1
        _assert_same(doc, CONFIG)
        _assert_same(doc, HOSTILE_CONFIG)
    assert converted >= len(positive)


def _generator() -> ModuleType:
    return benchmark_generator()


def test_300_generated_seeds(tmp_path: Path) -> None:
    paths = _generator().generate(300, tmp_path, 3)
    assert len(paths) == 300
    config = load_config(tmp_path)
    quotations = 0
    for path in paths:
        doc = _convert(path.read_bytes(), f"seeds/{path.name}", config)
        assert doc is not None, path
        quotations += len(doc.quotations)
        _assert_same(doc, config)
    assert quotations > 300  # nested, interrupted and multi-paragraph ones among them


def test_the_annotated_document() -> None:
    """Every type, speakers with and without a person, persons with mentions."""
    doc = annotated_document(CONFIG)
    for cfg in (CONFIG, HOSTILE_CONFIG):
        _assert_same(doc, cfg)


def test_a_long_document_with_hostile_config() -> None:
    text = " date 2025-11-27 " + "\n\n".join(
        f"“Para {i} & <b> said “x” — «y» „z“ ‘w’,” he said. 😀 \u00a0 e\u0301 ]]>"
        for i in range(400)
    )
    doc = _convert(text.encode(), "seeds/001_0123456789abcdef.txt")
    assert doc is not None
    assert len(doc.paragraphs) == 400
    _assert_same(doc, HOSTILE_CONFIG)


# --- escaping: the whole of Unicode ----------------------------------------------------


def _lxml_text(value: str) -> bytes:
    el = etree.Element("x")
    el.text = value
    return etree.tostring(el, encoding="UTF-8")


def _lxml_attr(value: str) -> bytes:
    el = etree.Element("x")
    el.set("a", value)
    return etree.tostring(el, encoding="UTF-8")


def _lxml_takes(value: str) -> bool:
    try:
        _lxml_text(value)
    except (ValueError, UnicodeEncodeError):
        return False
    return True


def _refused(chars: str) -> list[str]:
    """The characters of ``chars`` lxml refuses (halving: most blocks are accepted)."""
    if _lxml_takes(chars):
        return []
    if len(chars) == 1:
        return [chars]
    half = len(chars) // 2
    return _refused(chars[:half]) + _refused(chars[half:])


def test_escaping_matches_libxml2_for_every_code_point() -> None:
    refused: list[str] = []
    for block in range(0, 0x110000, 0x1000):
        chars = "".join(chr(c) for c in range(block, block + 0x1000))
        bad = _refused(chars)
        refused += bad
        assert [c for c in chars if _NOT_XML.match(c)] == bad, hex(block)
        assert not any(c.isprintable() for c in bad)  # _xml_clean's shortcut is safe
        for c in bad:  # refused with lxml's exception and message, at its position
            for value in (c, f"ab{c}", f"{c}{c}x"):
                expected = _outcome(functools.partial(_lxml_attr, value))
                assert expected[0] == "raises"
                assert _outcome(functools.partial(_lxml_text, value)) == expected
                assert _outcome(functools.partial(_accept, value)) == expected
        ok = "".join(c for c in chars if c not in set(bad))
        assert _lxml_text(ok) == f"<x>{_esc_text(ok)}</x>".encode(), hex(block)
        assert _lxml_attr(ok) == f'<x a="{_esc_attr(ok)}"/>'.encode(), hex(block)
    assert len(refused) == 29 + 2048 + 2  # C0 controls, surrogates, U+FFFE and U+FFFF
    special = "&<>\"'\n\r\t"
    assert _lxml_text(special) == f"<x>{_esc_text(special)}</x>".encode()
    assert _esc_text(special) == "&amp;&lt;&gt;\"'\n&#13;\t"
    assert _esc_attr(special) == "&amp;&lt;&gt;&quot;'&#10;&#13;&#9;"


# --- documents built directly ----------------------------------------------------------

_PIECES = [
    "a",
    "Я",
    "ў",
    " ",
    "&",
    "<",
    ">",
    '"',
    "'",
    "&amp;",
    "&#10;",
    "]]>",
    "<!--",
    "\u00a0",
    "\u2028",
    "\u2029",
    "\u200b",
    "\ufeff",
    "\x7f",
    "\x85",
    "😀",
    "👍🏽",
    "👨‍👩‍👧",
    "e\u0301",
    "q\u0307",
    "и\u0306",
    "\U0010fffd",
    "\ufffd",
    "“",
    "”",
    "„",
    "‟",
    "«",
    "»",
    "‹",
    "›",
    "‘",
    "’",
    "‚",
    "「",
    "」",
    "『",
    "』",
    "—",
    "–",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "{",
    "}",
    "%s",
    "\\",
]
# What lxml refuses: a document holding one raises exactly the reference's error.
_INVALID = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1f", "\ufffe", "\uffff", "\ud800", "\udfff"]
_piece = st.one_of(
    st.sampled_from(_PIECES),
    st.characters(exclude_categories=("Cs", "Cc", "Cn")),
)
_text = st.lists(_piece, max_size=10).map("".join)
_bad_text = st.lists(st.one_of(_piece, st.sampled_from(_INVALID)), min_size=1, max_size=6).map(
    "".join
)
_valid_marks = st.one_of(
    st.none(),
    st.sampled_from(["“”", "«»", "„“", "‘’", '""', "''", "&&", "<>", "><", '"&', "「」", "😀👍"]),
)
_rarely = st.integers(0, 15).map(lambda n: n == 5)
_any_marks = st.one_of(_valid_marks, st.sampled_from(["()", "“", "\n\t"]), st.text(max_size=3))


def _crosses(a: tuple[Position, Position], b: tuple[Position, Position]) -> bool:
    return a[0] < b[0] < a[1] < b[1] or b[0] < a[0] < b[1] < a[1]


@st.composite
def _position(draw: st.DrawFn, texts: list[str], low: Position, high: Position) -> Position:
    """A position in the text between ``low`` and ``high`` (both included)."""
    paragraph = draw(st.integers(low.paragraph, high.paragraph))
    first = low.offset if paragraph == low.paragraph else 0
    last = high.offset if paragraph == high.paragraph else len(texts[paragraph - 1])
    return Position(paragraph, draw(st.integers(first, last)))


def _span_text(texts: list[str], start: Position, end: Position) -> str:
    if start.paragraph == end.paragraph:
        return texts[start.paragraph - 1][start.offset : end.offset]
    parts = [texts[start.paragraph - 1][start.offset :]]
    parts += texts[start.paragraph : end.paragraph - 1]
    parts.append(texts[end.paragraph - 1][: end.offset])
    return "\n".join(parts)


@st.composite
def _persons(draw: st.DrawFn, text: st.SearchStrategy[str], valid: bool) -> tuple[Person, ...]:
    """Persons with names and mentions; when not ``valid``, ids may be wrong or repeated."""
    out = []
    for n in range(1, draw(st.integers(0, 3)) + 1):
        person_id = f"person{n}"
        if not valid and draw(_rarely):
            person_id = draw(st.sampled_from(["person1", "p1", "person0", "person1\n", "x y"]))
        out.append(Person(person_id, draw(text), tuple(draw(st.lists(text, max_size=3)))))
    return tuple(out)


@st.composite
def _speaker(
    draw: st.DrawFn, text: st.SearchStrategy[str], persons: tuple[Person, ...], valid: bool
) -> Speaker | None:
    refs = [p.id for p in persons]
    ref = draw(st.one_of(st.none(), st.sampled_from(refs))) if refs else None
    if not valid and draw(_rarely):
        ref = draw(st.sampled_from(["person9", "person1", "nobody"]))
    return draw(st.one_of(st.none(), st.builds(Speaker, text, text, st.just(ref))))


@st.composite
def _quotations(
    draw: st.DrawFn,
    texts: list[str],
    valid: bool,
    text: st.SearchStrategy[str] = _text,
    persons: tuple[Person, ...] = (),
) -> tuple[Quotation, ...]:
    """Spans over the paragraphs, often nested in the one before, of any type.

    ``valid``: every invariant of the encoding holds (spans nest, marks fit, links are
    unique, only speech has a speaker, speakers refer to persons); otherwise spans may
    cross, and kinds, types, marks, speakers and links may be wrong.
    """
    if not texts:
        return ()
    whole = (Position(1, 0), Position(len(texts), len(texts[-1])))
    spans: list[tuple[Position, Position]] = []
    for _ in range(draw(st.integers(0, 6))):
        where = draw(st.sampled_from(["inside", "anywhere", "across"])) if spans else ""
        low, high = spans[-1] if where == "inside" else whole
        if where == "across":  # from inside the previous span to beyond its end
            start = draw(_position(texts, *spans[-1]))
            end = draw(_position(texts, spans[-1][1], high))
        else:
            start = draw(_position(texts, low, high))
            end = draw(_position(texts, start, high))
        if not (valid and any(_crosses(s, (start, end)) for s in spans)):
            spans.append((start, end))
    out: list[Quotation] = []
    continued: set[str] = set()
    for i, (start, end) in enumerate(spans):
        ids = [q.id for q in out]
        kind = draw(st.sampled_from(["quote", "dialogue"]))
        marks = draw(_valid_marks) if kind == "quote" else None
        if not valid and draw(_rarely):  # one of the invariants _check_document checks
            kind, marks = draw(
                st.sampled_from([("speech", None), ("dialogue", "“”"), ("quote", draw(_any_marks))])
            )
        # Valid: a quotation is continued at most once; otherwise "continued twice".
        free = [q for q in ids if q not in continued] if valid else ids
        prev = draw(st.one_of(st.none(), st.sampled_from(free))) if free else None
        if prev is not None:
            continued.add(prev)
        # As for the document id: a final line break is refused (TeiExportError).
        suffix = "\n" if not valid and draw(_rarely) else ""
        qtype = draw(st.sampled_from(["speech", "speech", "title", "name", "term"]))
        if not valid and draw(_rarely):
            qtype = draw(st.sampled_from(["quote", "Speech", ""]))
        speaker = draw(_speaker(text, persons, valid))
        if valid and qtype != "speech":
            speaker = None
        out.append(
            Quotation(
                id=f"q{i + 1}{suffix}",
                kind=kind,
                start=start,
                end=end,
                text=_span_text(texts, start, end),
                depth=draw(st.integers(0, 3)),
                marks=marks,
                parent=draw(st.one_of(st.none(), st.sampled_from(ids))) if ids else None,
                prev=prev,
                type=qtype,
                speaker=speaker,
            )
        )
    return tuple(out)


@st.composite
def _documents(
    draw: st.DrawFn, text: st.SearchStrategy[str] = _text, valid: bool = False
) -> Document:
    seq = draw(st.integers(0, 12345))
    hsh = draw(st.text(alphabet="0123456789abcdef", min_size=16, max_size=16))
    # A final line break in an id is refused (the patterns end with \Z, not "$").
    doc_id = f"{seq:03d}_{hsh}" + ("" if valid else draw(st.sampled_from(["", "", "", "\n"])))
    texts = draw(st.lists(text, max_size=4))
    paragraphs = tuple(
        Paragraph(n, draw(st.integers(1, 500)), t) for n, t in enumerate(texts, start=1)
    )
    persons = draw(_persons(text, valid))
    codes = [*NORMALISATIONS]
    converters = ["corpus-tools 0.1.0", "x.y-z 1.2.3.4"]
    if not valid and draw(_rarely):
        codes, converters = [*codes, "bogus"], ["no version", "corpus-tools"]
    return Document(
        id=doc_id,
        seq=seq,
        hash=hsh,
        date=draw(st.one_of(st.just("2025-11-27"), text)),
        lang=draw(st.one_of(st.sampled_from(["en", "ru", "be", "und", "xx", "en-GB"]), text)),
        lang_source=draw(
            st.one_of(st.sampled_from(["detected", "default", "override", "undetermined"]), text)
        ),
        lang_confidence=draw(st.one_of(st.none(), st.floats(0, 1).map(lambda x: round(x, 2)))),
        dateline=draw(st.one_of(st.none(), text)),
        title=draw(text),
        title_source=draw(st.one_of(st.just("first-sentence"), text)),
        paragraphs=paragraphs,
        quotations=draw(_quotations(texts, valid, text, persons)),
        persons=persons,
        stats=Stats(*(draw(st.integers(0, 10**9)) for _ in range(4))),
        provenance=Provenance(
            seed_path=draw(st.one_of(st.just(f"seeds/{seq:03d}_{hsh}.txt"), text)),
            seed_sha256=draw(st.one_of(st.just("ab" * 32), text)),
            seed_bytes=draw(st.integers(0, 10**9)),
            converter=draw(st.sampled_from(converters)) + draw(st.one_of(st.just(""), text)),
            normalisations=tuple(draw(st.lists(st.sampled_from(codes), max_size=4))),
        ),
        schema_version=draw(st.one_of(st.just("2.0.0"), text)),
    )


_configs = st.builds(
    Config,
    title=_text,
    publisher=_text,
    licence=_text,
    licence_url=st.one_of(st.none(), st.just(""), _text.map(lambda t: "https://x.org/" + t)),
    idno=_text,
)


@_property(200)
@given(_documents(valid=True), st.one_of(st.just(CONFIG), st.just(HOSTILE_CONFIG), _configs))
def test_direct_documents(doc: Document, config: Config) -> None:
    _assert_same(doc, config)


@_property(150)
@given(_documents(), st.one_of(st.just(CONFIG), _configs))
def test_direct_documents_that_may_break_invariants(doc: Document, config: Config) -> None:
    expected = _outcome(lambda: _reference(doc, config))
    if expected[0] == "value":
        assert _render(doc, config, embedded=True) == expected[1]
    else:
        assert expected[1] == "TeiExportError", expected
    _assert_same_outcome(doc, config)


@_property(100)
@given(_documents(_bad_text), st.one_of(st.just(CONFIG), _configs))
def test_characters_lxml_refuses(doc: Document, config: Config) -> None:
    _assert_same_outcome(doc, config)


@_property(50)
@given(
    st.builds(
        Config,
        title=_bad_text,
        publisher=st.one_of(_text, _bad_text),
        licence=st.one_of(_text, _bad_text),
        licence_url=st.one_of(st.none(), _bad_text),
        idno=st.one_of(_text, _bad_text),
    )
)
def test_configs_lxml_refuses(config: Config) -> None:
    _assert_same_outcome(_real_doc(), config)


# --- seeds with hostile text through the converter -------------------------------------

_word = st.sampled_from(
    [
        "the",
        "minister",
        "said",
        "Мы",
        "сказаў",
        "A&B",
        "<tag>",
        "x>y",
        "&amp;",
        "&#13;",
        "]]>",
        '"',
        "'",
        "😀",
        "👍🏽",
        "👨‍👩‍👧",
        "cafe\u0301",
        "q\u0307",
        "\u00a0",
        "\u2028",
        "\u200b",
    ]
)
_mark = st.sampled_from(
    ["“", "”", "„", "‟", "«", "»", "‘", "’", "‚", '"', "'", "‹", "›", "「", "」", "—", ",", "."]
)


@st.composite
def _seed(draw: st.DrawFn) -> str:
    paragraphs = []
    for _ in range(draw(st.integers(1, 5))):
        tokens = draw(st.lists(st.one_of(_word, _mark), min_size=1, max_size=16))
        paragraphs.append(draw(st.sampled_from([" ", ""])).join(tokens).strip() or "x")
    nl = draw(st.sampled_from(["\n", "\r\n"]))
    return " date 2025-11-27 " + (nl + nl).join(paragraphs) + nl


@_property(150)
@given(_seed(), st.sampled_from([CONFIG, HOSTILE_CONFIG]))
def test_hostile_seeds(text: str, config: Config) -> None:
    doc = _convert(text.encode(), "seeds/001_0123456789abcdef.txt", config)
    if doc is None:
        return
    _assert_same(doc, config)


def test_printable_ascii_everywhere() -> None:
    """One document holding every printable ASCII character in every free field."""
    ascii_text = "".join(map(chr, range(32, 127))) + "\t\n\r"
    base = _real_doc()
    doc = dataclasses.replace(
        base,
        title=ascii_text,
        date=ascii_text,
        lang=ascii_text,
        lang_source=ascii_text,
        title_source=ascii_text,
        schema_version=ascii_text,
        dateline=ascii_text,
        persons=(Person("person1", ascii_text, (ascii_text, ascii_text)),),
        quotations=tuple(
            dataclasses.replace(q, speaker=Speaker(ascii_text, ascii_text, "person1"))
            for q in base.quotations
        ),
        provenance=dataclasses.replace(
            base.provenance,
            seed_path=ascii_text,
            seed_sha256=ascii_text,
            converter="corpus-tools 0.1.0" + ascii_text,
        ),
    )
    _assert_same(doc, Config(ascii_text, ascii_text, ascii_text, ascii_text, ascii_text))


@pytest.mark.parametrize("lang", ["en", "xx", "", "und"])
def test_empty_and_unknown_values(lang: str) -> None:
    """Empty text is written <x></x> (lxml), absent text <x/>: both as the reference."""
    base = _real_doc()
    empty = Config(title="", publisher="", licence="", licence_url="", idno="")
    doc = dataclasses.replace(base, title="", date="", lang=lang, quotations=())
    _assert_same(doc, empty)
    no_paragraphs = dataclasses.replace(doc, paragraphs=())
    _assert_same(no_paragraphs, empty)
    blank = dataclasses.replace(doc, paragraphs=(Paragraph(1, 1, ""), Paragraph(2, 3, "x")))
    _assert_same(blank, CONFIG)
