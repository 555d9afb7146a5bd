"""TEI P5 export: one TEI document per article, a streamed teiCorpus, and reading it back.

Files: ``tei/<id>.xml`` (a ``TEI`` document per article) and ``corpus.tei.xml`` (a
``teiCorpus``: the corpus header, then every article's ``TEI`` embedded, not
XIncluded). ``schema/tei/corpus-tei.rng`` is the exact grammar of both; every file is
also valid against ``tei_all``.

Where each canonical field lives (``read_tei`` reads it back from there)::

    id               publicationStmt/idno[@type="document"]; TEI/@xml:id is "doc-" + id
                     and sourceDesc/bibl/idno[@type="seed"] repeats it
    seq, hash        the two parts of the id (NNN_<16 hex>), as the converter defines them
    date             sourceDesc/bibl/date/@when (and profileDesc/creation/date/@when)
    lang             profileDesc/langUsage/language/@ident (and TEI/@xml:lang)
    title            titleStmt/title (and sourceDesc/bibl/title[@level="a"])
    paragraphs       text/body/p: @n, the text as the element's character content
    stats            fileDesc/extent/measure[@unit=paragraph|word|character|quotation]/@quantity
    seed_path        sourceDesc/bibl/idno[@type="seed-path"]
    seed_sha256      sourceDesc/bibl/idno[@type="sha256"]
    seed_bytes       sourceDesc/bibl/extent/measure[@unit="byte"]/@quantity
    converter        encodingDesc/appInfo/application/label
    normalisations   encodingDesc/editorialDecl/normalization/p/@n, in order
    schema_version,  teiHeader/xenoData[@type="application/json"]: one JSON object with
    lang_source,     "schema_version", "lang_source", "title_source", "paragraph_lines"
    title_source,    (the seed line of each paragraph, in order) and, only where the
    paragraph line,  nesting of the elements does not already say it,
    irregular        "quotation_depths" / "quotation_parents" (quotation id -> value)
    depth/parent

Quotations become ``said direct="true" aloud="true"`` elements inside ``p``; the text is
not changed by a single character. ``@rend`` records how the speech is set off in the
seed: ``dash`` for ``kind="dialogue"``, ``marks(“”)`` for ``kind="quote"`` (with its two
marks; plain ``marks`` when the model has none). Start, end and text come from where
the elements sit; ``parent`` and ``depth`` from how they nest.

A quotation that runs over paragraphs is split into one ``said`` per paragraph. The
first part has the id ``doc-<id>-q<N>``, the others ``doc-<id>-q<N>-<k>`` (k = 2, 3,
...); consecutive parts are linked with ``@next``/``@prev``. A quotation that continues
another after an interruption (the model's ``prev``) is linked the same way, from the
last part of the earlier quotation to the first part of the later one: a link between
two ids with the same ``q<N>`` joins parts of one quotation, a link between different
``q<N>`` is a continuation. Paragraphs have the ids ``doc-<id>-p<n>``, so every id is
unique across the whole corpus.
"""

from __future__ import annotations

import contextlib
import functools
import io
import itertools
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from lxml import etree

from corpus_tools.config import Config
from corpus_tools.io import StagedFile, Staging
from corpus_tools.journal import settle
from corpus_tools.model import (
    Document,
    Paragraph,
    Position,
    Provenance,
    Quotation,
    Stats,
    dumps_canonical,
)
from corpus_tools.schema import check_document, schema_dir

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
CORPUS_FILE = "corpus.tei.xml"
DOC_DIR = "tei"
SCHEMA_PATH = ("tei", "corpus-tei.rng")  # under the schema folder
XENO_TYPE = "application/json"

_NS = {"t": TEI_NS}
# The default namespace: lxml-stubs types nsmap keys as str, lxml takes None for it.
_NSMAP: Any = {None: TEI_NS}
_XML_ID = f"{{{XML_NS}}}id"
_XML_LANG = f"{{{XML_NS}}}lang"
_DOC_FILE = re.compile(r"^[0-9]{3,}_[0-9a-f]{16}\.xml$")
# \Z, not $: "$" also matches before a final line feed, which an xml:id cannot hold.
_DOC_ID = re.compile(r"^(?P<seq>[0-9]{3,})_(?P<hash>[0-9a-f]{16})\Z")
_QUOTE_ID = re.compile(r"^q[1-9][0-9]*\Z")
_PART_ID = re.compile(r"^doc-(?P<doc>.+)-(?P<q>q[1-9][0-9]*)(?:-(?P<k>[2-9]|[1-9][0-9]+))?$")
_CONVERTER = re.compile(r"^(?P<name>[A-Za-z][A-Za-z0-9._-]*) (?P<version>[0-9]+(?:\.[0-9]+){0,3})")
_MARKS_REND = re.compile(r"^marks(?:\((?P<marks>[^()]{2})\))?$")
_MEASURES = ("paragraph", "word", "character", "quotation")

# Human-readable descriptions of the converter's normalisation codes.
NORMALISATIONS: dict[str, str] = {
    "bom": "A UTF-8 byte order mark at the start of the seed was removed.",
    "crlf": "CR LF line ends were changed to LF.",
    "cr": "CR line ends were changed to LF.",
    "nfc": "The text was normalised to Unicode NFC.",
    "tab": "Tab characters were replaced by spaces.",
    "trailing-space": "White space at the end of lines was removed.",
    "blank-lines": "Runs of blank lines between paragraphs were counted as one.",
    "line-join": "The lines of a paragraph were joined with a space.",
    "leading-space": "White space at the start of lines was removed.",
}
_LANGUAGE_NAMES = {
    "be": "Belarusian",
    "de": "German",
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "pl": "Polish",
    "ru": "Russian",
    "uk": "Ukrainian",
    "und": "Undetermined",
}
_QUOTATION_POLICY = (
    "Quotation marks and dialogue dashes are kept in the text. Each quotation found by "
    "the converter is marked with said (direct speech); @rend says how it is set off in "
    "the seed: dash, or marks with the opening and closing mark."
)
_NO_NORMALISATION = "The seed text needed no normalisation."

# Elements whose content is text (mixed content): never indented inside.
_INLINE = frozenset(
    {"p", "said", "title", "publisher", "licence", "idno", "date", "measure", "label"}
    | {"language", "xenoData"}
)
# TEI attributes that hold pointers; tokens starting with '#' must name an xml:id.
POINTER_ATTRIBUTES = (
    "ana",
    "copyOf",
    "corresp",
    "decls",
    "exclude",
    "facs",
    "next",
    "prev",
    "ref",
    "rendition",
    "resp",
    "sameAs",
    "select",
    "source",
    "synch",
    "target",
    "toWhom",
    "who",
)


class TeiExportError(ValueError):
    """A document breaks an invariant of the canonical model, so TEI cannot hold it."""

    def __init__(self, doc_id: str, message: str) -> None:
        super().__init__(f"{doc_id}: {message}")
        self.doc_id = doc_id
        self.message = message


class TeiReadError(Exception):
    """A TEI file cannot be read back into documents."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.message = message

    def __str__(self) -> str:
        loc = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{loc}: {self.message}"


@dataclass(frozen=True, slots=True)
class TeiProblem:
    """A finding of ``check_tei_references``: where, and what is wrong."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        loc = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{loc}: {self.message}"


