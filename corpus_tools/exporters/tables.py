"""The tables of the tabular exports: one definition of each table's columns, types
and rows, from which CSV, Parquet and JSONL write their files and the Data Package,
the JSONL schema and the dataset card describe them.

Every column has one type and a value in every row: no empty cells, no nulls and no
empty lists, so that readers which guess types from the first rows (pandas, Polars,
DuckDB, Hugging Face ``datasets``) read the same types wherever a value first appears.
The list of normalisations, the one list a document has besides its paragraphs, is
therefore a boolean column per name. Quotations are not a table yet: every reader
derives them again from the paragraph texts. Adding a table is one more ``Table`` in
``TABLES`` with its ``rows`` function.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from corpus_tools.model import Document, Paragraph, Provenance, Stats
from corpus_tools.quotes import find_quotations

Value = str | int | bool

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
    """One column: its name, its type (string, integer, boolean or date) and what it
    holds; every row has a value."""

    name: str
    type: str
    title: str
    description: str
    pattern: str | None = None  # the whole value must match (XML Schema regex style)
    enum: tuple[str, ...] | None = None
    minimum: int | None = None
    unique: bool = False

    def constraints(self) -> dict[str, Any]:
        """The Table Schema constraints of the column."""
        out: dict[str, Any] = {"required": True}
        if self.unique:
            out["unique"] = True
        if self.pattern is not None:
            out["pattern"] = self.pattern
        if self.enum is not None:
            out["enum"] = list(self.enum)
        if self.minimum is not None:
            out["minimum"] = self.minimum
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
        return out

    def json_schema(self) -> dict[str, Any]:
        """The JSON Schema of the column's value in a JSONL line."""
        out: dict[str, Any] = {"title": self.title, "description": self.description}
        if self.type == "date":
            out.update(type="string", format="date", pattern="^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
        else:
            out["type"] = self.type
        if self.pattern is not None:
            out["pattern"] = f"^(?:{self.pattern})$"
        if self.enum is not None:
            out["enum"] = list(self.enum)
        if self.minimum is not None:
            out["minimum"] = self.minimum
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
            # Every cell has a value; an empty cell would be an empty string.
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
    ),
    _string(
        "lang_source",
        "How the language was chosen",
        "detected (offline heuristic), override (given for the run), default (corpus metadata) or undetermined.",
        enum=("detected", "override", "default", "undetermined"),
    ),
    _string(
        "title",
        "Title",
        "A title derived from the lead paragraph (see title_source); seeds carry none.",
    ),
    _string(
        "title_source",
        "How the title was chosen",
        "first-sentence, or first-sentence-truncated when cut at a word boundary and ended with an ellipsis.",
        enum=("first-sentence", "first-sentence-truncated"),
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
        "Number of quotations (spans of quoted speech) found in the text; readers find them "
        "again in the paragraph texts.",
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
    _string(
        "document_id",
        "Document id",
        "The id of the document (documents.id) the paragraph belongs to.",
    ),
    _integer("n", "Paragraph number", "1-based position of the paragraph in its document.", 1),
    _integer("line", "Seed line", "1-based line of the seed file where the paragraph starts.", 1),
    _string(
        "text",
        "Text",
        "The paragraph text: NFC, no line breaks, no leading or trailing white space.",
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
        doc.title,
        doc.title_source,
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


def paragraph_rows(doc: Document) -> list[tuple[Value, ...]]:
    """The paragraphs-table rows of ``doc``, in ``PARAGRAPH_COLUMNS`` order."""
    return [(doc.id, p.n, p.line, p.text) for p in doc.paragraphs]


DOCUMENTS = Table(
    "documents",
    "Documents",
    "One row per document: metadata, counts and provenance (the text is in paragraphs).",
    DOCUMENT_COLUMNS,
    ("id",),
    lambda doc: [document_row(doc)],
)
PARAGRAPHS = Table(
    "paragraphs",
    "Paragraphs",
    "One row per paragraph, in document order.",
    PARAGRAPH_COLUMNS,
    ("document_id", "n"),
    paragraph_rows,
    (ForeignKey(("document_id",), "documents", ("id",)),),
)
# The tables every tabular format writes, in this order; each refers only to tables
# before it.
TABLES: tuple[Table, ...] = (DOCUMENTS, PARAGRAPHS)


class TableError(ValueError):
    """Rows that do not make a valid document: which column, what is wrong."""

    def __init__(self, column: str | None, message: str) -> None:
        super().__init__(message)
        self.column = column
        self.message = message


def document_from_rows(row: Mapping[str, Any], paragraphs: Sequence[Paragraph]) -> Document:
    """The document of a documents-table row (values typed) and its paragraphs, with
    its quotations found again in the texts and every count cross-checked. Raises
    ``TableError`` when the rows do not agree."""
    texts = [p.text for p in paragraphs]
    quotations, _issues = find_quotations(texts)
    stats = Stats(
        paragraphs=row["paragraph_count"],
        words=row["word_count"],
        characters=row["character_count"],
        quotations=row["quotation_count"],
    )
    checks = (
        ("paragraph_count", stats.paragraphs, len(paragraphs), "paragraphs"),
        ("character_count", stats.characters, sum(len(t) for t in texts), "characters"),
        ("quotation_count", stats.quotations, len(quotations), "quotations in the texts"),
    )
    for column, claimed, actual, what in checks:
        if claimed != actual:
            raise TableError(
                column, f"column {column} says {claimed}, but there are {actual} {what}"
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
    )
