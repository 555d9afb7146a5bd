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
from dataclasses import dataclass, field
from typing import Any

from corpus_tools._version import __version__
from corpus_tools.config import Config
from corpus_tools.exporters.tei.names import (
    CONVERTER,
    DOC_ID,
    DOC_PREFIX,
    PERSON_ID,
    QUOTE_ID,
    SCHEMA_FILE,
    TEI_NS,
    TYPE_ELEMENTS,
    XENO_TYPE,
    xml_model,
)
from corpus_tools.model import (
    QUOTATION_TYPES,
    Document,
    Paragraph,
    Person,
    Position,
    Quotation,
    dumps_canonical,
)

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
# English names of the languages (ISO 639-1) that the press of the corpus is written in.
_LANGUAGE_NAMES = {
    "ar": "Arabic",
    "az": "Azerbaijani",
    "be": "Belarusian",
    "bg": "Bulgarian",
    "bs": "Bosnian",
    "ca": "Catalan",
    "cs": "Czech",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "es": "Spanish",
    "et": "Estonian",
    "eu": "Basque",
    "fa": "Persian",
    "fi": "Finnish",
    "fr": "French",
    "ga": "Irish",
    "he": "Hebrew",
    "hi": "Hindi",
    "hr": "Croatian",
    "hu": "Hungarian",
    "hy": "Armenian",
    "id": "Indonesian",
    "is": "Icelandic",
    "it": "Italian",
    "ja": "Japanese",
    "ka": "Georgian",
    "kk": "Kazakh",
    "ko": "Korean",
    "ky": "Kyrgyz",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "mk": "Macedonian",
    "mn": "Mongolian",
    "nl": "Dutch",
    "no": "Norwegian",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sk": "Slovak",
    "sl": "Slovenian",
    "sq": "Albanian",
    "sr": "Serbian",
    "sv": "Swedish",
    "tg": "Tajik",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "uz": "Uzbek",
    "vi": "Vietnamese",
    "zh": "Chinese",
    "und": "Undetermined",
}
# What langUsage says of a language that was not identified in the text.
_LANGUAGE_NOTES = {
    "default": "the corpus default: the language was not identified",
    "override": "set for the conversion, not identified",
}
_QUOTATION_POLICY = (
    "Quotation marks and dialogue dashes are kept in the text. Each quotation the "
    "converter found is marked by its type, which the converter decided automatically: "
    'said, words attributed to a person or body (direct="true": quoted directly; '
    "@aloud is not given, as the text seldom says whether the words were spoken or "
    "written); title, the title of a work or publication; name, the name of an "
    "organisation, company, place or the like; soCalled, a term, slogan or scare quote "
    "mentioned rather than attributed. @rendition points to the rendition in tagsDecl "
    "that says how the quotation is set off in the seed. A quotation interrupted by an "
    "attribution, or continued over paragraphs, is in parts linked by @next and @prev. "
    "said/@who points to the speaker in particDesc/listPerson; speakers, persons and "
    'their mentions (persName type="mention": the strings the article uses for the '
    "person) come from automatic attribution and may be wrong; a said without @who has "
    "no speaker in the list of persons. The quotation measure in extent counts the said "
    "quotations only."
)
# The descriptions of the renditions (how a quotation is set off), by kind.
RENDITION_DASH = "Set off as a line of dialogue by a dash, which is kept in the text."
RENDITION_MARKS = "Set off by quotation marks, which are kept in the text."
# Around the two marks, each in a mentioned element.
RENDITION_PAIR = ("Set off by the quotation marks ", " and ", ", which are kept in the text.")
_NO_NORMALISATION = "The seed text needed no normalisation."


class TeiExportError(ValueError):
    """A document breaks an invariant of the canonical model, so TEI cannot hold it."""

    def __init__(self, doc_id: str, message: str) -> None:
        super().__init__(f"{doc_id}: {message}")
        self.doc_id = doc_id
        self.message = message


def language_label(lang: str, lang_source: str) -> str | None:
    """The text of ``langUsage/language``: the language's name, and where the language
    was not identified in the text, how it was chosen (so the corpus default is never
    applied silently). None: nothing to say."""
    name = _LANGUAGE_NAMES.get(lang)
    note = _LANGUAGE_NOTES.get(lang_source)
    if note is None:
        return name
    return f"{name} ({note})" if name else f"({note})"