def _tag(local: str) -> str:
    return f"{{{TEI_NS}}}{local}"


def _line(el: etree._Element) -> int | None:
    """The source line of a parsed element (lxml-stubs leave it untyped)."""
    line = el.sourceline
    return line if isinstance(line, int) else None


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname


def _sub(
    parent: etree._Element,
    local: str,
    attrs: Iterable[tuple[str, str]] = (),
    text: str | None = None,
) -> etree._Element:
    """A child element with attributes in the given (stable) order."""
    el = etree.SubElement(parent, _tag(local))
    for key, value in attrs:
        el.set(key, value)
    if text is not None:
        el.text = text
    return el


_INLINE_TAGS = frozenset(_tag(name) for name in _INLINE)


def _indent(el: etree._Element, level: int) -> None:
    """Indent block elements only: never add white space inside mixed content."""
    if len(el) == 0 or el.tag in _INLINE_TAGS:
        return
    pad = "\n" + "  " * (level + 1)
    el.text = pad
    for child in el:
        _indent(child, level + 1)
        child.tail = pad
    el[-1].tail = "\n" + "  " * level


def _publication(parent: etree._Element, config: Config) -> etree._Element:
    """``publicationStmt`` with the corpus facts from ``config``."""
    pub = _sub(parent, "publicationStmt")
    _sub(pub, "publisher", text=config.publisher)
    availability = _sub(pub, "availability")
    target = [("target", config.licence_url)] if config.licence_url else []
    _sub(availability, "licence", target, config.licence)
    _sub(pub, "idno", [("type", "corpus")], config.idno)
    return pub


def corpus_header(config: Config) -> etree._Element:
    """The ``teiHeader`` of ``corpus.tei.xml``: corpus facts from ``config`` only."""
    header = etree.Element(_tag("teiHeader"), nsmap=_NSMAP)
    file_desc = _sub(header, "fileDesc")
    _sub(_sub(file_desc, "titleStmt"), "title", text=config.title)
    _publication(file_desc, config)
    _sub(
        _sub(file_desc, "sourceDesc"),
        "p",
        text="Plain-text press articles (seed files); the header of each TEI document describes its own source.",
    )
    encoding = _sub(header, "encodingDesc")
    _sub(
        _sub(encoding, "projectDesc"),
        "p",
        text="Each article was converted from its plain-text seed by corpus-tools; its header names the converter version.",
    )
    _sub(
        _sub(_sub(encoding, "editorialDecl"), "quotation", [("marks", "all")]), "p"
    ).text = _QUOTATION_POLICY
    return header


@dataclass(slots=True)
class _Segment:
    """The part of one quotation that lies in one paragraph."""

    quote: Quotation
    order: int  # index of the quotation in the document
    part: int  # 1-based part number
    start: int
    end: int


def _check_document(doc: Document) -> dict[int, Paragraph]:
    """Check the invariants the encoding relies on; return paragraphs by number."""
    m = _DOC_ID.match(doc.id)
    if not m or int(m["seq"]) != doc.seq or m["hash"] != doc.hash:
        raise TeiExportError(doc.id, "the id is not <seq>_<hash> of the document's seq and hash")
    paragraphs = {p.n: p for p in doc.paragraphs}
    if [p.n for p in doc.paragraphs] != list(range(1, len(doc.paragraphs) + 1)):
        raise TeiExportError(doc.id, "paragraphs are not numbered 1, 2, 3 ... in order")
    numbers = [int(q.id[1:]) if _QUOTE_ID.match(q.id) else -1 for q in doc.quotations]
    if numbers != sorted(set(numbers)) or (numbers and numbers[0] < 1):
        raise TeiExportError(doc.id, "quotation ids are not q1, q2 ... in increasing order")
    ids = {q.id for q in doc.quotations}
    for q in doc.quotations:
        first, last = paragraphs.get(q.start.paragraph), paragraphs.get(q.end.paragraph)
        if (
            first is None
            or last is None
            or q.end < q.start
            or q.start.offset < 0
            or q.start.offset > len(first.text)
            or q.end.offset > len(last.text)
        ):
            raise TeiExportError(doc.id, f"quotation {q.id} lies outside the text")
        if q.kind not in ("quote", "dialogue"):
            raise TeiExportError(doc.id, f"quotation {q.id} has an unknown kind {q.kind!r}")
        if q.kind == "dialogue" and q.marks is not None:
            raise TeiExportError(doc.id, f"dialogue {q.id} has quotation marks")
        if q.marks is not None and not _printable_marks(q.marks):
            raise TeiExportError(doc.id, f"quotation {q.id} has marks {q.marks!r}")
        for ref in (q.prev, q.parent):
            if ref is not None and (ref not in ids or ref == q.id):
                raise TeiExportError(
                    doc.id, f"quotation {q.id} refers to {ref}, not another quotation"
                )
        if _slice(paragraphs, q.start, q.end) != q.text:
            raise TeiExportError(doc.id, f"the text of quotation {q.id} is not its span")
    for norm in doc.provenance.normalisations:
        if norm not in NORMALISATIONS:
            raise TeiExportError(doc.id, f"unknown normalisation {norm!r}")
    if not _CONVERTER.match(doc.provenance.converter):
        raise TeiExportError(doc.id, f"converter {doc.provenance.converter!r} has no version")
    return paragraphs


@functools.lru_cache(maxsize=1024)
def _printable_marks(marks: str) -> bool:
    """Two marks that fit in @rend: no controls, separators or parentheses."""
    return len(marks) == 2 and all(
        unicodedata.category(c)[0] not in "CZ" and c not in "()" for c in marks
    )


def _slice(paragraphs: dict[int, Paragraph], start: Position, end: Position) -> str:
    if start.paragraph == end.paragraph:
        return paragraphs[start.paragraph].text[start.offset : end.offset]
    parts = [paragraphs[start.paragraph].text[start.offset :]]
    parts.extend(paragraphs[n].text for n in range(start.paragraph + 1, end.paragraph))
    parts.append(paragraphs[end.paragraph].text[: end.offset])
    return "\n".join(parts)


def _part_id(prefix: str, seg: _Segment) -> str:
    return f"{prefix}-{seg.quote.id}" if seg.part == 1 else f"{prefix}-{seg.quote.id}-{seg.part}"


