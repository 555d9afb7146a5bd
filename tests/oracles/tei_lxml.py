"""The lxml tree builder of TEI: a test oracle for the string renderer, never used by the package.

``document_element`` builds a document's ``TEI`` element with lxml, ``corpus_header`` the
``teiHeader`` of ``corpus.tei.xml``; indented by ``indent`` and serialised by libxml2,
they give the bytes that ``corpus_tools.exporters.tei.render`` must write, and the
exceptions it must raise (``tests/test_tei_render_oracle.py``). It shares the checks of
the model's invariants and the fixed texts with the renderer, nothing of the layout.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from lxml import etree

from corpus_tools._version import __version__
from corpus_tools.config import Config
from corpus_tools.exporters.tei.names import (
    CONVERTER,
    MEASURES,
    TEI_NS,
    TYPE_ELEMENTS,
    XENO_TYPE,
    XML_ID,
    XML_LANG,
    tag,
)
from corpus_tools.exporters.tei.render import (
    _LANGUAGE_NAMES,
    _NO_NORMALISATION,
    _QUOTATION_POLICY,
    NORMALISATIONS,
    RENDITION_DASH,
    RENDITION_MARKS,
    RENDITION_PAIR,
    CorpusCounts,
    TeiExportError,
    _check_document,
    _irregular,
    language_label,
    rendition_key,
    renditions,
    speech_count,
    xeno_data,
)
from corpus_tools.model import Document, Paragraph, Quotation, dumps_canonical

# The default namespace: lxml-stubs types nsmap keys as str, lxml takes None for it.
_NSMAP: Any = {None: TEI_NS}

# Elements whose content is text (mixed content): never indented inside.
_INLINE = frozenset(
    {"p", "said", "title", "publisher", "licence", "idno", "date", "measure", "label"}
    | {"language", "xenoData", "rendition", "persName", "name", "soCalled", "mentioned"}
)


def _sub(
    parent: etree._Element,
    local: str,
    attrs: Iterable[tuple[str, str]] = (),
    text: str | None = None,
) -> etree._Element:
    """A child element with attributes in the given (stable) order."""
    el = etree.SubElement(parent, tag(local))
    for key, value in attrs:
        el.set(key, value)
    if text is not None:
        el.text = text
    return el


_INLINE_TAGS = frozenset(tag(name) for name in _INLINE)


def indent(el: etree._Element, level: int) -> None:
    """Indent block elements only: never add white space inside mixed content."""
    if len(el) == 0 or el.tag in _INLINE_TAGS:
        return
    pad = "\n" + "  " * (level + 1)
    el.text = pad
    for child in el:
        indent(child, level + 1)
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


def corpus_header(config: Config, counts: CorpusCounts) -> etree._Element:
    """The ``teiHeader`` of ``corpus.tei.xml``: corpus facts from ``config`` and what
    ``counts`` says of the documents."""
    header = etree.Element(tag("teiHeader"), nsmap=_NSMAP)
    file_desc = _sub(header, "fileDesc")
    _sub(_sub(file_desc, "titleStmt"), "title", text=config.title)
    extent = _sub(file_desc, "extent")
    for unit, total in (
        ("document", counts.documents),
        ("paragraph", counts.paragraphs),
        ("word", counts.words),
        ("character", counts.characters),
        ("quotation", counts.quotations),
    ):
        _sub(extent, "measure", [("unit", unit), ("quantity", str(total))])
    pub = _publication(file_desc, config)
    if counts.newest:
        _sub(pub, "date", [("when", counts.newest)], counts.newest)
    _sub(
        _sub(file_desc, "sourceDesc"),
        "p",
        [(XML_LANG, "en")],
        text="Plain-text press articles (seed files); the header of each TEI document describes its own source.",
    )
    encoding = _sub(header, "encodingDesc", [(XML_LANG, "en")])
    _sub(
        _sub(encoding, "projectDesc"),
        "p",
        text="Each article was converted from its plain-text seed by corpus-tools; its header names the converter version.",
    )
    _sub(
        _sub(_sub(encoding, "editorialDecl"), "quotation", [("marks", "all")]), "p"
    ).text = _QUOTATION_POLICY
    if counts.elements:
        namespace = _sub(_sub(encoding, "tagsDecl"), "namespace", [("name", TEI_NS)])
        for gi in sorted(counts.elements):
            _sub(namespace, "tagUsage", [("gi", gi), ("occurs", str(counts.elements[gi]))])
    if counts.languages:
        usage = _sub(_sub(header, "profileDesc"), "langUsage")
        for lang, percent, docs, words in counts.usage():
            name = _LANGUAGE_NAMES.get(lang, lang)
            d = "document" if docs == 1 else "documents"
            w = "word" if words == 1 else "words"
            _sub(
                usage,
                "language",
                [("ident", lang), (XML_LANG, "en"), ("usage", str(percent))],
                f"{name}: {docs} {d}, {words} {w}",
            )
    if counts.newest:
        _sub(
            _sub(header, "revisionDesc"),
            "change",
            [("when", counts.newest), (XML_LANG, "en")],
            f"Exported by corpus-tools {__version__}; the date is that of the newest article.",
        )
    return header


@dataclass(slots=True)
class _Segment:
    """The part of one quotation that lies in one paragraph."""

    quote: Quotation
    order: int  # index of the quotation in the document
    part: int  # 1-based part number
    start: int
    end: int


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
    local_renditions = renditions(doc)
    for para in doc.paragraphs:
        p = _sub(body, "p", [("n", str(para.n)), (XML_ID, f"{prefix}-p{para.n}")])
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
            q = seg.quote
            element = TYPE_ELEMENTS[q.type]
            attrs = [(XML_ID, _part_id(prefix, seg))]
            if q.speaker is not None and q.speaker.ref is not None:
                attrs.append(("who", f"#{prefix}-{q.speaker.ref}"))
            if element == "said":
                attrs.append(("direct", "true"))
            local = local_renditions[rendition_key(q.kind, q.marks)]
            attrs.append(("rendition", f"#{prefix}-{local}"))
            if id(seg) in prev_of:
                attrs.append(("prev", prev_of[id(seg)]))
            if id(seg) in next_of:
                attrs.append(("next", next_of[id(seg)]))
            builder.push(seg, element, attrs)
        builder.finish()

    return _irregular(doc, structure)


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

    def push(self, seg: _Segment, element: str, attrs: list[tuple[str, str]]) -> None:
        """Start the element of ``seg`` inside the innermost open one."""
        parent = self.stack[-1][0]
        self._emit(parent, seg.start)
        self.stack.append((_sub(parent, element, attrs), seg.end, seg))

    def finish(self) -> None:
        """Close every element and add the rest of the text."""
        self._close_until(len(self.text) + 1)
        self._emit(self.stack[0][0], len(self.text))


def document_element(doc: Document, config: Config) -> etree._Element:
    """The ``TEI`` element of one document (not indented)."""
    paragraphs = _check_document(doc)
    prov = doc.provenance
    tei = etree.Element(tag("TEI"), nsmap=_NSMAP)
    tei.set(XML_ID, f"doc-{doc.id}")
    tei.set(XML_LANG, doc.lang)

    header = _sub(tei, "teiHeader")
    file_desc = _sub(header, "fileDesc")
    _sub(_sub(file_desc, "titleStmt"), "title", text=doc.title)
    extent = _sub(file_desc, "extent")
    stats = doc.stats
    counts = (stats.paragraphs, stats.words, stats.characters, speech_count(doc))
    for unit, count in zip(MEASURES, counts, strict=True):
        _sub(extent, "measure", [("unit", unit), ("quantity", str(count))])
    pub = _publication(file_desc, config)
    _sub(pub, "idno", [("type", "document")], doc.id)
    bibl = _sub(_sub(file_desc, "sourceDesc"), "bibl")
    if doc.title_source == "headline":
        _sub(bibl, "title", [("level", "a")], doc.title)
    _sub(bibl, "date", [("when", doc.date)], doc.date)
    _sub(bibl, "idno", [("type", "seed")], doc.id)
    _sub(bibl, "idno", [("type", "seed-path")], prov.seed_path)
    _sub(bibl, "idno", [("type", "sha256")], prov.seed_sha256)
    _sub(_sub(bibl, "extent"), "measure", [("unit", "byte"), ("quantity", str(prov.seed_bytes))])

    encoding = _sub(header, "encodingDesc", [(XML_LANG, "en")])
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
    local_renditions = renditions(doc)
    if local_renditions:
        tags = _sub(encoding, "tagsDecl")
        for key, local in local_renditions.items():
            rendition = _sub(
                tags, "rendition", [(XML_ID, f"doc-{doc.id}-{local}"), ("scheme", "free")]
            )
            if key == "dash":
                rendition.text = RENDITION_DASH
            elif key == "marks":
                rendition.text = RENDITION_MARKS
            else:
                before, between, after = RENDITION_PAIR
                rendition.text = before
                _sub(rendition, "mentioned", text=key[6]).tail = between
                _sub(rendition, "mentioned", text=key[7]).tail = after
    m = CONVERTER.match(prov.converter)
    assert m is not None  # checked by _check_document
    application = _sub(
        _sub(encoding, "appInfo"),
        "application",
        [("ident", m["name"]), ("version", m["version"])],
    )
    _sub(application, "label", text=prov.converter)

    profile = _sub(header, "profileDesc")
    _sub(_sub(profile, "creation"), "date", [("when", doc.date)], doc.date)
    label = language_label(doc.lang, doc.lang_source)
    _sub(
        _sub(profile, "langUsage"),
        "language",
        [("ident", doc.lang)] + ([(XML_LANG, "en")] if label else []),
        label,
    )
    if doc.persons:
        people = _sub(_sub(profile, "particDesc"), "listPerson")
        for person in doc.persons:
            el = _sub(people, "person", [(XML_ID, f"doc-{doc.id}-{person.id}")])
            _sub(el, "persName", text=person.name)
            for mention in person.mentions:
                _sub(el, "persName", [("type", "mention")], mention)
    xeno = _sub(header, "xenoData", [("type", XENO_TYPE)])

    body = _sub(_sub(tei, "text"), "body")
    xeno.text = dumps_canonical(xeno_data(doc, _body(doc, paragraphs, body)))
    return tei


def file_bytes(tei: etree._Element) -> bytes:
    """A standalone file: declaration, the xml-model PI naming the schema shipped one
    folder up, the element indented from the left, final LF."""
    indent(tei, 0)
    model = etree.ProcessingInstruction(
        "xml-model",
        'href="../corpus-tei.rng" type="application/xml" '
        'schematypens="http://relaxng.org/ns/structure/1.0"',
    )
    declaration, element = etree.tostring(tei, xml_declaration=True, encoding="UTF-8").split(
        b"\n", 1
    )
    # libxml2 writes a top-level PI with no line break after it: one is put there.
    return b"\n".join((declaration, etree.tostring(model), element)) + b"\n"


def render_fragments(doc: Document, config: Config) -> tuple[bytes, bytes]:
    """What ``render_fragments`` must give: the file and the corpus part, from the tree."""
    tei = document_element(doc, config)
    standalone = file_bytes(tei)
    indent(tei, 1)
    return standalone, etree.tostring(tei, encoding="UTF-8", with_tail=False)


def corpus_header_bytes(config: Config, counts: CorpusCounts) -> bytes:
    """What ``render_corpus_header`` must give: the header indented at depth 1."""
    header = corpus_header(config, counts)
    indent(header, 1)
    return etree.tostring(header, encoding="UTF-8", with_tail=False)
