"""Reading TEI back: ``tei/doc-<id>.xml`` or ``corpus.tei.xml`` into documents, parsed safely."""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from lxml import etree

from corpus_tools.errors import ReadError
from corpus_tools.exporters.tei.names import (
    DOC_ID,
    ELEMENT_TYPES,
    MEASURES,
    NS,
    PART_ID,
    RENDITION_ID,
    XML_ID,
    tag,
)
from corpus_tools.journal import settle
from corpus_tools.model import (
    Document,
    Paragraph,
    Person,
    Position,
    Provenance,
    Quotation,
    Source,
    Speaker,
    Stats,
)
from corpus_tools.schema import check_document


class TeiReadError(ReadError):
    """A TEI file cannot be read back into documents."""


def source_line(el: etree._Element) -> int | None:
    """The source line of a parsed element (lxml-stubs leave it untyped)."""
    line = el.sourceline
    return line if isinstance(line, int) else None


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname


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
    """The line of the DOCTYPE declaration, for the error message: found wherever it is
    (a long comment may come first), reading in chunks so memory stays flat."""
    marker = b"<!DOCTYPE"
    if isinstance(source, bytes):
        at = source.find(marker)
        return source.count(b"\n", 0, at) + 1 if at >= 0 else None
    try:
        with open(source, "rb") as fh:
            lines, tail = 0, b""
            while chunk := fh.read(1 << 20):
                block = tail + chunk
                at = block.find(marker)
                if at >= 0:
                    return lines + block.count(b"\n", 0, at) + 1
                # Keep the end of the block: the marker may straddle two chunks.
                keep = len(marker) - 1
                lines += block.count(b"\n", 0, len(block) - keep)
                tail = block[len(block) - keep :]
    except OSError:
        return None
    return None