def _body(doc: Document, paragraphs: dict[int, Paragraph], body: etree._Element) -> dict[str, Any]:
    """Write the paragraphs with their quotations; return the irregular depth/parent."""
    prefix = f"doc-{doc.id}"
    by_para: dict[int, list[_Segment]] = {}
    segments: dict[str, list[_Segment]] = {}
    for order, q in enumerate(doc.quotations):
        numbers = range(q.start.paragraph, q.end.paragraph + 1)
        parts = segments.setdefault(q.id, [])
        for k, n in enumerate(numbers, start=1):
            start = q.start.offset if n == q.start.paragraph else 0
            end = q.end.offset if n == q.end.paragraph else len(paragraphs[n].text)
            seg = _Segment(q, order, k, start, end)
            parts.append(seg)
            by_para.setdefault(n, []).append(seg)

    # Links: parts of one quotation, then continuations after an interruption.
    prev_of: dict[int, str] = {}
    next_of: dict[int, str] = {}

    def link(a: _Segment, b: _Segment) -> None:
        if id(a) in next_of or id(b) in prev_of:
            raise TeiExportError(doc.id, f"quotation {b.quote.prev} is continued twice")
        next_of[id(a)] = f"#{_part_id(prefix, b)}"
        prev_of[id(b)] = f"#{_part_id(prefix, a)}"

    for q in doc.quotations:
        parts = segments[q.id]
        for a, b in itertools.pairwise(parts):
            link(a, b)
    for q in doc.quotations:
        if q.prev is not None:
            link(segments[q.prev][-1], segments[q.id][0])

    structure: dict[str, tuple[str | None, int]] = {}
    for para in doc.paragraphs:
        p = _sub(body, "p", [("n", str(para.n)), (_XML_ID, f"{prefix}-p{para.n}")])
        builder = _ParagraphBuilder(p, para.text)
        # Outer before inner: by start, then longer first, then shallower, then order.
        segs = sorted(
            by_para.get(para.n, []), key=lambda s: (s.start, -s.end, s.quote.depth, s.order)
        )
        for seg in segs:
            outer = builder.open(seg)
            if outer is None:
                raise TeiExportError(
                    doc.id, f"quotation {seg.quote.id} overlaps another without nesting in it"
                )
            if seg.part == 1:
                structure[seg.quote.id] = (outer[0], outer[1])
            attrs = [
                (_XML_ID, _part_id(prefix, seg)),
                ("direct", "true"),
                ("aloud", "true"),
                ("rend", _rend(seg.quote)),
            ]
            if id(seg) in prev_of:
                attrs.append(("prev", prev_of[id(seg)]))
            if id(seg) in next_of:
                attrs.append(("next", next_of[id(seg)]))
            builder.push(seg, attrs)
        builder.finish()

    return _irregular(doc, structure)


def _irregular(doc: Document, structure: dict[str, tuple[str | None, int]]) -> dict[str, Any]:
    """The quotation depths and parents the markup does not already say (``structure``
    holds each quotation's enclosing quotation and depth as encoded)."""
    irregular: dict[str, Any] = {}
    depths = {q.id: q.depth for q in doc.quotations if structure[q.id][1] != q.depth}
    parents = {q.id: q.parent for q in doc.quotations if structure[q.id][0] != q.parent}
    if depths:
        irregular["quotation_depths"] = depths
    if parents:
        irregular["quotation_parents"] = parents
    return irregular


def _rend(q: Quotation) -> str:
    return _rend_value(q.kind, q.marks)


def _rend_value(kind: str, marks: str | None) -> str:
    if kind == "dialogue":
        return "dash"
    return "marks" if marks is None else f"marks({marks})"


class _ParagraphBuilder:
    """Turns a paragraph's text and its nested segments into mixed content."""

    def __init__(self, p: etree._Element, text: str) -> None:
        self.text = text
        self.pos = 0
        self.stack: list[tuple[etree._Element, int, _Segment | None]] = [(p, len(text), None)]

    def _emit(self, el: etree._Element, upto: int) -> None:
        """Append the text up to ``upto`` at the end of ``el``'s content."""
        if upto > self.pos:
            chunk = self.text[self.pos : upto]
            if len(el):
                el[-1].tail = (el[-1].tail or "") + chunk
            else:
                el.text = (el.text or "") + chunk
            self.pos = upto

    def _close_until(self, offset: int) -> None:
        while len(self.stack) > 1 and self.stack[-1][1] <= offset:
            el, end, _ = self.stack.pop()
            self._emit(el, end)

    def open(self, seg: _Segment) -> tuple[str | None, int] | None:
        """Close what ends before ``seg``; the enclosing quotation and depth (None: overlap)."""
        self._close_until(seg.start)
        if seg.end > self.stack[-1][1]:
            return None
        outer = self.stack[-1][2]
        return (outer.quote.id if outer is not None else None, len(self.stack) - 1)

    def push(self, seg: _Segment, attrs: list[tuple[str, str]]) -> None:
        """Start the element of ``seg`` inside the innermost open one."""
        parent = self.stack[-1][0]
        self._emit(parent, seg.start)
        self.stack.append((_sub(parent, "said", attrs), seg.end, seg))

    def finish(self) -> None:
        """Close every element and add the rest of the text."""
        self._close_until(len(self.text) + 1)
        self._emit(self.stack[0][0], len(self.text))


def document_element(doc: Document, config: Config) -> etree._Element:
    """The ``TEI`` element of one document (not indented)."""
    paragraphs = _check_document(doc)
    prov = doc.provenance
    tei = etree.Element(_tag("TEI"), nsmap=_NSMAP)
    tei.set(_XML_ID, f"doc-{doc.id}")
    tei.set(_XML_LANG, doc.lang)

    header = _sub(tei, "teiHeader")
    file_desc = _sub(header, "fileDesc")
    _sub(_sub(file_desc, "titleStmt"), "title", text=doc.title)
    extent = _sub(file_desc, "extent")
    stats = doc.stats
    counts = (stats.paragraphs, stats.words, stats.characters, stats.quotations)
    for unit, count in zip(_MEASURES, counts, strict=True):
        _sub(extent, "measure", [("unit", unit), ("quantity", str(count))])
    pub = _publication(file_desc, config)
    _sub(pub, "idno", [("type", "document")], doc.id)
    bibl = _sub(_sub(file_desc, "sourceDesc"), "bibl")
    _sub(bibl, "title", [("level", "a")], doc.title)
    _sub(bibl, "date", [("when", doc.date)], doc.date)
    _sub(bibl, "idno", [("type", "seed")], doc.id)
    _sub(bibl, "idno", [("type", "seed-path")], prov.seed_path)
    _sub(bibl, "idno", [("type", "sha256")], prov.seed_sha256)
    _sub(_sub(bibl, "extent"), "measure", [("unit", "byte"), ("quantity", str(prov.seed_bytes))])

    encoding = _sub(header, "encodingDesc")
    _sub(
        _sub(encoding, "projectDesc"),
        "p",
        text=f"Converted by {prov.converter} from the plain-text seed {prov.seed_path}.",
    )
    editorial = _sub(encoding, "editorialDecl")
    normalization = _sub(editorial, "normalization")
    for norm in prov.normalisations:
        _sub(normalization, "p", [("n", norm)], NORMALISATIONS[norm])
    if not prov.normalisations:
        _sub(normalization, "p", text=_NO_NORMALISATION)
    _sub(_sub(editorial, "quotation", [("marks", "all")]), "p", text=_QUOTATION_POLICY)
    m = _CONVERTER.match(prov.converter)
    assert m is not None  # checked by _check_document
    application = _sub(
        _sub(encoding, "appInfo"),
        "application",
        [("ident", m["name"]), ("version", m["version"])],
    )
    _sub(application, "label", text=prov.converter)

    profile = _sub(header, "profileDesc")
    _sub(_sub(profile, "creation"), "date", [("when", doc.date)], doc.date)
    _sub(
        _sub(profile, "langUsage"),
        "language",
        [("ident", doc.lang)],
        _LANGUAGE_NAMES.get(doc.lang),
    )
    xeno = _sub(header, "xenoData", [("type", XENO_TYPE)])

    body = _sub(_sub(tei, "text"), "body")
    extra: dict[str, Any] = {
        "schema_version": doc.schema_version,
        "lang_source": doc.lang_source,
        "title_source": doc.title_source,
        "paragraph_lines": [p.line for p in doc.paragraphs],
    }
    extra.update(_body(doc, paragraphs, body))
    xeno.text = dumps_canonical(extra)
    return tei


