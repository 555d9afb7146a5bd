"""The canonical document and its parts: plain data, no I/O."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

# A semantic version string: "2.1.0" is never read as a number by CSV or spreadsheet tools.
# 2.1.0 added the optional ``source`` and the title source ``headline``: a 2.0.0 document
# is a valid 2.1.0 document, so both are read (``READ_SCHEMA_VERSIONS``).
SCHEMA_VERSION = "2.1.0"
READ_SCHEMA_VERSIONS = ("2.0.0", "2.1.0")
# The types of quotation (see the annotation guidelines).
QUOTATION_TYPES = ("speech", "title", "name", "term")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph: its 1-based number, the seed line it starts on, its text."""

    n: int
    line: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {"n": self.n, "line": self.line, "text": self.text}


@dataclass(frozen=True, slots=True, order=True)
class Position:
    """A point in the text: paragraph number and code-point offset."""

    paragraph: int
    offset: int

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {"paragraph": self.paragraph, "offset": self.offset}


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who speaks a speech part: the name, the words of the attribution, the person."""

    name: str
    mention: str
    ref: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form (``ref`` null when the speaker is in no person entry)."""
        return {"name": self.name, "mention": self.mention, "ref": self.ref}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Speaker:
        """Build a speaker from its JSON form."""
        return cls(name=data["name"], mention=data["mention"], ref=data.get("ref"))


