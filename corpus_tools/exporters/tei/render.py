"""Rendering TEI as text: each document's file and corpus part, and the corpus header.

The structure is fixed, so it is written straight to a string: elements and attributes
in a stable order, indented two spaces a level (never inside mixed content), escaped as
libxml2 escapes. ``tests/oracles/tei_lxml.py`` builds the same documents as lxml trees;
``tests/test_tei_render_oracle.py`` checks that both give the same bytes, or the same
exception.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from corpus_tools.config import Config
from corpus_tools.exporters.tei.names import CONVERTER, DOC_ID, QUOTE_ID, TEI_NS, XENO_TYPE
from corpus_tools.model import Document, Paragraph, Position, Quotation, dumps_canonical

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


class TeiExportError(ValueError):
    """A document breaks an invariant of the canonical model, so TEI cannot hold it."""

    def __init__(self, doc_id: str, message: str) -> None:
        super().__init__(f"{doc_id}: {message}")
        self.doc_id = doc_id
        self.message = message


def _check_document(doc: Document) -> dict[int, Paragraph]:
    """Check the invariants the encoding relies on; return paragraphs by number."""
    m = DOC_ID.match(doc.id)
    if not m or int(m["seq"]) != doc.seq or m["hash"] != doc.hash:
        raise TeiExportError(doc.id, "the id is not <seq>_<hash> of the document's seq and hash")
    paragraphs = {p.n: p for p in doc.paragraphs}
    if [p.n for p in doc.paragraphs] != list(range(1, len(doc.paragraphs) + 1)):
        raise TeiExportError(doc.id, "paragraphs are not numbered 1, 2, 3 ... in order")
    numbers = [int(q.id[1:]) if QUOTE_ID.match(q.id) else -1 for q in doc.quotations]
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
    if not CONVERTER.match(doc.provenance.converter):
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


def _rend_value(kind: str, marks: str | None) -> str:
    if kind == "dialogue":
        return "dash"
    return "marks" if marks is None else f"marks({marks})"


_XML_DECLARATION_BYTES = b"<?xml version='1.0' encoding='UTF-8'?>\n"
# What XML (and so lxml) refuses in text and attribute values: C0 controls other than
# tab, LF and CR, U+FFFE and U+FFFF (ValueError), and lone surrogates (UnicodeEncodeError).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# lxml's message for such a value: the error is the one exports gave when they were lxml
# trees, so that callers see no change.
_REFUSED = (
    "All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control characters"
)
# A line break and the indentation of an element at depth i (two spaces a level).
_NL = tuple("\n" + "  " * i for i in range(16))
_NL_BYTES = tuple(nl.encode() for nl in _NL)


def _xml_clean(text: str) -> bool:
    """True when XML can hold ``text`` (printable text needs no closer look)."""
    return text.isprintable() or _NOT_XML.search(text) is None


def _accept(text: str | None) -> None:
    """Refuse ``text`` when XML cannot hold it, with the exception lxml raises for it.

    The values are checked in the order the document is written, so the first refused
    one decides the error, as when documents were built as lxml trees.
    """
    if text is None or _xml_clean(text):
        return
    # lxml encodes first: a lone surrogate fails there, with its position in ``text``.
    text.encode("utf-8")
    raise ValueError(_REFUSED)


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
def _publication_xml(config: Config) -> tuple[str, str]:
    """The children of ``publicationStmt`` at depth 4 and 5 (the corpus facts)."""
    for value in (config.publisher, config.licence_url or None, config.licence, config.idno):
        _accept(value)
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
class _Segment:
    """The part of one quotation that lies in one paragraph, with its start tag's parts."""

    quote: Quotation
    order: int  # index of the quotation in the document
    part: int  # 1-based part number
    start: int
    end: int
    xml_id: str  # escaped for an attribute value, as are rend, prev and next
    rend: str
    prev: str | None = None
    next: str | None = None
    tag: str = ""


def _sort_key(seg: _Segment) -> tuple[int, int, int, int]:
    return (seg.start, -seg.end, seg.quote.depth, seg.order)


@functools.lru_cache(maxsize=1024)
def _rend_attr(kind: str, marks: str | None) -> str:
    return _esc_attr(_rend_value(kind, marks))


def _body(
    doc: Document, paragraphs: dict[int, Paragraph], id_attr: str
) -> tuple[list[str], dict[str, Any]]:
    """The ``p`` elements with their quotations, and the irregular depth/parent."""
    prefix = f"doc-{id_attr}"
    by_para: dict[int, list[_Segment]] = {}
    segments: dict[str, list[_Segment]] = {}
    for order, q in enumerate(doc.quotations):
        qid = f"{prefix}-{q.id if q.id.isalnum() else _esc_attr(q.id)}"
        rend = _rend_attr(q.kind, q.marks)
        first, last = q.start.paragraph, q.end.paragraph
        if first == last:
            seg = _Segment(q, order, 1, q.start.offset, q.end.offset, qid, rend)
            segments[q.id] = [seg]
            by_para.setdefault(first, []).append(seg)
            continue
        parts = segments.setdefault(q.id, [])
        for k, n in enumerate(range(first, last + 1), start=1):
            start = q.start.offset if n == first else 0
            end = q.end.offset if n == last else len(paragraphs[n].text)
            seg = _Segment(q, order, k, start, end, qid if k == 1 else f"{qid}-{k}", rend)
            parts.append(seg)
            by_para.setdefault(n, []).append(seg)

    def link(a: _Segment, b: _Segment) -> None:
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
            out.append(_paragraph(doc.id, head, para.text, segs, structure))
        elif para.text:
            _accept(para.text)
            out.append(f"{head}>{_esc_text(para.text)}</p>")
        else:
            out.append(f"{head}/>")

    return out, _irregular(doc, structure)