def _file_bytes(tei: etree._Element) -> bytes:
    """A standalone file: declaration, the element indented from the left, final LF."""
    _indent(tei, 0)
    return etree.tostring(tei, xml_declaration=True, encoding="UTF-8") + b"\n"


def _render_fragments_lxml(doc: Document, config: Config) -> tuple[bytes, bytes]:
    """``render_fragments`` through the lxml tree of ``document_element``: the reference.

    The fast path below must give exactly these bytes; it hands every document it cannot
    write itself (one that breaks an invariant, or holds what XML cannot) to this one.
    """
    tei = document_element(doc, config)
    standalone = _file_bytes(tei)
    _indent(tei, 1)
    return standalone, etree.tostring(tei, encoding="UTF-8", with_tail=False)


def render_document(doc: Document, config: Config) -> bytes:
    """The bytes of ``tei/<id>.xml`` for one document."""
    fast = _render_fast(doc, config, embedded=False)
    if fast is None:
        return _file_bytes(document_element(doc, config))
    return fast[0]


def render_fragments(doc: Document, config: Config) -> tuple[bytes, bytes]:
    """The bytes of ``tei/<id>.xml`` and of the document's part of ``corpus.tei.xml``.

    Pure and picklable, so that worker processes can do it.
    """
    fast = _render_fast(doc, config, embedded=True)
    if fast is None:
        return _render_fragments_lxml(doc, config)
    return fast


# The fast path ----------------------------------------------------------------------------
#
# render_document and render_fragments write the fixed structure of document_element
# straight to a string: the same elements, attributes in the same order, the same
# indentation as _indent, escaped as libxml2 escapes. tests/test_tei_render_fast.py checks
# that the bytes equal those of the lxml reference (_render_fragments_lxml).

_XML_DECLARATION_BYTES = b"<?xml version='1.0' encoding='UTF-8'?>\n"
# What lxml refuses in text and attribute values: C0 controls other than tab, LF and CR,
# U+FFFE and U+FFFF (ValueError), and lone surrogates (UnicodeEncodeError). A document
# holding one is left to the reference, which raises what it raises.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# A line break and the indentation of an element at depth i (two spaces a level).
_NL = tuple("\n" + "  " * i for i in range(16))
_NL_BYTES = tuple(nl.encode() for nl in _NL)


def _xml_clean(text: str) -> bool:
    """True when lxml takes ``text`` (printable text needs no closer look)."""
    return text.isprintable() or _NOT_XML.search(text) is None


def _esc_text(text: str) -> str:
    """Character data as libxml2 writes it: ``&``, ``<``, ``>`` and CR escaped."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


def _esc_attr(value: str) -> str:
    """An attribute value as libxml2 writes it (in double quotes)."""
    value = _esc_text(value)
    if '"' in value:
        value = value.replace('"', "&quot;")
    if "\n" in value:
        value = value.replace("\n", "&#10;")
    if "\t" in value:
        value = value.replace("\t", "&#9;")
    return value


def _element(local: str, attrs: str, text: str | None) -> str:
    """One element with (already escaped) attributes and the text ``text`` (None: empty)."""
    if text is None:
        return f"<{local}{attrs}/>"
    return f"<{local}{attrs}>{_esc_text(text)}</{local}>"


_QUOTATION_POLICY_XML = _esc_text(_QUOTATION_POLICY)


@functools.lru_cache(maxsize=16)
def _publication_xml(config: Config) -> tuple[str, str] | None:
    """``_publication``'s children at depth 4 and 5; None when lxml would refuse them."""
    values = (config.publisher, config.licence, config.licence_url or "", config.idno)
    if not all(v is None or _xml_clean(v) for v in values):
        return None
    target = f' target="{_esc_attr(config.licence_url)}"' if config.licence_url else ""
    publisher = _element("publisher", "", config.publisher)
    licence = _element("licence", target, config.licence)
    idno = _element("idno", ' type="corpus"', config.idno)
    return (
        f"{publisher}{_NL[4]}<availability>{_NL[5]}{licence}{_NL[4]}</availability>{_NL[4]}{idno}",
        f"{publisher}{_NL[5]}<availability>{_NL[6]}{licence}{_NL[5]}</availability>{_NL[5]}{idno}",
    )


@functools.lru_cache(maxsize=256)
def _normalization_xml(normalisations: tuple[str, ...], level: int) -> str:
    """The ``p`` children of ``normalization`` at depth ``level``."""
    if not normalisations:
        return f"<p>{_esc_text(_NO_NORMALISATION)}</p>"
    return _NL[level].join(
        f'<p n="{_esc_attr(norm)}">{_esc_text(NORMALISATIONS[norm])}</p>' for norm in normalisations
    )


@dataclass(slots=True)
class _FastSegment:
    """``_Segment`` as the fast path writes it: with its escaped id, links and start tag."""

    quote: Quotation
    order: int
    part: int
    start: int
    end: int
    xml_id: str  # escaped for an attribute value, as are rend, prev and next
    rend: str
    prev: str | None = None
    next: str | None = None
    tag: str = ""


def _sort_key(seg: _FastSegment) -> tuple[int, int, int, int]:
    return (seg.start, -seg.end, seg.quote.depth, seg.order)


@functools.lru_cache(maxsize=1024)
def _rend_attr(kind: str, marks: str | None) -> str:
    return _esc_attr(_rend_value(kind, marks))


def _body_xml(
    doc: Document, paragraphs: dict[int, Paragraph], id_attr: str
) -> tuple[list[str], dict[str, Any]]:
    """``_body`` as text: the ``p`` elements, and the irregular depth/parent."""
    prefix = f"doc-{id_attr}"
    by_para: dict[int, list[_FastSegment]] = {}
    segments: dict[str, list[_FastSegment]] = {}
    for order, q in enumerate(doc.quotations):
        qid = f"{prefix}-{q.id if q.id.isalnum() else _esc_attr(q.id)}"
        rend = _rend_attr(q.kind, q.marks)
        first, last = q.start.paragraph, q.end.paragraph
        if first == last:
            seg = _FastSegment(q, order, 1, q.start.offset, q.end.offset, qid, rend)
            segments[q.id] = [seg]
            by_para.setdefault(first, []).append(seg)
            continue
        parts = segments.setdefault(q.id, [])
        for k, n in enumerate(range(first, last + 1), start=1):
            start = q.start.offset if n == first else 0
            end = q.end.offset if n == last else len(paragraphs[n].text)
            seg = _FastSegment(q, order, k, start, end, qid if k == 1 else f"{qid}-{k}", rend)
            parts.append(seg)
            by_para.setdefault(n, []).append(seg)

    def link(a: _FastSegment, b: _FastSegment) -> None:
        if a.next is not None or b.prev is not None:
            raise TeiExportError(doc.id, f"quotation {b.quote.prev} is continued twice")
        a.next = f' next="#{b.xml_id}"'
        b.prev = f' prev="#{a.xml_id}"'

    for q in doc.quotations:
        for a, b in itertools.pairwise(segments[q.id]):
            link(a, b)
    for q in doc.quotations:
        if q.prev is not None:
            link(segments[q.prev][-1], segments[q.id][0])
    for parts in segments.values():
        for seg in parts:
            seg.tag = (
                f'<said xml:id="{seg.xml_id}" direct="true" aloud="true" rend="{seg.rend}"'
                f"{seg.prev or ''}{seg.next or ''}>"
            )

    structure: dict[str, tuple[str | None, int]] = {}
    out: list[str] = []
    for para in doc.paragraphs:
        number = str(para.n)  # a number (checked): nothing to escape
        head = f'<p n="{number}" xml:id="{prefix}-p{number}"'
        segs = by_para.get(para.n)
        if segs:
            if len(segs) > 1:
                segs.sort(key=_sort_key)
            out.append(_paragraph_xml(doc.id, head, para.text, segs, structure))
        elif para.text:
            out.append(f"{head}>{_esc_text(para.text)}</p>")
        else:
            out.append(f"{head}/>")

    return out, _irregular(doc, structure)