def renditions(doc: Document) -> dict[str, str]:
    """The local id of the rendition of each way a quotation is set off, keyed by that
    way (``rendition_key``), in order of first use: ``dash``, ``marks`` (marks not
    known) and ``marks1``, ``marks2`` ... for each pair of marks."""
    out: dict[str, str] = {}
    pairs = 0
    for q in doc.quotations:
        key = rendition_key(q.kind, q.marks)
        if key not in out:
            if key in ("dash", "marks"):
                out[key] = key
            else:
                pairs += 1
                out[key] = f"marks{pairs}"
    return out


def rendition_key(kind: str, marks: str | None) -> str:
    """How a quotation is set off: ``dash``, ``marks`` or ``marks(«»)``."""
    if kind == "dialogue":
        return "dash"
    return "marks" if marks is None else f"marks({marks})"


def speech_count(doc: Document) -> int:
    """The number of speech quotations (the TEI quotation measure)."""
    return sum(1 for q in doc.quotations if q.type == "speech")


def _check_persons(doc: Document) -> set[str]:
    """Person ids that are XML names and unique; return them."""
    ids: set[str] = set()
    for person in doc.persons:
        if not PERSON_ID.match(person.id) or person.id in ids:
            raise TeiExportError(
                doc.id, f"person id {person.id!r} is not person<N> or is used twice"
            )
        ids.add(person.id)
    return ids


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
    persons = _check_persons(doc)
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
        if q.type not in QUOTATION_TYPES:
            raise TeiExportError(doc.id, f"quotation {q.id} has an unknown type {q.type!r}")
        if q.speaker is not None:
            if q.type != "speech":
                raise TeiExportError(doc.id, f"quotation {q.id} is not speech but has a speaker")
            if q.speaker.ref is not None and q.speaker.ref not in persons:
                raise TeiExportError(
                    doc.id, f"the speaker of {q.id} refers to {q.speaker.ref!r}, not a person"
                )
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
    """Two marks that are visible characters: no controls, no separators."""
    return len(marks) == 2 and all(unicodedata.category(c)[0] not in "CZ" for c in marks)


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


_XML_DECLARATION_BYTES = b"<?xml version='1.0' encoding='UTF-8'?>\n"
# Each file names the project schema shipped beside it (tei/ files are one folder down).
DOCUMENT_PROLOGUE = _XML_DECLARATION_BYTES + xml_model(f"../{SCHEMA_FILE}")
CORPUS_PROLOGUE = _XML_DECLARATION_BYTES + xml_model(SCHEMA_FILE)
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


# The last config's publicationStmt children: a run renders every document with one
# config, and looking it up by identity spares hashing the config (twenty fields) per
# document.
_LAST_PUBLICATION: list[tuple[Config, tuple[str, str]]] = []


def _publication_xml(config: Config) -> tuple[str, str]:
    """The children of ``publicationStmt`` at depth 4 and 5 (the corpus facts)."""
    if _LAST_PUBLICATION and _LAST_PUBLICATION[0][0] is config:
        return _LAST_PUBLICATION[0][1]
    found = _publication_children(config)
    _LAST_PUBLICATION[:] = [(config, found)]
    return found


def _publication_children(config: Config) -> tuple[str, str]:
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
    xml_id: str  # escaped for an attribute value, as are rendition, prev and next
    rendition: str
    prev: str | None = None
    next: str | None = None
    tag: str = ""
    element: str = "said"


def _sort_key(seg: _Segment) -> tuple[int, int, int, int]:
    return (seg.start, -seg.end, seg.quote.depth, seg.order)


