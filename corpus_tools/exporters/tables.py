"""The tables of the tabular exports: one definition of each table's columns, types
and rows, from which CSV, Parquet and JSONL write their files, read them back, and the
Data Package, the JSONL schemas and the dataset card describe them.

Every row has a value of its column's type in every column: no nulls and no empty
lists, so that readers which guess types from the first rows or megabytes (pandas,
Polars, DuckDB, pyarrow, Hugging Face ``datasets``) read the same types wherever a value
first appears. What the canonical document leaves out or sets to null is written as a
value of the column's type that the document can never hold:

- an absent string (a dateline, the marks of a dialogue line, a parent, a speaker) is
  the empty string, which no such field may be (CSV: an empty cell, which the Table
  Schema declares missing);
- the language confidence is 0 where no identification was made, which
  ``lang_identified`` (a boolean) says;
- the normalisations, the one list a document has besides its parts, are a boolean
  column each.

Adding a table is one more ``Table`` in ``TABLES`` with its ``rows`` function and its
part of ``document_from_rows``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

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

Value = str | int | float | bool | tuple[str, ...]

# The normalisations of schema/document.schema.json, alphabetical: the order in which
# the converter lists them, and in which the readers give them back.
NORMALISATIONS: tuple[str, ...] = (
    "blank-lines",
    "bom",
    "cr",
    "crlf",
    "leading-space",
    "line-join",
    "nfc",
    "tab",
    "trailing-space",
)


def normalisation_column(name: str) -> str:
    """The boolean column that says whether normalisation ``name`` was applied."""
    return "normalised_" + name.replace("-", "_")


@dataclass(frozen=True)
class Column:
    """One column: its name, its type (string, integer, number, boolean, date, or
    array of strings) and what it holds. Every row has a value; ``optional`` marks a
    string column whose empty string means "none" (an empty CSV cell)."""

    name: str
    type: str
    title: str
    description: str
    pattern: str | None = None  # the whole value must match (XML Schema regex style)
    enum: tuple[str, ...] | None = None
    minimum: int | float | None = None
    maximum: int | float | None = None
    unique: bool = False
    optional: bool = False
    min_length: int | None = None  # of a string

    def constraints(self) -> dict[str, Any]:
        """The Table Schema constraints of the column."""
        out: dict[str, Any] = {} if self.optional else {"required": True}
        if self.unique:
            out["unique"] = True
        if self.pattern is not None:
            out["pattern"] = self.pattern
        if self.enum is not None:
            out["enum"] = list(self.enum)
        if self.minimum is not None:
            out["minimum"] = self.minimum
        if self.maximum is not None:
            out["maximum"] = self.maximum
        if self.type == "array":
            out["minLength"] = 1
        if self.min_length is not None:
            out["minLength"] = self.min_length
        return out

    def table_schema_field(self) -> dict[str, Any]:
        """The Frictionless Table Schema field of the column."""
        out: dict[str, Any] = {
            "name": self.name,
            "type": self.type,
            "title": self.title,
            "description": self.description,
            "constraints": self.constraints(),
        }
        if self.type == "boolean":
            # Exactly what the CSV writer writes, and nothing else.
            out["trueValues"] = ["true"]
            out["falseValues"] = ["false"]
        if self.optional:
            out["missingValues"] = [""]
        return out

    def json_schema(self) -> dict[str, Any]:
        """The JSON Schema of the column's value in a JSONL line."""
        out: dict[str, Any] = {"title": self.title, "description": self.description}
        if self.type == "date":
            out.update(type="string", format="date", pattern="^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
        elif self.type == "array":
            out.update(type="array", minItems=1, items={"type": "string", "minLength": 1})
        else:
            out["type"] = self.type
        if self.pattern is not None:
            anchored = f"^(?:{self.pattern})$"
            out["pattern"] = f"^$|{anchored}" if self.optional else anchored
        if self.enum is not None:
            out["enum"] = list(self.enum)
        if self.minimum is not None:
            out["minimum"] = self.minimum
        if self.maximum is not None:
            out["maximum"] = self.maximum
        if self.min_length is not None:
            out["minLength"] = self.min_length
        return out


@dataclass(frozen=True)
class ForeignKey:
    """Columns of a table that refer to the key of another table."""

    columns: tuple[str, ...]
    table: str
    references: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A table of the tabular exports: columns, keys and the rows of one document."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    rows: Callable[[Document], list[tuple[Value, ...]]] = field(compare=False)
    foreign_keys: tuple[ForeignKey, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The column names, in order."""
        return tuple(c.name for c in self.columns)

    def table_schema(self) -> dict[str, Any]:
        """The Frictionless Table Schema of the table."""
        out: dict[str, Any] = {
            "fields": [c.table_schema_field() for c in self.columns],
            # No cell is missing but where a column says so (optional strings).
            "missingValues": [],
            "primaryKey": list(self.primary_key),
        }
        if self.foreign_keys:
            out["foreignKeys"] = [
                {
                    "fields": list(fk.columns),
                    "reference": {"resource": fk.table, "fields": list(fk.references)},
                }
                for fk in self.foreign_keys
            ]
        return out


def _string(name: str, title: str, description: str, **extra: Any) -> Column:
    return Column(name, "string", title, description, **extra)


def _integer(name: str, title: str, description: str, minimum: int) -> Column:
    return Column(name, "integer", title, description, minimum=minimum)


def _document_id(what: str) -> Column:
    return _string("document_id", "Document id", f"The id of the document (documents.id) {what}.")


_QUOTATION_ID = "q[1-9][0-9]*"
# The characters of an http(s) URI (the canonical schema's pattern for source.url).
SOURCE_URL = "https?://[!#$%&'()*+,\\-./0-9:;=?@A-Z\\[\\]_a-z~]+"
# The source fields, in their columns' order.
SOURCE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("publication", "source_publication"),
    ("url", "source_url"),
    ("author", "source_author"),
    ("headline", "source_headline"),
    ("licence", "source_licence"),
)
_PERSON_ID = "person[1-9][0-9]*"

DOCUMENT_COLUMNS: tuple[Column, ...] = (
    _string(
        "id",
        "Document id",
        "The seed file name without .txt: sequence number, underscore, 16 hex digits.",
        pattern="[0-9]{3,}_[0-9a-f]{16}",
        unique=True,
    ),
    _integer("seq", "Sequence number", "The sequence number from the file name.", 0),
    _string(
        "hash",
        "Hash part",
        "The 16 lowercase hex digits from the file name.",
        pattern="[0-9a-f]{16}",
    ),
    Column("date", "date", "Publication date", "The date from the seed header (ISO 8601)."),
    _string(
        "lang",
        "Language",
        "BCP 47 language tag of the text, or und where it could not be determined.",
        pattern="[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?|und",
    ),
    _string(
        "lang_source",
        "How the language was chosen",
        "detected (automatic language identification), override (given for the run), "
        "default (corpus metadata, as identification failed) or undetermined.",
        enum=("detected", "override", "default", "undetermined"),
    ),
    Column(
        "lang_identified",
        "boolean",
        "Language identified",
        "Whether automatic language identification was made (lang_confidence is its "
        "confidence); false where none was, for example with lang_source override.",
    ),
    Column(
        "lang_confidence",
        "number",
        "Language confidence",
        "Confidence of automatic language identification in its best language, 0 to 1, "
        "rounded to two decimals; 0 where none was made (lang_identified false).",
        minimum=0,
        maximum=1,
    ),
    _string(
        "title",
        "Title",
        "The original headline where the source metadata gives one, else a title derived "
        "from the lead paragraph (see title_source).",
    ),
    _string(
        "title_source",
        "How the title was chosen",
        "headline (the original headline, source_headline), first-sentence (of the lead), "
        "after-dateline (the first sentence after the dateline), or either of these two "
        "with -truncated when cut at a word boundary and ended with an ellipsis.",
        enum=(
            "headline",
            "first-sentence",
            "first-sentence-truncated",
            "after-dateline",
            "after-dateline-truncated",
        ),
    ),
    _string(
        "dateline",
        "Dateline",
        "The dateline that opens the lead, as written (it stays in the text); empty where "
        "there is none.",
        optional=True,
    ),
    _string(
        "source_publication",
        "Source publication",
        "The newspaper, agency or site that published the article (source metadata table); "
        "empty where not known.",
        optional=True,
    ),
    _string(
        "source_url",
        "Source URL",
        "The address of the article at its source, an absolute http or https URI (source "
        "metadata table); empty where not known.",
        pattern=SOURCE_URL,
        optional=True,
    ),
    _string(
        "source_author",
        "Source author",
        "The author or authors as the source names them (source metadata table); empty "
        "where not known.",
        optional=True,
    ),
    _string(
        "source_headline",
        "Source headline",
        "The original headline (source metadata table; it is also the title); empty where "
        "not known.",
        optional=True,
    ),
    _string(
        "source_licence",
        "Source licence",
        "The licence or terms under which the source published the article (source "
        "metadata table); empty where not known.",
        optional=True,
    ),
    _integer("paragraph_count", "Paragraph count", "Number of paragraphs.", 1),
    _integer(
        "word_count",
        "Word count",
        "Number of words: runs of letters and digits with inner apostrophes or hyphens.",
        0,
    ),
    _integer(
        "character_count",
        "Character count",
        "Unicode code points in all paragraph texts, separators not counted.",
        0,
    ),
    _integer(
        "quotation_count",
        "Quotation count",
        "Number of quotations (rows of the quotations table) of every type.",
        0,
    ),
    _string("seed_path", "Seed path", "POSIX path of the seed file relative to the corpus root."),
    _string(
        "seed_sha256",
        "Seed SHA-256",
        "SHA-256 of the exact seed bytes, lowercase hex.",
        pattern="[0-9a-f]{64}",
    ),
    _integer("seed_bytes", "Seed size", "Size of the seed file in bytes.", 1),
    _string("converter", "Converter", "Name and version of the program that made the document."),
    *(
        Column(
            normalisation_column(name),
            "boolean",
            f"Normalised: {name}",
            f"Whether the reader applied the normalisation {name} to make the text canonical "
            "(provenance.normalisations of the canonical document).",
        )
        for name in NORMALISATIONS
    ),
    _string(
        "schema_version",
        "Schema version",
        "Version of the canonical document schema (schema/document.schema.json).",
    ),
)

PARAGRAPH_COLUMNS: tuple[Column, ...] = (
    _document_id("the paragraph belongs to"),
    _integer("n", "Paragraph number", "1-based position of the paragraph in its document.", 1),
    _integer("line", "Seed line", "1-based line of the seed file where the paragraph starts.", 1),
    _string(
        "text",
        "Text",
        "The paragraph text: NFC, no line breaks, no leading or trailing white space.",
    ),
)

QUOTATION_COLUMNS: tuple[Column, ...] = (
    _document_id("the quotation belongs to"),
    _string(
        "id",
        "Quotation id",
        "q and a 1-based number, unique within the document, in order of the start.",
        pattern=_QUOTATION_ID,
    ),
    _string(
        "type",
        "Type",
        "speech (words attributed to a person or body), title (of a work or publication), "
        "name (of an organisation, company, place or the like) or term (scare quotes, a "
        "word mentioned rather than attributed).",
        enum=("speech", "title", "name", "term"),
    ),
    _string(
        "kind",
        "Kind",
        "How it is set off: quote (between quotation marks) or dialogue (a dash-introduced line).",
        enum=("quote", "dialogue"),
    ),
    _string(
        "marks",
        "Quotation marks",
        "The opening and closing mark of a quote; empty for dialogue.",
        pattern="..",
        optional=True,
    ),
    _integer(
        "start_paragraph", "Start paragraph", "Paragraph number (paragraphs.n) of the start.", 1
    ),
    _integer("start_offset", "Start offset", "Code-point offset of the start (inclusive).", 0),
    _integer("end_paragraph", "End paragraph", "Paragraph number of the end.", 1),
    _integer("end_offset", "End offset", "Code-point offset of the end (exclusive).", 0),
    _integer("depth", "Nesting depth", "0 at top level, 1 inside another quotation, ...", 0),
    _string(
        "parent",
        "Enclosing quotation",
        "Id of the quotation this one is nested in; empty at top level.",
        pattern=_QUOTATION_ID,
        optional=True,
    ),
    _string(
        "prev",
        "Previous part",
        "Id of the quotation this one continues after an interruption (same speaker); "
        "empty when none.",
        pattern=_QUOTATION_ID,
        optional=True,
    ),
    _string(
        "speaker_name",
        "Speaker",
        "The speaker of a speech part, found by automatic attribution: the most specific "
        "name the article gives; empty when unattributed or not speech.",
        optional=True,
    ),
    _string(
        "speaker_mention",
        "Speaker mention",
        "The words of the attribution nearest the quotation, as written; empty when there "
        "is no speaker.",
        optional=True,
    ),
    _string(
        "speaker_ref",
        "Speaker person",
        "Id of the speaker in the persons table (persons.id of the same document); empty "
        "when the speaker is in no person entry.",
        pattern=_PERSON_ID,
        optional=True,
    ),
    _string(
        "text",
        "Text",
        "The quoted text, marks or dash included; parts in different paragraphs joined by "
        "a line feed.",
    ),
)

PERSON_COLUMNS: tuple[Column, ...] = (
    _document_id("that quotes the person"),
    _string(
        "id",
        "Person id",
        "person and a 1-based number, unique within the document.",
        pattern=_PERSON_ID,
    ),
    _string("name", "Name", "The most specific name the article gives for the person or body."),
    Column(
        "mentions",
        "array",
        "Mentions",
        "The strings the article uses for the person, in order of first use (in CSV a JSON "
        "array of strings).",
    ),
)


def document_row(doc: Document) -> tuple[Value, ...]:
    """The documents-table row of ``doc``, in ``DOCUMENT_COLUMNS`` order."""
    prov = doc.provenance
    unknown = sorted(set(prov.normalisations) - set(NORMALISATIONS))
    if unknown:
        # The vocabulary of the schema never does this; the row could not say it.
        raise ValueError(f"{doc.id}: unknown normalisation {unknown[0]!r}")
    applied = set(prov.normalisations)
    return (
        doc.id,
        doc.seq,
        doc.hash,
        doc.date,
        doc.lang,
        doc.lang_source,
        doc.lang_confidence is not None,
        float(doc.lang_confidence or 0.0),
        doc.title,
        doc.title_source,
        doc.dateline or "",
        *source_cells(doc.source),
        doc.stats.paragraphs,
        doc.stats.words,
        doc.stats.characters,
        doc.stats.quotations,
        prov.seed_path,
        prov.seed_sha256,
        prov.seed_bytes,
        prov.converter,
        *(name in applied for name in NORMALISATIONS),
        doc.schema_version,
    )


def source_cells(source: Source | None) -> tuple[str, ...]:
    """The source_* cells of a document's row: each value, or the empty string."""
    given = source.to_dict() if source is not None else {}
    return tuple(given.get(name, "") for name, _ in SOURCE_COLUMNS)


def source_from_row(row: Mapping[str, Any]) -> Source | None:
    """The source of a documents-table row (values typed); None when every source_*
    cell is empty."""
    given = {name: row[column] for name, column in SOURCE_COLUMNS if row[column]}
    return Source(**given) if given else None


def paragraph_rows(doc: Document) -> list[tuple[Value, ...]]:
    """The paragraphs-table rows of ``doc``, in ``PARAGRAPH_COLUMNS`` order."""
    return [(doc.id, p.n, p.line, p.text) for p in doc.paragraphs]


def quotation_row(doc_id: str, q: Quotation) -> tuple[Value, ...]:
    """The quotations-table row of one quotation, in ``QUOTATION_COLUMNS`` order."""
    speaker = q.speaker
    return (
        doc_id,
        q.id,
        q.type,
        q.kind,
        q.marks or "",
        q.start.paragraph,
        q.start.offset,
        q.end.paragraph,
        q.end.offset,
        q.depth,
        q.parent or "",
        q.prev or "",
        "" if speaker is None else speaker.name,
        "" if speaker is None else speaker.mention,
        "" if speaker is None else speaker.ref or "",
        q.text,
    )


def person_row(doc_id: str, person: Person) -> tuple[Value, ...]:
    """The persons-table row of one person, in ``PERSON_COLUMNS`` order."""
    return (doc_id, person.id, person.name, tuple(person.mentions))


DOCUMENTS = Table(
    "documents",
    "Documents",
    "One row per document: metadata, counts and provenance (the text is in paragraphs).",
    DOCUMENT_COLUMNS,
    ("id",),
    lambda doc: [document_row(doc)],
)
_OF_DOCUMENT = ForeignKey(("document_id",), "documents", ("id",))
PARAGRAPHS = Table(
    "paragraphs",
    "Paragraphs",
    "One row per paragraph, in document order.",
    PARAGRAPH_COLUMNS,
    ("document_id", "n"),
    paragraph_rows,
    (_OF_DOCUMENT,),
)
QUOTATIONS = Table(
    "quotations",
    "Quotations",
    "One row per quotation (part), in document order: span, type, speaker and text.",
    QUOTATION_COLUMNS,
    ("document_id", "id"),
    lambda doc: [quotation_row(doc.id, q) for q in doc.quotations],
    (
        _OF_DOCUMENT,
        ForeignKey(("document_id", "start_paragraph"), "paragraphs", ("document_id", "n")),
    ),
)
PERSONS = Table(
    "persons",
    "Persons",
    "One row per person (or body) a document quotes, in document order.",
    PERSON_COLUMNS,
    ("document_id", "id"),
    lambda doc: [person_row(doc.id, p) for p in doc.persons],
    (_OF_DOCUMENT,),
)
# The tables every tabular format writes, in this order; each refers only to tables
# before it. Every table but the first has the column document_id, and its rows of
# each document follow those of the previous document.
TABLES: tuple[Table, ...] = (DOCUMENTS, PARAGRAPHS, QUOTATIONS, PERSONS)
PARTS: tuple[Table, ...] = TABLES[1:]


class TableError(ValueError):
    """Rows that do not make a valid document: which column, what is wrong."""

    def __init__(self, column: str | None, message: str) -> None:
        super().__init__(message)
        self.column = column
        self.message = message


def mentions_cell(mentions: Sequence[str]) -> str:
    """An array of strings as a CSV cell: a compact JSON array."""
    return json.dumps(list(mentions), ensure_ascii=False, separators=(",", ":"))


def mentions_of_cell(cell: str) -> tuple[str, ...]:
    """The array of strings of a CSV cell; raises ``TableError`` when it is not one."""
    try:
        value = json.loads(cell)
    except ValueError:
        value = None
    if not isinstance(value, list) or not all(isinstance(m, str) for m in value):
        raise TableError("mentions", "column mentions is not a JSON array of strings")
    return tuple(value)


def _span(paragraphs: Sequence[Paragraph], start: Position, end: Position) -> str | None:
    """The text between two positions, or None when they lie outside the paragraphs."""
    count = len(paragraphs)
    if not (1 <= start.paragraph <= end.paragraph <= count) or end < start:
        return None
    first, last = paragraphs[start.paragraph - 1].text, paragraphs[end.paragraph - 1].text
    if start.offset > len(first) or end.offset > len(last):
        return None
    if start.paragraph == end.paragraph:
        return first[start.offset : end.offset]
    middle = [p.text for p in paragraphs[start.paragraph : end.paragraph - 1]]
    return "\n".join([first[start.offset :], *middle, last[: end.offset]])


def quotation_from_row(row: Mapping[str, Any], paragraphs: Sequence[Paragraph]) -> Quotation:
    """A quotation from its row (values typed); its text must be its span's."""
    start = Position(row["start_paragraph"], row["start_offset"])
    end = Position(row["end_paragraph"], row["end_offset"])
    span = _span(paragraphs, start, end)
    if span is None:
        raise TableError("start_paragraph", f"quotation {row['id']!r} lies outside the text")
    if span != row["text"]:
        raise TableError("text", f"column text differs from the span of quotation {row['id']!r}")
    speaker = None
    if row["speaker_name"] or row["speaker_mention"] or row["speaker_ref"]:
        speaker = Speaker(row["speaker_name"], row["speaker_mention"], row["speaker_ref"] or None)
    return Quotation(
        id=row["id"],
        kind=row["kind"],
        start=start,
        end=end,
        text=row["text"],
        depth=row["depth"],
        marks=row["marks"] or None,
        parent=row["parent"] or None,
        prev=row["prev"] or None,
        type=row["type"],
        speaker=speaker,
    )


def person_from_row(row: Mapping[str, Any]) -> Person:
    """A person from its row (values typed)."""
    return Person(row["id"], row["name"], tuple(row["mentions"]))


def document_from_rows(
    row: Mapping[str, Any],
    paragraphs: Sequence[Paragraph],
    quotations: Sequence[Quotation] = (),
    persons: Sequence[Person] = (),
) -> Document:
    """The document of a documents-table row (values typed) and its parts, with every
    count cross-checked. Raises ``TableError`` when they do not agree."""
    texts = [p.text for p in paragraphs]
    stats = Stats(
        paragraphs=row["paragraph_count"],
        words=row["word_count"],
        characters=row["character_count"],
        quotations=row["quotation_count"],
    )
    checks = (
        ("paragraph_count", stats.paragraphs, len(paragraphs), "paragraphs"),
        ("character_count", stats.characters, sum(len(t) for t in texts), "characters"),
        ("quotation_count", stats.quotations, len(quotations), "quotations"),
    )
    for column, claimed, actual, what in checks:
        if claimed != actual:
            raise TableError(
                column, f"column {column} says {claimed}, but there are {actual} {what}"
            )
    if not row["lang_identified"] and row["lang_confidence"] != 0:
        raise TableError(
            "lang_confidence", "column lang_confidence is not 0, but lang_identified is false"
        )
    return Document(
        id=row["id"],
        seq=row["seq"],
        hash=row["hash"],
        date=row["date"],
        lang=row["lang"],
        lang_source=row["lang_source"],
        title=row["title"],
        title_source=row["title_source"],
        paragraphs=tuple(paragraphs),
        quotations=tuple(quotations),
        stats=stats,
        provenance=Provenance(
            seed_path=row["seed_path"],
            seed_sha256=row["seed_sha256"],
            seed_bytes=row["seed_bytes"],
            converter=row["converter"],
            normalisations=tuple(n for n in NORMALISATIONS if row[normalisation_column(n)]),
        ),
        schema_version=row["schema_version"],
        persons=tuple(persons),
        lang_confidence=float(row["lang_confidence"]) if row["lang_identified"] else None,
        dateline=row["dateline"] or None,
        source=source_from_row(row),
    )


# Rows as a reader gives them: where the row is (a line or row number) and its values,
# typed as the table's columns say.
Located = tuple[int | None, dict[str, Any]]
Fail = Callable[[str, int | None, str], Exception]


def assemble(
    documents: Iterator[Located],
    parts: Mapping[str, Iterator[Located]],
    files: Mapping[str, str],
    fail: Fail,
) -> Iterator[Document]:
    """The documents of a tabular export: each documents row with the rows of every
    part table that follow for it (each part table lists its rows document by document,
    in the documents' order), checked and made canonical.

    A documents row may carry its paragraphs itself (``paragraphs``: rows without
    ``document_id``, as JSONL lines do); ``parts`` then has no paragraphs. ``files``
    names each table's file for messages; ``fail(table, location, message)`` makes the
    reader's error, which is raised.
    """
    from corpus_tools.schema import check_document

    heads = {name: next(rows, None) for name, rows in parts.items()}

    def rows_of(table: str, doc_id: str) -> list[Located]:
        found = []
        head = heads.get(table)
        while head is not None and head[1]["document_id"] == doc_id:
            found.append(head)
            head = heads[table] = next(parts[table], None)
        return found

    for location, row in documents:
        doc_id = row["id"]
        nested = row.get("paragraphs")
        given = (
            [(location, p) for p in nested] if nested is not None else rows_of("paragraphs", doc_id)
        )
        paragraphs: list[Paragraph] = []
        for at, prow in given:
            if prow["n"] != len(paragraphs) + 1:
                raise fail(
                    "paragraphs",
                    at,
                    f"paragraph {prow['n']} of document {doc_id!r} where paragraph "
                    f"{len(paragraphs) + 1} was expected",
                )
            paragraphs.append(Paragraph(prow["n"], prow["line"], prow["text"]))
        if not paragraphs:
            head = heads.get("paragraphs")
            if head is None:
                raise fail(
                    "documents",
                    location,
                    f"document {doc_id!r} has no rows in {files['paragraphs']}",
                )
            raise fail(
                "paragraphs",
                head[0],
                f"paragraph row for document {head[1]['document_id']!r} where those of "
                f"{doc_id!r} ({files['documents']}:{location}) were expected: "
                "an unknown document, or rows out of order",
            )
        try:
            quotations = []
            for at, qrow in rows_of("quotations", doc_id):
                try:
                    quotations.append(quotation_from_row(qrow, paragraphs))
                except TableError as exc:
                    raise fail("quotations", at, exc.message) from None
            persons = [person_from_row(r) for _, r in rows_of("persons", doc_id)]
            doc = document_from_rows(row, paragraphs, quotations, persons)
        except TableError as exc:
            raise fail("documents", location, exc.message) from None
        # What comes back must be a canonical document, however the files were edited.
        problem = check_document(doc.to_dict())
        if problem is not None:
            raise fail(
                "documents",
                location,
                f"not a valid document: {problem.pointer}: {problem.message}",
            )
        yield doc
    for name, head in heads.items():
        if head is not None:
            what = "paragraph row" if name == "paragraphs" else "row"
            raise fail(
                name,
                head[0],
                f"{what} for unknown document {head[1]['document_id']!r} "
                f"(not in {files['documents']}, or out of order)",
            )