def _paragraph_xml(
    doc_id: str,
    head: str,
    text: str,
    segs: list[_FastSegment],
    structure: dict[str, tuple[str | None, int]],
) -> str:
    """``_ParagraphBuilder`` as text: a ``p`` start tag ``head``, ``text`` and its parts.

    The pieces come in document order; an element is empty (self-closed, as lxml writes
    it) when nothing follows its start tag.
    """
    plain = not ("&" in text or "<" in text or ">" in text or "\r" in text)
    pieces = [f"{head}>"]
    stack: list[tuple[int, _FastSegment | None, int]] = [(len(text), None, 0)]
    pos = 0
    for seg in (*segs, None):
        # Close what ends before this part (at the end: everything).
        offset = len(text) + 1 if seg is None else seg.start
        while len(stack) > 1 and stack[-1][0] <= offset:
            end, _, at = stack.pop()
            if end > pos:
                pieces.append(text[pos:end] if plain else _esc_text(text[pos:end]))
                pos = end
            if at == len(pieces) - 1:
                pieces[at] = pieces[at][:-1] + "/>"
            else:
                pieces.append("</said>")
        if seg is None:
            break
        if seg.end > stack[-1][0]:
            raise TeiExportError(
                doc_id, f"quotation {seg.quote.id} overlaps another without nesting in it"
            )
        if seg.part == 1:
            outer = stack[-1][1]
            structure[seg.quote.id] = (
                outer.quote.id if outer is not None else None,
                len(stack) - 1,
            )
        if seg.start > pos:
            pieces.append(text[pos : seg.start] if plain else _esc_text(text[pos : seg.start]))
            pos = seg.start
        pieces.append(seg.tag)
        stack.append((seg.end, seg, len(pieces) - 1))
    if len(text) > pos:
        pieces.append(text[pos:] if plain else _esc_text(text[pos:]))
    pieces.append("</p>")  # never empty: it holds at least one said
    return "".join(pieces)


def _render_fast(doc: Document, config: Config, *, embedded: bool) -> tuple[bytes, bytes] | None:
    """The file (and, when ``embedded``, the corpus part) without lxml; None: ask lxml.

    None when the document breaks an invariant found while writing the body, or holds a
    character lxml refuses: the reference then raises exactly what it raises.
    """
    paragraphs = _check_document(doc)
    prov = doc.provenance
    id_attr = _esc_attr(doc.id)
    try:
        ps, irregular = _body_xml(doc, paragraphs, id_attr)
    except TeiExportError:
        return None
    extra: dict[str, Any] = {
        "schema_version": doc.schema_version,
        "lang_source": doc.lang_source,
        "title_source": doc.title_source,
        "paragraph_lines": [p.line for p in doc.paragraphs],
    }
    extra.update(irregular)
    xeno = dumps_canonical(extra)
    strings = [p.text for p in doc.paragraphs]
    strings += (doc.id, doc.lang, doc.title, doc.date, xeno)
    strings += (prov.seed_path, prov.seed_sha256, prov.converter)
    publication = _publication_xml(config)
    if publication is None or not _xml_clean("".join(strings)):
        return None
    m = _CONVERTER.match(prov.converter)
    assert m is not None  # checked by _check_document

    # Every value escaped once; the layout (below) is written once or twice.
    id_text, lang, title = _esc_text(doc.id), _esc_attr(doc.lang), _esc_text(doc.title)
    date_attr, date_text = _esc_attr(doc.date), _esc_text(doc.date)
    seed_path, converter = _esc_text(prov.seed_path), _esc_text(prov.converter)
    sha256, seed_bytes = _esc_text(prov.seed_sha256), _esc_attr(str(prov.seed_bytes))
    stats = doc.stats
    paragraph_count, word_count = _esc_attr(str(stats.paragraphs)), _esc_attr(str(stats.words))
    char_count, quote_count = _esc_attr(str(stats.characters)), _esc_attr(str(stats.quotations))
    app_name, app_version = _esc_attr(m["name"]), _esc_attr(m["version"])
    normalisations = tuple(prov.normalisations)  # a cache key
    language = _element("language", f' ident="{lang}"', _LANGUAGE_NAMES.get(doc.lang))
    xeno = _esc_text(xeno)

    def tei(level: int) -> tuple[str, str]:
        """The ``TEI`` element at depth ``level`` as ``_indent`` lays it out, in two halves.

        The paragraphs go between the halves, each on its own line at depth level + 3.
        """
        n = _NL[level:]
        start = (
            f'<TEI xmlns="{TEI_NS}" xml:id="doc-{id_attr}" xml:lang="{lang}">'
            f"{n[1]}<teiHeader>"
            f"{n[2]}<fileDesc>"
            f"{n[3]}<titleStmt>"
            f"{n[4]}<title>{title}</title>"
            f"{n[3]}</titleStmt>"
            f"{n[3]}<extent>"
            f'{n[4]}<measure unit="paragraph" quantity="{paragraph_count}"/>'
            f'{n[4]}<measure unit="word" quantity="{word_count}"/>'
            f'{n[4]}<measure unit="character" quantity="{char_count}"/>'
            f'{n[4]}<measure unit="quotation" quantity="{quote_count}"/>'
            f"{n[3]}</extent>"
            f"{n[3]}<publicationStmt>"
            f"{n[4]}{publication[level]}"
            f'{n[4]}<idno type="document">{id_text}</idno>'
            f"{n[3]}</publicationStmt>"
            f"{n[3]}<sourceDesc>"
            f"{n[4]}<bibl>"
            f'{n[5]}<title level="a">{title}</title>'
            f'{n[5]}<date when="{date_attr}">{date_text}</date>'
            f'{n[5]}<idno type="seed">{id_text}</idno>'
            f'{n[5]}<idno type="seed-path">{seed_path}</idno>'
            f'{n[5]}<idno type="sha256">{sha256}</idno>'
            f"{n[5]}<extent>"
            f'{n[6]}<measure unit="byte" quantity="{seed_bytes}"/>'
            f"{n[5]}</extent>"
            f"{n[4]}</bibl>"
            f"{n[3]}</sourceDesc>"
            f"{n[2]}</fileDesc>"
            f"{n[2]}<encodingDesc>"
            f"{n[3]}<projectDesc>"
            f"{n[4]}<p>Converted by {converter} from the plain-text seed {seed_path}.</p>"
            f"{n[3]}</projectDesc>"
            f"{n[3]}<editorialDecl>"
            f"{n[4]}<normalization>"
            f"{n[5]}{_normalization_xml(normalisations, level + 5)}"
            f"{n[4]}</normalization>"
            f'{n[4]}<quotation marks="all">'
            f"{n[5]}<p>{_QUOTATION_POLICY_XML}</p>"
            f"{n[4]}</quotation>"
            f"{n[3]}</editorialDecl>"
            f"{n[3]}<appInfo>"
            f'{n[4]}<application ident="{app_name}" version="{app_version}">'
            f"{n[5]}<label>{converter}</label>"
            f"{n[4]}</application>"
            f"{n[3]}</appInfo>"
            f"{n[2]}</encodingDesc>"
            f"{n[2]}<profileDesc>"
            f"{n[3]}<creation>"
            f'{n[4]}<date when="{date_attr}">{date_text}</date>'
            f"{n[3]}</creation>"
            f"{n[3]}<langUsage>"
            f"{n[4]}{language}"
            f"{n[3]}</langUsage>"
            f"{n[2]}</profileDesc>"
            f'{n[2]}<xenoData type="{XENO_TYPE}">{xeno}</xenoData>'
            f"{n[1]}</teiHeader>"
            f"{n[1]}<text>"
            f"{n[2]}<body>{n[3]}"
        )
        end = f"{n[2]}</body>{n[1]}</text>{n[0]}</TEI>"
        if not ps:
            start, end = start.removesuffix(f"<body>{n[3]}"), f"<body/>{n[1]}</text>{n[0]}</TEI>"
        return start, end

    # The paragraphs, most of the bytes, are encoded once for both outputs.
    body = [p.encode() for p in ps]
    start, end = tei(0)
    standalone = b"".join(
        (_XML_DECLARATION_BYTES, start.encode(), _NL_BYTES[3].join(body), end.encode(), b"\n")
    )
    if not embedded:
        return standalone, b""
    start, end = tei(1)
    return standalone, b"".join((start.encode(), _NL_BYTES[4].join(body), end.encode()))