def _body(
    doc: Document, paragraphs: dict[int, Paragraph], id_attr: str
) -> tuple[list[str], dict[str, Any]]:
    """The ``p`` elements with their quotations, and the irregular depth/parent."""
    prefix = f"doc-{id_attr}"
    by_para: dict[int, list[_Segment]] = {}
    segments: dict[str, list[_Segment]] = {}
    rendition_ids = renditions(doc)  # local ids: letters and digits, nothing to escape
    for order, q in enumerate(doc.quotations):
        qid = f"{prefix}-{q.id if q.id.isalnum() else _esc_attr(q.id)}"
        rend = f"#{prefix}-{rendition_ids[rendition_key(q.kind, q.marks)]}"
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
        q = parts[0].quote
        element = TYPE_ELEMENTS[q.type]
        # A speaker's ref is a checked person id: nothing to escape.
        who = (
            f' who="#{prefix}-{q.speaker.ref}"'
            if q.speaker is not None and q.speaker.ref is not None
            else ""
        )
        direct = ' direct="true"' if element == "said" else ""
        for seg in parts:
            seg.element = element
            seg.tag = (
                f'<{element} xml:id="{seg.xml_id}"{who}{direct} rendition="{seg.rendition}"'
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
            end, closing, at = stack.pop()
            if end > pos:
                chunk = text[pos:end]
                if not clean:
                    _accept(chunk)
                pieces.append(chunk if plain else _esc_text(chunk))
                pos = end
            if at == len(pieces) - 1:
                pieces[at] = pieces[at][:-1] + "/>"
            else:
                pieces.append(f"</{closing.element if closing is not None else 'said'}>")
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
    pieces.append("</p>")  # never empty: it holds at least one quotation
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
    source = doc.source
    if source is not None:
        _accept(source.author)
        _accept(source.publication)
    _accept(doc.date)
    if source is not None:
        _accept(source.url)
    _accept(prov.seed_path)
    _accept(prov.seed_sha256)
    # The converter is first written inside this sentence: its error position is there.
    if source is not None:
        _accept(source.licence)
    _accept(f"Converted by {prov.converter} from the plain-text seed {prov.seed_path}.")
    for person in doc.persons:
        _accept(person.name)
        for mention in person.mentions:
            _accept(mention)
    id_attr = _esc_attr(doc.id)
    ps, irregular = _body(doc, paragraphs, id_attr)
    xeno = dumps_canonical(xeno_data(doc, irregular))
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
    char_count, quote_count = _esc_attr(str(stats.characters)), str(speech_count(doc))
    app_name, app_version = _esc_attr(m["name"]), _esc_attr(m["version"])
    normalisations = tuple(prov.normalisations)  # a cache key
    label = language_label(doc.lang, doc.lang_source)
    # The header's prose (the language's name, encodingDesc) is English whatever the
    # article's language: xml:lang says so where it differs from the TEI element's.
    language = _element("language", f' ident="{lang}"' + (' xml:lang="en"' if label else ""), label)
    xeno = _esc_text(xeno)
    prefix = f"doc-{id_attr}"
    tags = _tags_decl(doc, prefix)
    persons = [_person_xml(person, prefix) for person in doc.persons]
    author, journal, pointer, licence = _source_xml(doc)
    # The bibl describes the source: a title derived from the lead is the converter's,
    # not the source's, so it is only in titleStmt; an original headline is in both.
    headline = f'<title level="a">{title}</title>' if doc.title_source == "headline" else ""

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
            f"{author and n[5] + author}"
            f"{headline and n[5] + headline}"
            f"{journal and n[5] + journal}"
            f'{n[5]}<date when="{date_attr}">{date_text}</date>'
            f"{pointer and n[5] + pointer}"
            f'{n[5]}<idno type="seed">{id_text}</idno>'
            f'{n[5]}<idno type="seed-path">{seed_path}</idno>'
            f'{n[5]}<idno type="sha256">{sha256}</idno>'
            f"{n[5]}<extent>"
            f'{n[6]}<measure unit="byte" quantity="{seed_bytes}"/>'
            f"{n[5]}</extent>"
            f"{_availability(n, licence)}"
            f"{n[4]}</bibl>"
            f"{n[3]}</sourceDesc>"
            f"{n[2]}</fileDesc>"
            f'{n[2]}<encodingDesc xml:lang="en">'
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
            f"{_block(n, 3, 'tagsDecl', tags)}"
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
            f"{_partic_desc(n, persons)}"
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
        (DOCUMENT_PROLOGUE, start.encode(), _NL_BYTES[3].join(body), end.encode(), b"\n")
    )
    if not embedded:
        return standalone, b""
    start, end = tei(1)
    return standalone, b"".join((start.encode(), _NL_BYTES[4].join(body), end.encode()))