def iterparse(
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
    """The documents of a TEI file (``tei/doc-<id>.xml`` or ``corpus.tei.xml``), in order."""
    root: etree._Element | None = None
    tei_tag, corpus_tag = tag("TEI"), tag("teiCorpus")
    if not isinstance(source, bytes):
        settle(source)  # a switch of the folder that a killed run left half-done
    for name, event, el in iterparse(source, ("start", "end")):
        if root is None:
            root = el
            if el.tag not in (tei_tag, corpus_tag):
                raise TeiReadError(
                    name,
                    source_line(el),
                    f"the root element is {el.tag}, not a TEI TEI or teiCorpus",
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


# The quotation elements by Clark name, and the type each encodes.
_QUOTATION_TAGS = {tag(element): kind for element, kind in ELEMENT_TYPES.items()}


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
    type: str


@dataclass(slots=True)
class _Reader:
    """Reads one ``TEI`` element back into a document."""

    name: str
    tei: etree._Element
    parts: list[_Part] = field(default_factory=list)
    doc_id: str = ""

    def fail(self, el: etree._Element | None, message: str) -> TeiReadError:
        line = source_line(el if el is not None else self.tei)
        return TeiReadError(self.name, line, message)

    def find(self, parent: etree._Element, path: str) -> etree._Element:
        el = parent.find(path, NS)
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
            elif child.tag in _QUOTATION_TAGS:
                xml_id = self.attr(child, XML_ID)
                m = PART_ID.match(xml_id)
                if not m or m["doc"] != self.doc_id:
                    raise self.fail(
                        child, f"{_local(child)}/@xml:id {xml_id!r} is not doc-<id>-q<N>[-<k>]"
                    )
                part = _Part(
                    m["q"],
                    int(m["k"] or 1),
                    n,
                    pos,
                    pos,
                    child,
                    outer[-1] if outer else None,
                    len(outer),
                    _QUOTATION_TAGS[child.tag],
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
        m = DOC_ID.match(self.doc_id)
        if not m:
            raise self.fail(pub, f"document id {self.doc_id!r} is not NNN_<16 hex>")
        bibl = self.find(file_desc, "t:sourceDesc/t:bibl")
        extent = self.find(file_desc, "t:extent")
        # The quotation measure counts speech only: the count of all comes from the body.
        counts = [
            self.integer(self.find(extent, f"t:measure[@unit='{unit}']"), "quantity")
            for unit in MEASURES[:3]
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
        ps = body.findall("t:p", NS)
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
                for p in normalization.findall("t:p", NS)
                if p.get("n") is not None
            ),
        )
        quotations = self._quotations(paragraphs, xeno, xeno_el, self._renditions(encoding))
        quotation_count = xeno.get("quotation_count", len(quotations))
        if not isinstance(quotation_count, int) or isinstance(quotation_count, bool):
            raise self.fail(xeno_el, "quotation_count is not a number")
        confidence = xeno.get("lang_confidence")
        if confidence is not None and (
            not isinstance(confidence, int | float)
            or isinstance(confidence, bool)
            or not -2 <= confidence <= 2  # a float can hold it (the schema says how much)
        ):
            raise self.fail(xeno_el, "lang_confidence is neither a number from 0 to 1 nor null")
        dateline = xeno.get("dateline")
        if dateline is not None and not isinstance(dateline, str):
            raise self.fail(xeno_el, "dateline is neither a string nor null")
        title = self.text(file_desc, "t:titleStmt/t:title")
        title_source = self._xeno_str(xeno, xeno_el, "title_source")
        return Document(
            schema_version=self._xeno_str(xeno, xeno_el, "schema_version"),
            id=self.doc_id,
            seq=int(m["seq"]),
            hash=m["hash"],
            date=self.attr(self.find(bibl, "t:date"), "when"),
            lang=self.attr(self.find(profile, "t:langUsage/t:language"), "ident"),
            lang_source=self._xeno_str(xeno, xeno_el, "lang_source"),
            title=title,
            title_source=title_source,
            paragraphs=tuple(paragraphs),
            quotations=quotations,
            stats=Stats(counts[0], counts[1], counts[2], quotation_count),
            provenance=prov,
            persons=self._persons(profile),
            lang_confidence=None if confidence is None else float(confidence),
            dateline=dateline,
            source=self._source(bibl, title if title_source == "headline" else None),
        )

    def _source(self, bibl: etree._Element, headline: str | None) -> Source | None:
        """The source of the document from ``sourceDesc/bibl``: ``author``, ``title
        level="j"``, ``ptr/@target``, ``availability/licence``; the headline is the
        title where ``title_source`` says so."""

        def optional(path: str) -> str | None:
            el = bibl.find(path, NS)
            return None if el is None else "".join(t for t in el.itertext() if isinstance(t, str))

        ptr = bibl.find("t:ptr", NS)
        source = Source(
            publication=optional("t:title[@level='j']"),
            url=None if ptr is None else self.attr(ptr, "target"),
            author=optional("t:author"),
            headline=headline,
            licence=optional("t:availability/t:licence"),
        )
        return None if source.empty else source

    def _xeno_str(self, xeno: dict[str, Any], el: etree._Element, key: str) -> str:
        value = xeno.get(key)
        if not isinstance(value, str):
            raise self.fail(el, f"xenoData has no string {key!r}")
        return value

    def _local_id(self, el: etree._Element, value: str, what: str) -> str:
        """The part of an id (or of a ``#`` pointer) after the document's prefix."""
        prefix = f"doc-{self.doc_id}-"
        if not value.startswith(prefix):
            raise self.fail(el, f"{what} {value!r} does not start with {prefix!r}")
        return value[len(prefix) :]

    def _renditions(self, encoding: etree._Element) -> dict[str, tuple[str, str | None]]:
        """Each rendition's pointer (``#doc-<id>-dash``) -> the quotations' kind and marks."""
        out: dict[str, tuple[str, str | None]] = {}
        for el in encoding.findall("t:tagsDecl/t:rendition", NS):
            xml_id = self.attr(el, XML_ID)
            local = self._local_id(el, xml_id, "rendition/@xml:id")
            m = RENDITION_ID.match(local)
            if not m:
                raise self.fail(
                    el, f"rendition/@xml:id {xml_id!r} is not -dash, -marks or -marks<N>"
                )
            marks: str | None = None
            if m["k"] is not None:
                mentioned = el.findall("t:mentioned", NS)
                if len(mentioned) != 2:
                    raise self.fail(el, "a rendition of marks names two marks, each in <mentioned>")
                marks = "".join(
                    t for mark in mentioned for t in mark.itertext() if isinstance(t, str)
                )
            out[f"#{xml_id}"] = ("dialogue" if local == "dash" else "quote", marks)
        return out

    def _persons(self, profile: etree._Element) -> tuple[Person, ...]:
        out: list[Person] = []
        for el in profile.findall("t:particDesc/t:listPerson/t:person", NS):
            person_id = self._local_id(el, self.attr(el, XML_ID), "person/@xml:id")
            names: list[str] = []
            mentions: list[str] = []
            for child in el.findall("t:persName", NS):
                value = "".join(t for t in child.itertext() if isinstance(t, str))
                (mentions if child.get("type") == "mention" else names).append(value)
            if len(names) != 1:
                raise self.fail(el, "a person has one persName without @type (the name)")
            out.append(Person(person_id, names[0], tuple(mentions)))
        return tuple(out)

    def _speaker(
        self, part: _Part, speakers: dict[str, Any], xeno_el: etree._Element
    ) -> Speaker | None:
        """The speaker of a quotation: name and mention from xenoData, the person from @who."""
        who = part.element.get("who")
        if who is not None and not who.startswith("#"):
            raise self.fail(part.element, f"@who {who!r} is not a pointer (#id)")
        ref = None if who is None else self._local_id(part.element, who[1:], "@who")
        found = speakers.get(part.qid)
        if found is None:
            if ref is not None:
                raise self.fail(xeno_el, f"quotation_speakers has no speaker for {part.qid}")
            return None
        if not isinstance(found, dict) or not all(
            isinstance(found.get(key), str) for key in ("name", "mention")
        ):
            raise self.fail(xeno_el, f"the speaker of {part.qid} has no name and mention")
        return Speaker(found["name"], found["mention"], ref)

    def _quotations(
        self,
        paragraphs: list[Paragraph],
        xeno: dict[str, Any],
        xeno_el: etree._Element,
        renditions: dict[str, tuple[str, str | None]],
    ) -> tuple[Quotation, ...]:
        texts = {p.n: p.text for p in paragraphs}
        groups: dict[str, list[_Part]] = {}
        for part in self.parts:
            groups.setdefault(part.qid, []).append(part)
        depths = xeno.get("quotation_depths", {})
        parents = xeno.get("quotation_parents", {})
        speakers = xeno.get("quotation_speakers", {})
        if not all(isinstance(v, dict) for v in (depths, parents, speakers)):
            raise self.fail(
                xeno_el,
                "quotation_depths, quotation_parents and quotation_speakers must be objects",
            )
        out: list[Quotation] = []
        for qid, parts in groups.items():
            first, last = parts[0], parts[-1]
            if [p.part for p in parts] != list(range(1, len(parts) + 1)):
                raise self.fail(
                    first.element, f"the parts of {qid} are not numbered 1, 2 ... in order"
                )
            rendition = self.attr(first.element, "rendition")
            if rendition not in renditions:
                raise self.fail(
                    first.element,
                    f"{_local(first.element)}/@rendition {rendition!r} points to no rendition "
                    "in tagsDecl",
                )
            kind, marks = renditions[rendition]
            for part in parts[1:]:
                if part.type != first.type:
                    raise self.fail(part.element, f"the parts of {qid} are of different types")
            prev: str | None = None
            pointer = first.element.get("prev")
            if pointer is not None:
                pm = PART_ID.match(pointer.removeprefix("#"))
                if not pointer.startswith("#") or not pm or pm["q"] == qid:
                    raise self.fail(
                        first.element,
                        f"{_local(first.element)}/@prev {pointer!r} does not point to another "
                        "quotation",
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
                    type=first.type,
                    speaker=self._speaker(first, speakers, xeno_el),
                )
            )
        out.sort(key=lambda q: int(q.id[1:]))
        return tuple(out)


def _read_document(tei: etree._Element, name: str) -> Document:
    if tei.tag != tag("TEI"):
        raise TeiReadError(name, source_line(tei), "expected a TEI element")
    doc = _Reader(name, tei).document()
    # What comes back must be a canonical document, however the file was edited.
    problem = check_document(doc.to_dict())
    if problem is not None:
        raise TeiReadError(
            name, source_line(tei), f"not a valid document: {problem.pointer}: {problem.message}"
        )
    return doc