class TeiSink:
    """Writes ``tei/<id>.xml`` per document and streams ``corpus.tei.xml``."""

    def __init__(self, out_dir: Path, config: Config, staging: Staging) -> None:
        self._out_dir = out_dir
        self._config = config
        self._staging = staging
        self._ids: set[str] = set()
        self._corpus: StagedFile | None = None

    def _start_corpus(self) -> StagedFile:
        corpus = self._staging.open(self._out_dir / CORPUS_FILE)
        header = corpus_header(self._config)
        _indent(header, 1)
        corpus.write(
            b"<?xml version='1.0' encoding='UTF-8'?>\n"
            + f'<teiCorpus xmlns="{TEI_NS}">\n  '.encode()
            + etree.tostring(header, encoding="UTF-8", with_tail=False)
        )
        self._corpus = corpus
        return corpus

    def add(self, doc_id: str, fragment: tuple[bytes, bytes]) -> None:
        """Write one document's file and append it to the corpus file."""
        if doc_id in self._ids:
            raise TeiExportError(doc_id, "two documents have this id")
        standalone, embedded = fragment
        # Given whole and closed at once: an unchanged file is not rewritten, and 100,000
        # open files until commit would exhaust file descriptors.
        self._staging.put_bytes(self._out_dir / DOC_DIR / f"{doc_id}.xml", standalone)
        self._ids.add(doc_id)
        corpus = self._corpus or self._start_corpus()
        corpus.write(b"\n  " + embedded)

    def close(self) -> None:
        """Finish ``corpus.tei.xml``; schedule stale files for deletion."""
        if self._corpus is not None:
            self._corpus.write(b"\n</teiCorpus>\n")
            self._corpus.close()  # flushed: what is staged is complete from here on
        elif (self._out_dir / CORPUS_FILE).is_file():
            # teiCorpus needs at least one TEI: no documents, no corpus file.
            self._staging.delete(self._out_dir / CORPUS_FILE)
        folder = self._out_dir / DOC_DIR
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                if _DOC_FILE.match(path.name) and path.name[:-4] not in self._ids:
                    self._staging.delete(path)


class TeiExporter:
    """``exports/tei/<id>.xml`` and ``exports/corpus.tei.xml``."""

    name = "tei"
    description = "TEI P5 XML: tei/<id>.xml per article and corpus.tei.xml with all of them"

    def open(self, out_dir: Path, config: Config, staging: Staging) -> TeiSink:
        """Start the TEI export."""
        return TeiSink(out_dir, config, staging)

    def render(self, doc: Document, config: Config) -> tuple[bytes, bytes]:
        """The document's fragments (see ``render_fragments``)."""
        return render_fragments(doc, config)

    def owns(self, rel_path: str) -> bool:
        """``corpus.tei.xml`` and ``tei/<id>.xml``."""
        if rel_path == CORPUS_FILE:
            return True
        folder, _, name = rel_path.partition("/")
        return folder == DOC_DIR and bool(_DOC_FILE.match(name))


EXPORTER = TeiExporter()


# Reading TEI back ---------------------------------------------------------------------


def _parser_options() -> dict[str, Any]:
    # No entities, no DTD, no network, bounded trees: a TEI file is data, not a program.
    return {
        "resolve_entities": False,
        "no_network": True,
        "load_dtd": False,
        "huge_tree": False,
    }


def safe_parser() -> etree.XMLParser:
    """The parser for TEI files: entities unresolved, no DTD, no network, no huge trees."""
    return etree.XMLParser(**_parser_options())


@contextlib.contextmanager
def _source(source: Path | str | bytes) -> Iterator[tuple[str, IO[bytes]]]:
    if isinstance(source, bytes):
        yield "<bytes>", io.BytesIO(source)
        return
    name = str(source)
    try:
        # Opened apart from the with below so that only opening errors become TeiReadError.
        fh = Path(source).open("rb")  # noqa: SIM115
    except OSError as exc:
        raise TeiReadError(name, None, f"cannot read: {exc.strerror or exc}") from None
    with fh:
        yield name, fh


def _doctype_line(source: Path | str | bytes) -> int | None:
    """The line of the DOCTYPE declaration, for the error message."""
    try:
        head = source[:65536] if isinstance(source, bytes) else Path(source).read_bytes()[:65536]
    except OSError:
        return None
    at = head.find(b"<!DOCTYPE")
    return head.count(b"\n", 0, at) + 1 if at >= 0 else None


def _iterparse(
    source: Path | str | bytes, events: tuple[str, ...]
) -> Iterator[tuple[str, str, etree._Element]]:
    """Parse safely, yielding (file name, event, element); refuse DOCTYPEs."""
    with _source(source) as (name, fh):
        context = etree.iterparse(fh, events=events, **_parser_options())
        first = True
        try:
            for event, el in context:
                if first:
                    first = False
                    info = el.getroottree().docinfo
                    if info.doctype or info.internalDTD is not None:
                        raise TeiReadError(
                            name,
                            _doctype_line(source),
                            "a DOCTYPE declaration is not allowed (DTDs and entities are refused)",
                        )
                yield name, event, el
        except etree.XMLSyntaxError as exc:
            raise TeiReadError(
                name, exc.lineno or None, f"not well-formed XML: {exc.msg}"
            ) from None
        except etree.LxmlError as exc:
            raise TeiReadError(name, None, f"cannot parse: {exc}") from None