def _source_xml(doc: Document) -> tuple[str, str, str, str]:
    """The ``bibl`` children of the document's source (each empty where not known):
    ``author``, ``title level="j"`` (the publication), ``ptr`` (the URL) and the
    ``licence`` (inside ``availability``). The headline is the document's title, in
    ``title level="a"`` already."""
    source = doc.source
    if source is None:
        return "", "", "", ""
    if (source.headline is not None) != (doc.title_source == "headline") or (
        source.headline is not None and source.headline != doc.title
    ):
        raise TeiExportError(
            doc.id, "the title is the source's headline exactly when title_source is headline"
        )
    author = _element("author", "", source.author) if source.author is not None else ""
    journal = (
        _element("title", ' level="j"', source.publication)
        if source.publication is not None
        else ""
    )
    pointer = f'<ptr target="{_esc_attr(source.url)}"/>' if source.url is not None else ""
    licence = _element("licence", "", source.licence) if source.licence is not None else ""
    return author, journal, pointer, licence


def _availability(n: tuple[str, ...], licence: str) -> str:
    """``bibl/availability`` at depth 5 holding the source's ``licence``; nothing when none."""
    if not licence:
        return ""
    return f"{n[5]}<availability>{n[6]}{licence}{n[5]}</availability>"


def xeno_data(doc: Document, irregular: dict[str, Any]) -> dict[str, Any]:
    """The canonical fields TEI has no element for: the xenoData JSON object.

    Always: schema_version, lang_source, lang_confidence, title_source, dateline and the
    seed line of each paragraph. Only where needed: the speaker's name and mention of
    each attributed speech quotation (its person is @who), the quotation count where it
    is not the number of quotations, and depths and parents the nesting does not say.
    """
    extra: dict[str, Any] = {
        "schema_version": doc.schema_version,
        "lang_source": doc.lang_source,
        "lang_confidence": doc.lang_confidence,
        "title_source": doc.title_source,
        "dateline": doc.dateline,
        "paragraph_lines": [p.line for p in doc.paragraphs],
    }
    speakers = {
        q.id: {"name": q.speaker.name, "mention": q.speaker.mention}
        for q in doc.quotations
        if q.speaker is not None
    }
    if speakers:
        extra["quotation_speakers"] = speakers
    if doc.stats.quotations != len(doc.quotations):
        extra["quotation_count"] = doc.stats.quotations
    extra.update(irregular)
    return extra


def _tags_decl(doc: Document, prefix: str) -> list[str]:
    """The ``rendition`` elements of the ways the document's quotations are set off."""
    out: list[str] = []
    for key, local in renditions(doc).items():
        head = f'<rendition xml:id="{prefix}-{local}" scheme="free">'
        if key == "dash":
            out.append(f"{head}{_esc_text(RENDITION_DASH)}</rendition>")
        elif key == "marks":
            out.append(f"{head}{_esc_text(RENDITION_MARKS)}</rendition>")
        else:
            opening, closing = (_esc_text(c) for c in key[6:8])
            before, between, after = RENDITION_PAIR
            out.append(
                f"{head}{before}<mentioned>{opening}</mentioned>{between}"
                f"<mentioned>{closing}</mentioned>{after}</rendition>"
            )
    return out


def _person_xml(person: Person, prefix: str) -> list[str]:
    """A ``person``'s start tag and children (its name, then each mention)."""
    # The id is checked (person<N>): nothing to escape.
    return [
        f'<person xml:id="{prefix}-{person.id}">',
        _element("persName", "", person.name),
        *(_element("persName", ' type="mention"', m) for m in person.mentions),
    ]


def _block(n: tuple[str, ...], depth: int, local: str, children: list[str]) -> str:
    """An element at ``depth`` holding ``children`` one a line; nothing when none."""
    if not children:
        return ""
    inner = "".join(f"{n[depth + 1]}{child}" for child in children)
    return f"{n[depth]}<{local}>{inner}{n[depth]}</{local}>"


def _partic_desc(n: tuple[str, ...], persons: list[list[str]]) -> str:
    """``particDesc/listPerson`` at depth 3 with a ``person`` per person; nothing when none."""
    if not persons:
        return ""
    people = "".join(
        f"{n[5]}{start}" + "".join(f"{n[6]}{child}" for child in children) + f"{n[5]}</person>"
        for start, *children in persons
    )
    return f"{n[3]}<particDesc>{n[4]}<listPerson>{people}{n[4]}</listPerson>{n[3]}</particDesc>"