def _paragraph(
    doc_id: str,
    head: str,
    text: str,
    segs: list[_Segment],
    structure: dict[str, tuple[str | None, int]],
) -> str:
    """A ``p`` element: its start tag ``head``, then ``text`` with its quotations' parts.

    The pieces come in document order; an element is empty (self-closed, as libxml2
    writes it) when nothing follows its start tag. A part that crosses the end of the one
    it starts in is an error. Text XML cannot hold is refused piece by piece, so that
    the error is that of the first piece, as with an lxml tree built in document order.
    """
    plain = not ("&" in text or "<" in text or ">" in text or "\r" in text)
    clean = _xml_clean(text)
    pieces = [f"{head}>"]
    stack: list[tuple[int, _Segment | None, int]] = [(len(text), None, 0)]
    pos = 0
    for seg in (*segs, None):
        # Close what ends before this part (at the end: everything).
        offset = len(text) + 1 if seg is None else seg.start
        while len(stack) > 1 and stack[-1][0] <= offset:
            end, _, at = stack.pop()
            if end > pos:
                chunk = text[pos:end]
                if not clean:
                    _accept(chunk)
                pieces.append(chunk if plain else _esc_text(chunk))
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
            chunk = text[pos : seg.start]
            if not clean:
                _accept(chunk)
            pieces.append(chunk if plain else _esc_text(chunk))
            pos = seg.start
        pieces.append(seg.tag)
        stack.append((seg.end, seg, len(pieces) - 1))
    if len(text) > pos:
        chunk = text[pos:]
        if not clean:
            _accept(chunk)
        pieces.append(chunk if plain else _esc_text(chunk))
    pieces.append("</p>")  # never empty: it holds at least one said
    return "".join(pieces)


def _render(doc: Document, config: Config, *, embedded: bool) -> tuple[bytes, bytes]:
    """The file and, when ``embedded``, the corpus part (else empty bytes).

    TeiExportError when the document breaks an invariant of the encoding; ValueError or
    UnicodeEncodeError (lxml's) for the first value, in document order, that XML cannot
    hold.
    """
    paragraphs = _check_document(doc)
    prov = doc.provenance
    # The values of the header, in document order (the id is checked: plain ASCII).
    _accept(doc.lang)
    _accept(doc.title)
    publication = _publication_xml(config)
    _accept(doc.date)
    _accept(prov.seed_path)
    _accept(prov.seed_sha256)
    # The converter is first written inside this sentence: its error position is there.
    _accept(f"Converted by {prov.converter} from the plain-text seed {prov.seed_path}.")
    id_attr = _esc_attr(doc.id)
    ps, irregular = _body(doc, paragraphs, id_attr)
    extra: dict[str, Any] = {
        "schema_version": doc.schema_version,
        "lang_source": doc.lang_source,
        "title_source": doc.title_source,
        "paragraph_lines": [p.line for p in doc.paragraphs],
    }
    extra.update(irregular)
    xeno = dumps_canonical(extra)
    _accept(xeno)
    m = CONVERTER.match(prov.converter)
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
        """The ``TEI`` element at depth ``level``, indented, in two halves.

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


def render_document(doc: Document, config: Config) -> bytes:
    """The bytes of ``tei/<id>.xml`` for one document."""
    return _render(doc, config, embedded=False)[0]


def render_fragments(doc: Document, config: Config) -> tuple[bytes, bytes]:
    """The bytes of ``tei/<id>.xml`` and of the document's part of ``corpus.tei.xml``.

    Pure and picklable, so that worker processes can do it.
    """
    return _render(doc, config, embedded=True)


_SOURCE_NOTE = (
    "Plain-text press articles (seed files); the header of each TEI document describes "
    "its own source."
)
_PROJECT_NOTE = (
    "Each article was converted from its plain-text seed by corpus-tools; its header "
    "names the converter version."
)


def render_corpus_header(config: Config) -> bytes:
    """The ``teiHeader`` of ``corpus.tei.xml`` at depth 1: corpus facts from ``config`` only."""
    _accept(config.title)
    publication = _publication_xml(config)[0]
    n = _NL
    # The namespace is declared again, as when the header was a tree of its own.
    return (
        f'<teiHeader xmlns="{TEI_NS}">'
        f"{n[2]}<fileDesc>"
        f"{n[3]}<titleStmt>"
        f"{n[4]}{_element('title', '', config.title)}"
        f"{n[3]}</titleStmt>"
        f"{n[3]}<publicationStmt>"
        f"{n[4]}{publication}"
        f"{n[3]}</publicationStmt>"
        f"{n[3]}<sourceDesc>"
        f"{n[4]}<p>{_esc_text(_SOURCE_NOTE)}</p>"
        f"{n[3]}</sourceDesc>"
        f"{n[2]}</fileDesc>"
        f"{n[2]}<encodingDesc>"
        f"{n[3]}<projectDesc>"
        f"{n[4]}<p>{_esc_text(_PROJECT_NOTE)}</p>"
        f"{n[3]}</projectDesc>"
        f"{n[3]}<editorialDecl>"
        f'{n[4]}<quotation marks="all">'
        f"{n[5]}<p>{_QUOTATION_POLICY_XML}</p>"
        f"{n[4]}</quotation>"
        f"{n[3]}</editorialDecl>"
        f"{n[2]}</encodingDesc>"
        f"{n[1]}</teiHeader>"
    ).encode()