def read_tei(source: Path | str | bytes) -> Iterator[Document]:
    """The documents of a TEI file (``tei/<id>.xml`` or ``corpus.tei.xml``), in order."""
    root: etree._Element | None = None
    tei_tag, corpus_tag = _tag("TEI"), _tag("teiCorpus")
    if not isinstance(source, bytes):
        settle(source)  # a switch of the folder that a killed run left half-done
    for name, event, el in _iterparse(source, ("start", "end")):
        if root is None:
            root = el
            if el.tag not in (tei_tag, corpus_tag):
                raise TeiReadError(
                    name, _line(el), f"the root element is {el.tag}, not a TEI TEI or teiCorpus"
                )
            continue
        if event == "end" and el.tag == tei_tag and el.getparent() is root:
            yield _read_document(el, name)
            # Keep memory flat over a large corpus file.
            el.clear()
            while el.getprevious() is not None:
                del root[0]
    if root is not None and root.tag == tei_tag:
        yield _read_document(root, name)


@dataclass(slots=True)
class _Part:
    qid: str
    part: int
    paragraph: int
    start: int
    end: int
    element: etree._Element
    parent: str | None
    depth: int


@dataclass(slots=True)
class _Reader:
    """Reads one ``TEI`` element back into a document."""

    name: str
    tei: etree._Element
    parts: list[_Part] = field(default_factory=list)
    doc_id: str = ""

    def fail(self, el: etree._Element | None, message: str) -> TeiReadError:
        line = _line(el if el is not None else self.tei)
        return TeiReadError(self.name, line, message)

    def find(self, parent: etree._Element, path: str) -> etree._Element:
        el = parent.find(path, _NS)
        if el is None:
            raise self.fail(parent, f"missing {path.replace('t:', '')}")
        return el

    def text(self, parent: etree._Element, path: str) -> str:
        el = self.find(parent, path)
        return "".join(t for t in el.itertext() if isinstance(t, str))

    def attr(self, el: etree._Element, name: str) -> str:
        value = el.get(name)
        if value is None:
            raise self.fail(el, f"<{_local(el)}> has no @{name}")
        return value

    def integer(self, el: etree._Element, name: str) -> int:
        value = self.attr(el, name)
        if not re.fullmatch(r"[0-9]+", value):
            raise self.fail(el, f"@{name}={value!r} is not a whole number")
        return int(value)

    def walk(
        self, el: etree._Element, n: int, pos: int, chunks: list[str], outer: list[str]
    ) -> int:
        """Collect the text of ``el`` and its ``said`` parts; return the end offset."""
        if el.text:
            chunks.append(el.text)
            pos += len(el.text)
        for child in el:
            if isinstance(child, etree._Comment | etree._ProcessingInstruction):
                pass
            elif child.tag == _tag("said"):
                xml_id = self.attr(child, _XML_ID)
                m = _PART_ID.match(xml_id)
                if not m or m["doc"] != self.doc_id:
                    raise self.fail(child, f"said/@xml:id {xml_id!r} is not doc-<id>-q<N>[-<k>]")
                part = _Part(
                    m["q"],
                    int(m["k"] or 1),
                    n,
                    pos,
                    pos,
                    child,
                    outer[-1] if outer else None,
                    len(outer),
                )
                self.parts.append(part)
                pos = self.walk(child, n, pos, chunks, [*outer, m["q"]])
                part.end = pos
            else:
                raise self.fail(child, f"unexpected element <{child.tag}> in a paragraph")
            if child.tail:
                chunks.append(child.tail)
                pos += len(child.tail)
        return pos

    def document(self) -> Document:
        header = self.find(self.tei, "t:teiHeader")
        file_desc = self.find(header, "t:fileDesc")
        pub = self.find(file_desc, "t:publicationStmt")
        self.doc_id = self.text(pub, "t:idno[@type='document']")
        m = _DOC_ID.match(self.doc_id)
        if not m:
            raise self.fail(pub, f"document id {self.doc_id!r} is not NNN_<16 hex>")
        bibl = self.find(file_desc, "t:sourceDesc/t:bibl")
        extent = self.find(file_desc, "t:extent")
        counts = [
            self.integer(self.find(extent, f"t:measure[@unit='{unit}']"), "quantity")
            for unit in _MEASURES
        ]
        encoding = self.find(header, "t:encodingDesc")
        normalization = self.find(encoding, "t:editorialDecl/t:normalization")
        profile = self.find(header, "t:profileDesc")
        xeno_el = self.find(header, "t:xenoData")
        try:
            xeno = json.loads(xeno_el.text or "")
        except ValueError as exc:
            raise self.fail(xeno_el, f"xenoData is not JSON: {exc}") from None
        if not isinstance(xeno, dict):
            raise self.fail(xeno_el, "xenoData is not a JSON object")

        paragraphs: list[Paragraph] = []
        lines = xeno.get("paragraph_lines")
        body = self.find(self.tei, "t:text/t:body")
        ps = body.findall("t:p", _NS)
        if not isinstance(lines, list) or len(lines) != len(ps):
            raise self.fail(xeno_el, "paragraph_lines does not give one line per paragraph")
        for p, line in zip(ps, lines, strict=True):
            n = self.integer(p, "n")
            chunks: list[str] = []
            self.walk(p, n, 0, chunks, [])
            if not isinstance(line, int) or isinstance(line, bool):
                raise self.fail(xeno_el, "paragraph_lines holds a value that is not a number")
            paragraphs.append(Paragraph(n, line, "".join(chunks)))

        prov = Provenance(
            seed_path=self.text(bibl, "t:idno[@type='seed-path']"),
            seed_sha256=self.text(bibl, "t:idno[@type='sha256']"),
            seed_bytes=self.integer(
                self.find(bibl, "t:extent/t:measure[@unit='byte']"), "quantity"
            ),
            converter=self.text(encoding, "t:appInfo/t:application/t:label"),
            normalisations=tuple(
                self.attr(p, "n")
                for p in normalization.findall("t:p", _NS)
                if p.get("n") is not None
            ),
        )
        return Document(
            schema_version=self._xeno_str(xeno, xeno_el, "schema_version"),
            id=self.doc_id,
            seq=int(m["seq"]),
            hash=m["hash"],
            date=self.attr(self.find(bibl, "t:date"), "when"),
            lang=self.attr(self.find(profile, "t:langUsage/t:language"), "ident"),
            lang_source=self._xeno_str(xeno, xeno_el, "lang_source"),
            title=self.text(file_desc, "t:titleStmt/t:title"),
            title_source=self._xeno_str(xeno, xeno_el, "title_source"),
            paragraphs=tuple(paragraphs),
            quotations=self._quotations(paragraphs, xeno, xeno_el),
            stats=Stats(*counts),
            provenance=prov,
        )

    def _xeno_str(self, xeno: dict[str, Any], el: etree._Element, key: str) -> str:
        value = xeno.get(key)
        if not isinstance(value, str):
            raise self.fail(el, f"xenoData has no string {key!r}")
        return value

    def _quotations(
        self, paragraphs: list[Paragraph], xeno: dict[str, Any], xeno_el: etree._Element
    ) -> tuple[Quotation, ...]:
        texts = {p.n: p.text for p in paragraphs}
        groups: dict[str, list[_Part]] = {}
        for part in self.parts:
            groups.setdefault(part.qid, []).append(part)
        depths = xeno.get("quotation_depths", {})
        parents = xeno.get("quotation_parents", {})
        if not isinstance(depths, dict) or not isinstance(parents, dict):
            raise self.fail(xeno_el, "quotation_depths and quotation_parents must be objects")
        out: list[Quotation] = []
        for qid, parts in groups.items():
            first, last = parts[0], parts[-1]
            if [p.part for p in parts] != list(range(1, len(parts) + 1)):
                raise self.fail(
                    first.element, f"the parts of {qid} are not numbered 1, 2 ... in order"
                )
            rend = self.attr(first.element, "rend")
            marks: str | None = None
            if rend == "dash":
                kind = "dialogue"
            else:
                rm = _MARKS_REND.match(rend)
                if not rm:
                    raise self.fail(first.element, f"said/@rend {rend!r} is not dash or marks(..)")
                kind, marks = "quote", rm["marks"]
            prev: str | None = None
            pointer = first.element.get("prev")
            if pointer is not None:
                pm = _PART_ID.match(pointer.removeprefix("#"))
                if not pointer.startswith("#") or not pm or pm["q"] == qid:
                    raise self.fail(
                        first.element, f"said/@prev {pointer!r} does not point to another quotation"
                    )
                prev = pm["q"]
            if len(parts) == 1:
                text = texts[first.paragraph][first.start : first.end]
            else:
                text = "\n".join(texts[p.paragraph][p.start : p.end] for p in parts)
            depth = depths.get(qid, first.depth)
            parent = parents.get(qid, first.parent)
            if not isinstance(depth, int) or not (parent is None or isinstance(parent, str)):
                raise self.fail(xeno_el, f"bad depth or parent for {qid}")
            out.append(
                Quotation(
                    id=qid,
                    kind=kind,
                    start=Position(first.paragraph, first.start),
                    end=Position(last.paragraph, last.end),
                    text=text,
                    depth=depth,
                    marks=marks,
                    parent=parent,
                    prev=prev,
                )
            )
        out.sort(key=lambda q: int(q.id[1:]))
        return tuple(out)