def render_document(doc: Document, config: Config) -> bytes:
    """The bytes of ``tei/doc-<id>.xml`` for one document."""
    return _render(doc, config, embedded=False)[0]


def render_fragments(doc: Document, config: Config) -> tuple[bytes, bytes]:
    """The bytes of ``tei/doc-<id>.xml`` and of the document's part of ``corpus.tei.xml``.

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


# A document's contribution to the corpus header: language, date, paragraphs, words,
# characters, speech quotations and the elements of its text with their counts.
DocumentCounts = tuple[str, str, int, int, int, int, tuple[tuple[str, int], ...]]


def document_counts(doc: Document) -> DocumentCounts:
    """What the corpus header counts of ``doc``: small and picklable, so that workers
    count as they render and the corpus file's sink keeps only running totals."""
    elements = {"text": 1, "body": 1, "p": len(doc.paragraphs)}
    for q in doc.quotations:
        # A quotation over paragraphs is one element per paragraph (see _body).
        element = TYPE_ELEMENTS.get(q.type, "said")
        parts = q.end.paragraph - q.start.paragraph + 1
        elements[element] = elements.get(element, 0) + parts
    stats = doc.stats
    return (
        doc.lang,
        doc.date,
        stats.paragraphs,
        stats.words,
        stats.characters,
        speech_count(doc),
        tuple(sorted((gi, n) for gi, n in elements.items() if n)),
    )


@dataclass
class CorpusCounts:
    """Running totals over the documents of ``corpus.tei.xml``, for its header: counters
    only, so memory stays flat however many documents pass."""

    documents: int = 0
    paragraphs: int = 0
    words: int = 0
    characters: int = 0
    quotations: int = 0
    # language -> [documents, words]
    languages: dict[str, list[int]] = field(default_factory=dict)
    newest: str = ""
    elements: dict[str, int] = field(default_factory=dict)

    def add(self, counts: DocumentCounts) -> None:
        """Count one document (``document_counts``)."""
        lang, date, paragraphs, words, characters, quotations, elements = counts
        self.documents += 1
        self.paragraphs += paragraphs
        self.words += words
        self.characters += characters
        self.quotations += quotations
        per = self.languages.setdefault(lang, [0, 0])
        per[0] += 1
        per[1] += words
        self.newest = max(self.newest, date)
        for gi, n in elements:
            self.elements[gi] = self.elements.get(gi, 0) + n

    def corpus_lang(self) -> str:
        """``teiCorpus/@xml:lang``: the one language of every document, else ``mul``."""
        return next(iter(self.languages)) if len(self.languages) == 1 else "mul"

    def usage(self) -> list[tuple[str, int, int, int]]:
        """Each language as (ident, percentage of the corpus's words, documents, words),
        the most used first; the percentage is of documents when no document has words."""
        by_words = self.words > 0
        total = self.words if by_words else self.documents
        out = []
        for lang, (docs, words) in self.languages.items():
            share = words if by_words else docs
            # Rounded half up, in integers: no float formatting in the bytes.
            percent = (200 * share + total) // (2 * total) if total else 0
            out.append((lang, percent, docs, words))
        out.sort(key=lambda item: (-item[3], -item[2], item[0]))
        return out


_NCNAME_JUNK = re.compile(r"[^A-Za-z0-9._-]+")


def corpus_xml_id(idno: str) -> str:
    """``teiCorpus/@xml:id``: the corpus idno made an XML name (ASCII letters, digits,
    '.', '_' and '-', starting with a letter or '_'; else prefixed with ``corpus-``)."""
    name = _NCNAME_JUNK.sub("-", idno).strip("-.")
    if not name:
        return "corpus"
    if not (name[0].isalpha() or name[0] == "_"):
        name = f"corpus-{name}"
    if name.startswith(DOC_PREFIX):
        # Documents' ids start with "doc-": the corpus's must not clash with them.
        name = f"corpus-{name}"
    return name


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


_CORPUS_MEASURES = ("document", "paragraph", "word", "character", "quotation")
_CHANGE = "Exported by corpus-tools {version}; the date is that of the newest article."