@dataclass(frozen=True, slots=True)
class Person:
    """A person (or body) the article quotes: an id, a name, the strings used for it."""

    id: str
    name: str
    mentions: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {"id": self.id, "name": self.name, "mentions": list(self.mentions)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Person:
        """Build a person from its JSON form."""
        return cls(id=data["id"], name=data["name"], mentions=tuple(data.get("mentions", ())))


@dataclass(frozen=True, slots=True)
class Quotation:
    """A stand-off span of quoted text (marks or dialogue dash included), with its type
    (speech, title, name or term) and, for speech, its speaker (None: unattributed)."""

    id: str
    kind: str
    start: Position
    end: Position
    text: str
    depth: int = 0
    marks: str | None = None
    parent: str | None = None
    prev: str | None = None
    type: str = "speech"
    speaker: Speaker | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form; absent optional fields are left out, but ``speaker`` is
        always given (null: unattributed, or not speech)."""
        out: dict[str, Any] = {
            "id": self.id,
            "type": self.type,
            "kind": self.kind,
            "start": self.start.to_dict(),
            "end": self.end.to_dict(),
            "text": self.text,
            "depth": self.depth,
            "speaker": self.speaker.to_dict() if self.speaker is not None else None,
        }
        if self.marks is not None:
            out["marks"] = self.marks
        if self.parent is not None:
            out["parent"] = self.parent
        if self.prev is not None:
            out["prev"] = self.prev
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quotation:
        """Build a quotation from its JSON form."""
        speaker = data.get("speaker")
        return cls(
            id=data["id"],
            kind=data["kind"],
            start=Position(**data["start"]),
            end=Position(**data["end"]),
            text=data["text"],
            depth=data["depth"],
            marks=data.get("marks"),
            parent=data.get("parent"),
            prev=data.get("prev"),
            type=data.get("type", "speech"),
            speaker=Speaker.from_dict(speaker) if speaker is not None else None,
        )


# What ``Stats.words`` counts as a word: letters and digits, with inner apostrophes and
# hyphens ("don't", "Bielsko-Biała" are one word each).
WORD = re.compile(r"\w+(?:['’\-]\w+)*")


@dataclass(frozen=True, slots=True)
class Stats:
    """Simple counts over the text."""

    paragraphs: int
    words: int
    characters: int
    quotations: int

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {
            "paragraphs": self.paragraphs,
            "words": self.words,
            "characters": self.characters,
            "quotations": self.quotations,
        }


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a document came from and what produced it."""

    seed_path: str
    seed_sha256: str
    seed_bytes: int
    converter: str
    normalisations: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {
            "seed_path": self.seed_path,
            "seed_sha256": self.seed_sha256,
            "seed_bytes": self.seed_bytes,
            "converter": self.converter,
            "normalisations": list(self.normalisations),
        }


@dataclass(frozen=True, slots=True)
class Source:
    """Where the article was published, as the source metadata table says: what a
    citation needs. Each field is None where the table gives no value."""

    publication: str | None = None
    url: str | None = None
    author: str | None = None
    headline: str | None = None
    licence: str | None = None

    def to_dict(self) -> dict[str, str]:
        """Return the JSON form (absent fields left out)."""
        out = {
            "publication": self.publication,
            "url": self.url,
            "author": self.author,
            "headline": self.headline,
            "licence": self.licence,
        }
        return {k: v for k, v in out.items() if v is not None}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Source:
        """Build a source from its JSON form."""
        return cls(
            publication=data.get("publication"),
            url=data.get("url"),
            author=data.get("author"),
            headline=data.get("headline"),
            licence=data.get("licence"),
        )

    @property
    def empty(self) -> bool:
        """True when no field has a value."""
        return not self.to_dict()


SOURCE_FIELDS: tuple[str, ...] = ("publication", "url", "author", "headline", "licence")


@dataclass(frozen=True, slots=True)
class Document:
    """The canonical form of one seed; see ``schema/document.schema.json``."""

    id: str
    seq: int
    hash: str
    date: str
    lang: str
    lang_source: str
    title: str
    title_source: str
    paragraphs: tuple[Paragraph, ...]
    quotations: tuple[Quotation, ...]
    stats: Stats
    provenance: Provenance
    schema_version: str = field(default=SCHEMA_VERSION)
    persons: tuple[Person, ...] = ()
    lang_confidence: float | None = None
    dateline: str | None = None
    # From the source metadata table; None where the document has no row there.
    source: Source | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form (the canonical document; ``source`` only where known)."""
        out: dict[str, Any] = {
            "schema_version": self.schema_version,
            "id": self.id,
            "seq": self.seq,
            "hash": self.hash,
            "date": self.date,
            "lang": self.lang,
            "lang_source": self.lang_source,
            "lang_confidence": self.lang_confidence,
            "title": self.title,
            "title_source": self.title_source,
            "dateline": self.dateline,
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "quotations": [q.to_dict() for q in self.quotations],
            "persons": [p.to_dict() for p in self.persons],
            "stats": self.stats.to_dict(),
            "provenance": self.provenance.to_dict(),
        }
        if self.source is not None:
            out["source"] = self.source.to_dict()
        return out

    @property
    def full_text(self) -> str:
        """All paragraph texts joined by a blank line."""
        return "\n\n".join(p.text for p in self.paragraphs)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """Build a document from its JSON form (which must be schema-valid)."""
        prov = data["provenance"]
        confidence = data.get("lang_confidence")
        source = data.get("source")
        return cls(
            schema_version=data["schema_version"],
            id=data["id"],
            seq=data["seq"],
            hash=data["hash"],
            date=data["date"],
            lang=data["lang"],
            lang_source=data.get("lang_source", "detected"),
            title=data["title"],
            title_source=data.get("title_source", "first-sentence"),
            paragraphs=tuple(
                Paragraph(n=p["n"], line=p["line"], text=p["text"]) for p in data["paragraphs"]
            ),
            quotations=tuple(Quotation.from_dict(q) for q in data["quotations"]),
            persons=tuple(Person.from_dict(p) for p in data.get("persons", ())),
            lang_confidence=None if confidence is None else float(confidence),
            dateline=data.get("dateline"),
            source=Source.from_dict(source) if source is not None else None,
            stats=Stats(**data["stats"]),
            provenance=Provenance(
                seed_path=prov["seed_path"],
                seed_sha256=prov["seed_sha256"],
                seed_bytes=prov["seed_bytes"],
                converter=prov["converter"],
                normalisations=tuple(prov.get("normalisations", ())),
            ),
        )


def parse_json(text: str) -> tuple[Any, tuple[str, int | None, int | None] | None]:
    """Parse JSON; a failure is ``(message, line, column)``, never an exception.

    Besides syntax errors, json refuses integers of over 4,300 digits (ValueError) and
    deep nesting (RecursionError); both are bad input, not bugs.
    """
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        return None, (exc.msg, exc.lineno, exc.colno)
    except RecursionError:
        return None, ("nesting too deep", None, None)
    except ValueError as exc:
        return None, (str(exc), None, None)


def dumps_canonical(data: dict[str, Any], *, indent: int | None = None) -> str:
    """Serialise a JSON value the one deterministic way (sorted keys, real UTF-8)."""
    if indent is None:
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=indent)