def _read_document(tei: etree._Element, name: str) -> Document:
    if tei.tag != _tag("TEI"):
        raise TeiReadError(name, _line(tei), "expected a TEI element")
    doc = _Reader(name, tei).document()
    # What comes back must be a canonical document, however the file was edited.
    problem = check_document(doc.to_dict())
    if problem is not None:
        raise TeiReadError(
            name, _line(tei), f"not a valid document: {problem.pointer}: {problem.message}"
        )
    return doc


# Checks RELAX NG cannot make -------------------------------------------------------------


def _defined_here(seen: dict[str, int], index: int, repeated: set[str], target: str) -> bool:
    """True when ``target`` is an xml:id of file number ``index``."""
    packed = seen.get(target)
    return (packed is not None and packed >> 32 == index) or target in repeated


def check_tei_references(sources: Iterable[Path | str | bytes]) -> list[TeiProblem]:
    """Check every ``#id`` pointer resolves in its file and ``xml:id``s are unique.

    ``sources`` are the files of one view of the corpus: either ``corpus.tei.xml`` or
    the ``tei/<id>.xml`` files; ids must be unique across all of them. ``@next`` and
    ``@prev`` must also agree (A next B exactly when B prev A). Problems are returned,
    never raised; a file that cannot be parsed is one problem.
    """
    problems: list[TeiProblem] = []
    labels: list[str] = []
    # id -> file index and line, packed in one int: millions of ids stay affordable.
    seen: dict[str, int] = {}

    def where(packed: int) -> str:
        line = packed & 0xFFFFFFFF
        return labels[packed >> 32] + (f":{line}" if line else "")

    for index, source in enumerate(sources):
        label = f"<bytes #{index}>" if isinstance(source, bytes) else str(source)
        labels.append(label)
        repeated: set[str] = set()  # ids of this file first defined in an earlier one
        pointers: list[tuple[int | None, str, str]] = []
        links: dict[str, dict[str, tuple[int | None, str]]] = {"next": {}, "prev": {}}

        try:
            root: etree._Element | None = None
            for _, event, el in _iterparse(source, ("start", "end")):
                if root is None:
                    root = el
                if event == "end":
                    if el.getparent() is root and el.tag == _tag("TEI"):
                        el.clear()  # keep memory flat over a large corpus file
                        while el.getprevious() is not None:
                            del root[0]
                    continue
                line = _line(el)
                xml_id = el.get(_XML_ID)
                if xml_id is not None:
                    if xml_id in seen:
                        problems.append(
                            TeiProblem(
                                label,
                                line,
                                f"xml:id {xml_id!r} is already used at {where(seen[xml_id])}",
                            )
                        )
                        repeated.add(xml_id)
                    else:
                        seen[xml_id] = (index << 32) | (line or 0)
                for attr in POINTER_ATTRIBUTES:
                    value = el.get(attr)
                    if value is None:
                        continue
                    pointers.extend((line, attr, t[1:]) for t in value.split() if t[:1] == "#")
                    if xml_id is not None and attr in links:
                        links[attr][xml_id] = (line, value)
        except TeiReadError as exc:
            # libxml2 also refuses a repeated xml:id in one file; reported above already.
            dup = re.search(r"\bID (\S+) already defined", exc.message)
            if not (dup and dup.group(1) in repeated):
                problems.append(TeiProblem(label, exc.line, exc.message))
            continue
        for line, attr, target in pointers:
            if not _defined_here(seen, index, repeated, target):
                problems.append(
                    TeiProblem(
                        label, line, f"@{attr} points to #{target}, which no element here has"
                    )
                )
        for attr, back in (("next", "prev"), ("prev", "next")):
            for source_id, (line, value) in links[attr].items():
                target = value.removeprefix("#")
                if (
                    _defined_here(seen, index, repeated, target)
                    and links[back].get(target, (None, ""))[1] != f"#{source_id}"
                ):
                    problems.append(
                        TeiProblem(
                            label,
                            line,
                            f"#{source_id} has @{attr}={value} but #{target} has no @{back}=#{source_id}",
                        )
                    )
    return problems


@functools.cache
def corpus_tei_schema() -> etree.RelaxNG:
    """The project's RELAX NG schema of its TEI (``schema/tei/corpus-tei.rng``), compiled once."""
    path = schema_dir().joinpath(*SCHEMA_PATH)
    return etree.RelaxNG(etree.parse(str(path), safe_parser()))


__all__ = [
    "CORPUS_FILE",
    "DOC_DIR",
    "EXPORTER",
    "TEI_NS",
    "TeiExportError",
    "TeiExporter",
    "TeiProblem",
    "TeiReadError",
    "TeiSink",
    "check_tei_references",
    "corpus_header",
    "corpus_tei_schema",
    "document_element",
    "read_tei",
    "render_document",
]