def render_corpus_start(config: Config, counts: CorpusCounts) -> bytes:
    """The start of ``corpus.tei.xml``: the XML declaration, the ``xml-model`` PI, the
    ``teiCorpus`` start tag and the corpus header, up to the first document."""
    return b"".join(
        (
            CORPUS_PROLOGUE,
            f'<teiCorpus xmlns="{TEI_NS}" xml:id="{_esc_attr(corpus_xml_id(config.idno))}" '
            f'xml:lang="{_esc_attr(counts.corpus_lang())}">\n  '.encode(),
            render_corpus_header(config, counts),
        )
    )


def render_corpus_header(config: Config, counts: CorpusCounts) -> bytes:
    """The ``teiHeader`` of ``corpus.tei.xml`` at depth 1: the corpus facts from
    ``config``, and what ``counts`` says of the documents (extent, languages, the
    elements of the texts, the date of the newest article); nothing from the clock."""
    _accept(config.title)
    publication = _publication_xml(config)[0]
    n = _NL
    totals = (
        counts.documents,
        counts.paragraphs,
        counts.words,
        counts.characters,
        counts.quotations,
    )
    measures = "".join(
        f'{n[4]}<measure unit="{unit}" quantity="{total}"/>'
        for unit, total in zip(_CORPUS_MEASURES, totals, strict=True)
    )
    date = ""
    change = ""
    if counts.newest:
        _accept(counts.newest)
        when = _esc_attr(counts.newest)
        date = f'{n[4]}<date when="{when}">{_esc_text(counts.newest)}</date>'
        text = _esc_text(_CHANGE.format(version=__version__))
        change = (
            f'{n[2]}<revisionDesc>{n[3]}<change when="{when}" xml:lang="en">{text}</change>'
            f"{n[2]}</revisionDesc>"
        )
    usages = "".join(
        f'{n[5]}<tagUsage gi="{_esc_attr(gi)}" occurs="{occurs}"/>'
        for gi, occurs in sorted(counts.elements.items())
    )
    tags = (
        f'{n[3]}<tagsDecl>{n[4]}<namespace name="{TEI_NS}">{usages}'
        f"{n[4]}</namespace>{n[3]}</tagsDecl>"
        if usages
        else ""
    )
    languages = ""
    for lang, percent, docs, words in counts.usage():
        _accept(lang)
        name = _LANGUAGE_NAMES.get(lang, lang)
        label = f"{name}: {_plural(docs, 'document')}, {_plural(words, 'word')}"
        languages += (
            f'{n[4]}<language ident="{_esc_attr(lang)}" xml:lang="en" usage="{percent}">'
            f"{_esc_text(label)}</language>"
        )
    profile = (
        f"{n[2]}<profileDesc>{n[3]}<langUsage>{languages}{n[3]}</langUsage>{n[2]}</profileDesc>"
        if languages
        else ""
    )
    # The namespace is declared again, as when the header was a tree of its own.
    return (
        f'<teiHeader xmlns="{TEI_NS}">'
        f"{n[2]}<fileDesc>"
        f"{n[3]}<titleStmt>"
        f"{n[4]}{_element('title', '', config.title)}"
        f"{n[3]}</titleStmt>"
        f"{n[3]}<extent>{measures}{n[3]}</extent>"
        f"{n[3]}<publicationStmt>"
        f"{n[4]}{publication}{date}"
        f"{n[3]}</publicationStmt>"
        f"{n[3]}<sourceDesc>"
        f'{n[4]}<p xml:lang="en">{_esc_text(_SOURCE_NOTE)}</p>'
        f"{n[3]}</sourceDesc>"
        f"{n[2]}</fileDesc>"
        f'{n[2]}<encodingDesc xml:lang="en">'
        f"{n[3]}<projectDesc>"
        f"{n[4]}<p>{_esc_text(_PROJECT_NOTE)}</p>"
        f"{n[3]}</projectDesc>"
        f"{n[3]}<editorialDecl>"
        f'{n[4]}<quotation marks="all">'
        f"{n[5]}<p>{_QUOTATION_POLICY_XML}</p>"
        f"{n[4]}</quotation>"
        f"{n[3]}</editorialDecl>"
        f"{tags}"
        f"{n[2]}</encodingDesc>"
        f"{profile}"
        f"{change}"
        f"{n[1]}</teiHeader>"
    ).encode()
