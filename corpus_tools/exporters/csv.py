"""CSV export: documents.csv, paragraphs.csv, quotations.csv, persons.csv and a
Frictionless ``datapackage.json``.

Every table is RFC 4180 CSV: UTF-8 without a byte order mark, LF line ends, a header
row, a fixed column order. A field is quoted when it holds a comma, a double quote, a
CR or an LF (RFC 4180 minimal quoting), and also when it starts or ends with white
space, so that readers which trim unquoted fields still get it back unchanged. Quotes
inside a quoted field are doubled. Rows are written as the documents arrive, so memory
stays flat however large the corpus.

The export is lossless: ``read_csv_export`` reads the tables back into documents equal
to the originals. quotations.csv has a row per quotation (part): its span, type, kind,
marks, nesting, link to the part it continues, speaker and text; persons.csv a row per
person a document quotes, with the strings used for them as a JSON array. In those two
tables an empty cell is a null (no value there is ever an empty string).
"""

from __future__ import annotations

import contextlib
import csv
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from corpus_tools.config import Config
from corpus_tools.errors import ReadError
from corpus_tools.io import StagedFile, Staging
from corpus_tools.journal import settled
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
from corpus_tools.schema import check_document

if TYPE_CHECKING:
    from corpus_tools.diagnostics import Diagnostic
    from corpus_tools.exporters import CheckSettings

DOCUMENTS = "documents.csv"
PARAGRAPHS = "paragraphs.csv"
QUOTATIONS = "quotations.csv"
PERSONS = "persons.csv"
PACKAGE = "datapackage.json"

DOCUMENT_COLUMNS: tuple[str, ...] = (
    "id",
    "seq",
    "hash",
    "date",
    "lang",
    "lang_source",
    "lang_confidence",
    "title",
    "title_source",
    "dateline",
    "paragraph_count",
    "word_count",
    "character_count",
    "quotation_count",
    "seed_path",
    "seed_sha256",
    "seed_bytes",
    "converter",
    "normalisations",
    "schema_version",
    "text",
)
PARAGRAPH_COLUMNS: tuple[str, ...] = ("document_id", "n", "line", "text")
QUOTATION_COLUMNS: tuple[str, ...] = (
    "document_id",
    "id",
    "type",
    "kind",
    "marks",
    "start_paragraph",
    "start_offset",
    "end_paragraph",
    "end_offset",
    "depth",
    "parent",
    "prev",
    "speaker_name",
    "speaker_mention",
    "speaker_ref",
    "text",
)
PERSON_COLUMNS: tuple[str, ...] = ("document_id", "id", "name", "mentions")

NORMALISATION_SEPARATOR = ";"
PARAGRAPH_SEPARATOR = "\n\n"

# Data Package v2 (https://datapackage.org/); frictionless 5 reads it offline.
_PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
_DIALECT: dict[str, Any] = {
    "delimiter": ",",
    "doubleQuote": True,
    "header": True,
    "lineTerminator": "\n",
    "quoteChar": '"',
    "skipInitialSpace": False,
}
_NEEDS_QUOTES = re.compile(r'[,"\r\n]|^\s|\s$')
_INTEGER = re.compile(r"[0-9]+")
# A confidence as Python writes a float (no sign, no nan, no inf).
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?(?:e-?[0-9]+)?")
_PACKAGE_NAME_JUNK = re.compile(r"[^a-z0-9._-]+")
_LICENCE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+-]*")
# The csv module refuses fields longer than 131,072 characters by default; a document's
# full text can be longer (a seed may have up to max_seed_bytes). 2**31 - 1 fits a C long
# everywhere. The limit is process-wide, so it is only ever raised.
_FIELD_SIZE_LIMIT = 2**31 - 1


class CsvReadError(ReadError):
    """A CSV export cannot be read back: which file, which line, what is wrong."""


# --- writing ---------------------------------------------------------------------------


def _field(value: str) -> str:
    """One CSV field, quoted (quotes doubled) when plain text would not survive."""
    if _NEEDS_QUOTES.search(value):
        return '"' + value.replace('"', '""') + '"'
    return value


def _row(values: Sequence[str | int]) -> str:
    """One CSV record with its LF terminator."""
    return ",".join(_field(v) if isinstance(v, str) else str(v) for v in values) + "\n"


def document_row(doc: Document) -> tuple[str | int, ...]:
    """The documents.csv values of ``doc``, in ``DOCUMENT_COLUMNS`` order."""
    prov = doc.provenance
    for item in prov.normalisations:
        if not item or NORMALISATION_SEPARATOR in item:
            # The vocabulary of the schema never does this; the list would not read back.
            raise ValueError(f"{doc.id}: normalisation {item!r} cannot be written to CSV")
    return (
        doc.id,
        doc.seq,
        doc.hash,
        doc.date,
        doc.lang,
        doc.lang_source,
        "" if doc.lang_confidence is None else str(doc.lang_confidence),
        doc.title,
        doc.title_source,
        _optional(doc.dateline),
        doc.stats.paragraphs,
        doc.stats.words,
        doc.stats.characters,
        doc.stats.quotations,
        prov.seed_path,
        prov.seed_sha256,
        prov.seed_bytes,
        prov.converter,
        NORMALISATION_SEPARATOR.join(prov.normalisations),
        doc.schema_version,
        PARAGRAPH_SEPARATOR.join(p.text for p in doc.paragraphs),
    )


def _optional(value: str | None) -> str:
    """A cell that may be null: empty (the tables never hold an empty string there)."""
    return "" if value is None else value


def quotation_row(doc_id: str, q: Quotation) -> tuple[str | int, ...]:
    """The quotations.csv values of one quotation, in ``QUOTATION_COLUMNS`` order."""
    speaker = q.speaker
    return (
        doc_id,
        q.id,
        q.type,
        q.kind,
        _optional(q.marks),
        q.start.paragraph,
        q.start.offset,
        q.end.paragraph,
        q.end.offset,
        q.depth,
        _optional(q.parent),
        _optional(q.prev),
        "" if speaker is None else speaker.name,
        "" if speaker is None else speaker.mention,
        "" if speaker is None else _optional(speaker.ref),
        q.text,
    )


def person_row(doc_id: str, person: Person) -> tuple[str | int, ...]:
    """The persons.csv values of one person, in ``PERSON_COLUMNS`` order."""
    mentions = json.dumps(list(person.mentions), ensure_ascii=False, separators=(",", ":"))
    return (doc_id, person.id, person.name, mentions)


def render_rows(doc: Document) -> tuple[bytes, bytes, bytes, bytes]:
    """The document's row and the rows of its paragraphs, quotations and persons,
    encoded (pure, for worker processes)."""
    paragraphs = "".join(_row((doc.id, p.n, p.line, p.text)) for p in doc.paragraphs)
    quotations = "".join(_row(quotation_row(doc.id, q)) for q in doc.quotations)
    persons = "".join(_row(person_row(doc.id, p)) for p in doc.persons)
    return (
        _row(document_row(doc)).encode("utf-8"),
        paragraphs.encode("utf-8"),
        quotations.encode("utf-8"),
        persons.encode("utf-8"),
    )


class CsvSink:
    """Streams rows into the four tables; writes the package last."""

    def __init__(self, out_dir: Path, config: Config, staging: Staging) -> None:
        self._config = config
        self._documents = staging.open(out_dir / DOCUMENTS)
        self._paragraphs = staging.open(out_dir / PARAGRAPHS)
        self._quotations = staging.open(out_dir / QUOTATIONS)
        self._persons = staging.open(out_dir / PERSONS)
        self._package = staging.open(out_dir / PACKAGE)
        self._documents.write_text(_row(DOCUMENT_COLUMNS))
        self._paragraphs.write_text(_row(PARAGRAPH_COLUMNS))
        self._quotations.write_text(_row(QUOTATION_COLUMNS))
        self._persons.write_text(_row(PERSON_COLUMNS))

    def add(self, doc_id: str, fragment: tuple[bytes, bytes, bytes, bytes]) -> None:
        """Write the document's row and those of its parts (``render_rows``)."""
        document, paragraphs, quotations, persons = fragment
        self._documents.write(document)
        self._paragraphs.write(paragraphs)
        self._quotations.write(quotations)
        self._persons.write(persons)

    def close(self) -> None:
        """Describe the finished tables (sizes and hashes included) in datapackage.json."""
        descriptor = package_descriptor(
            self._config, self._documents, self._paragraphs, self._quotations, self._persons
        )
        self._package.write_text(
            json.dumps(descriptor, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
        )


# --- the data package ------------------------------------------------------------------


def _string(name: str, title: str, description: str, **extra: Any) -> dict[str, Any]:
    return {"name": name, "type": "string", "title": title, "description": description, **extra}


def _integer(name: str, title: str, description: str, minimum: int) -> dict[str, Any]:
    return {
        "name": name,
        "type": "integer",
        "title": title,
        "description": description,
        "constraints": {"required": True, "minimum": minimum},
    }


_REQUIRED: dict[str, Any] = {"required": True}

_DOCUMENT_FIELDS: list[dict[str, Any]] = [
    _string(
        "id",
        "Document id",
        "The seed file name without .txt: sequence number, underscore, 16 hex digits.",
        constraints={"required": True, "unique": True, "pattern": "[0-9]{3,}_[0-9a-f]{16}"},
    ),
    _integer("seq", "Sequence number", "The sequence number from the file name.", 0),
    _string(
        "hash",
        "Hash part",
        "The 16 lowercase hex digits from the file name.",
        constraints={"required": True, "pattern": "[0-9a-f]{16}"},
    ),
    {
        "name": "date",
        "type": "date",
        "title": "Publication date",
        "description": "The date from the seed header (ISO 8601 calendar date).",
        "constraints": _REQUIRED,
    },
    _string(
        "lang",
        "Language",
        "BCP 47 language tag of the text, or und where it could not be determined.",
        constraints=_REQUIRED,
    ),
    _string(
        "lang_source",
        "How the language was chosen",
        "detected (automatic language identification), override (given for the run), default (corpus metadata, as identification failed) or undetermined.",
        constraints={
            "required": True,
            "enum": ["detected", "override", "default", "undetermined"],
        },
    ),
    {
        "name": "lang_confidence",
        "type": "number",
        "title": "Language confidence",
        "description": "Confidence of automatic language identification in its best language, 0 to 1, rounded to two decimals; empty where no identification was made.",
        "constraints": {"minimum": 0, "maximum": 1},
        "missingValues": [""],
    },
    _string(
        "title",
        "Title",
        "A title derived from the lead paragraph (see title_source); seeds carry none.",
        constraints=_REQUIRED,
    ),
    _string(
        "title_source",
        "How the title was chosen",
        "first-sentence (of the lead), after-dateline (the first sentence after the dateline), or either with -truncated when cut at a word boundary and ended with an ellipsis.",
        constraints={
            "required": True,
            "enum": [
                "first-sentence",
                "first-sentence-truncated",
                "after-dateline",
                "after-dateline-truncated",
            ],
        },
    ),
    _string(
        "dateline",
        "Dateline",
        "The dateline that opens the lead, as written (it stays in the text); empty where there is none.",
        missingValues=[""],
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
        "Number of quotations (rows in quotations.csv) of every type.",
        0,
    ),
    _string(
        "seed_path",
        "Seed path",
        "POSIX path of the seed file relative to the corpus root.",
        constraints=_REQUIRED,
    ),
    _string(
        "seed_sha256",
        "Seed SHA-256",
        "SHA-256 of the exact seed bytes, lowercase hex.",
        constraints={"required": True, "pattern": "[0-9a-f]{64}"},
    ),
    _integer("seed_bytes", "Seed size", "Size of the seed file in bytes.", 1),
    _string(
        "converter",
        "Converter",
        "Name and version of the program that made the document.",
        constraints=_REQUIRED,
    ),
    _string(
        "normalisations",
        "Normalisations",
        "What the reader changed to make the text canonical, separated by ';' (bom, crlf, cr, nfc, tab, trailing-space, blank-lines, line-join, leading-space); empty when nothing was changed.",
    ),
    _string(
        "schema_version",
        "Schema version",
        "Version of the canonical document schema.",
        constraints=_REQUIRED,
    ),
    _string(
        "text",
        "Full text",
        "All paragraph texts in order, separated by a blank line (two line feeds).",
        constraints=_REQUIRED,
    ),
]

_PARAGRAPH_FIELDS: list[dict[str, Any]] = [
    _string(
        "document_id",
        "Document id",
        "The id of the document (documents.id) the paragraph belongs to.",
        constraints=_REQUIRED,
    ),
    _integer("n", "Paragraph number", "1-based position of the paragraph in its document.", 1),
    _integer("line", "Seed line", "1-based line of the seed file where the paragraph starts.", 1),
    _string(
        "text",
        "Text",
        "The paragraph text: NFC, no line breaks, no leading or trailing white space.",
        constraints=_REQUIRED,
    ),
]


_QUOTATION_ID = "q[1-9][0-9]*"
_PERSON_ID = "person[1-9][0-9]*"

_QUOTATION_FIELDS: list[dict[str, Any]] = [
    _string(
        "document_id",
        "Document id",
        "The id of the document (documents.id) the quotation belongs to.",
        constraints=_REQUIRED,
    ),
    _string(
        "id",
        "Quotation id",
        "q and a 1-based number, unique within the document, in order of the start.",
        constraints={"required": True, "pattern": _QUOTATION_ID},
    ),
    _string(
        "type",
        "Type",
        "speech (words attributed to a person or body), title (of a work or publication), name (of an organisation, company, place or the like) or term (scare quotes, a word mentioned rather than attributed).",
        constraints={"required": True, "enum": ["speech", "title", "name", "term"]},
    ),
    _string(
        "kind",
        "Kind",
        "How it is set off: quote (between quotation marks) or dialogue (a dash-introduced line).",
        constraints={"required": True, "enum": ["quote", "dialogue"]},
    ),
    _string(
        "marks",
        "Quotation marks",
        "The opening and closing mark of a quote; empty for dialogue.",
        constraints={"minLength": 2, "maxLength": 2},
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
        constraints={"pattern": _QUOTATION_ID},
    ),
    _string(
        "prev",
        "Previous part",
        "Id of the quotation this one continues after an interruption (same speaker); empty when none.",
        constraints={"pattern": _QUOTATION_ID},
    ),
    _string(
        "speaker_name",
        "Speaker",
        "The speaker of a speech part, found by automatic attribution: the most specific name the article gives; empty when unattributed or not speech.",
    ),
    _string(
        "speaker_mention",
        "Speaker mention",
        "The words of the attribution nearest the quotation, as written; empty when there is no speaker.",
    ),
    _string(
        "speaker_ref",
        "Speaker person",
        "Id of the speaker in persons.csv (persons.id of the same document); empty when the speaker is in no person entry.",
        constraints={"pattern": _PERSON_ID},
    ),
    _string(
        "text",
        "Text",
        "The quoted text, marks or dash included; parts in different paragraphs joined by a line feed.",
        constraints=_REQUIRED,
    ),
]

_PERSON_FIELDS: list[dict[str, Any]] = [
    _string(
        "document_id",
        "Document id",
        "The id of the document (documents.id) that quotes the person.",
        constraints=_REQUIRED,
    ),
    _string(
        "id",
        "Person id",
        "person and a 1-based number, unique within the document.",
        constraints={"required": True, "pattern": _PERSON_ID},
    ),
    _string(
        "name",
        "Name",
        "The most specific name the article gives for the person or body.",
        constraints=_REQUIRED,
    ),
    {
        "name": "mentions",
        "type": "array",
        "title": "Mentions",
        "description": "The strings the article uses for the person, as a JSON array of strings.",
        "constraints": {"required": True, "minLength": 1},
    },
]


def _resource(
    name: str, title: str, description: str, staged: StagedFile, schema: dict[str, Any]
) -> dict[str, Any]:
    return {
        "name": name,
        "type": "table",
        "path": staged.target.name,
        "title": title,
        "description": description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": staged.size,
        "hash": f"sha256:{staged.sha256}",
        # Declared in full so that readers never guess (frictionless sniffs otherwise).
        "dialect": dict(_DIALECT),
        "schema": schema,
    }


def _licences(config: Config) -> list[dict[str, str]]:
    licence = config.licence.strip()
    if licence == "unknown" and not config.licence_url:
        return []
    entry: dict[str, str] = {"title": licence}
    # "CC BY 4.0" -> "CC-BY-4.0": the name is meant to be an SPDX-style identifier.
    name = re.sub(r"\s+", "-", licence)
    if _LICENCE_ID.fullmatch(name):
        entry["name"] = name
    if config.licence_url:
        entry["path"] = config.licence_url
    return [entry] if "name" in entry or "path" in entry else []


def package_name(idno: str) -> str:
    """A Data Package name (lowercase letters, digits, '.', '_', '-') from the corpus idno."""
    return _PACKAGE_NAME_JUNK.sub("-", idno.lower()).strip("-._") or "corpus"


def _belongs_to_document() -> dict[str, Any]:
    return {"fields": ["document_id"], "reference": {"resource": "documents", "fields": ["id"]}}


def package_descriptor(
    config: Config,
    documents: StagedFile,
    paragraphs: StagedFile,
    quotations: StagedFile,
    persons: StagedFile,
) -> dict[str, Any]:
    """The datapackage.json content for the four finished staged tables."""
    descriptor: dict[str, Any] = {
        "$schema": _PACKAGE_PROFILE,
        "name": package_name(config.idno),
        "id": config.idno,
        "title": config.title,
        "description": "Press articles of the corpus: one row per document in documents.csv, one row per paragraph in paragraphs.csv, one row per quotation (part) in quotations.csv, one row per quoted person in persons.csv.",
        "contributors": [{"title": config.publisher, "roles": ["publisher"]}],
        "resources": [
            _resource(
                "documents",
                "Documents",
                "One row per document: metadata, counts, provenance and the full text.",
                documents,
                {
                    "fields": _DOCUMENT_FIELDS,
                    # Every field has a value; an empty cell is an empty string.
                    "missingValues": [],
                    "primaryKey": ["id"],
                },
            ),
            _resource(
                "paragraphs",
                "Paragraphs",
                "One row per paragraph, in document order.",
                paragraphs,
                {
                    "fields": _PARAGRAPH_FIELDS,
                    "missingValues": [],
                    "primaryKey": ["document_id", "n"],
                    "foreignKeys": [_belongs_to_document()],
                },
            ),
            _resource(
                "quotations",
                "Quotations",
                "One row per quotation (part), in document order: span, type, speaker and text.",
                quotations,
                {
                    "fields": _QUOTATION_FIELDS,
                    # An empty cell is a null: no value here is ever an empty string.
                    "missingValues": [""],
                    "primaryKey": ["document_id", "id"],
                    "foreignKeys": [
                        _belongs_to_document(),
                        {
                            "fields": ["document_id", "start_paragraph"],
                            "reference": {"resource": "paragraphs", "fields": ["document_id", "n"]},
                        },
                    ],
                },
            ),
            _resource(
                "persons",
                "Persons",
                "One row per person (or body) a document quotes, in document order.",
                persons,
                {
                    "fields": _PERSON_FIELDS,
                    "missingValues": [],
                    "primaryKey": ["document_id", "id"],
                    "foreignKeys": [_belongs_to_document()],
                },
            ),
        ],
    }
    licences = _licences(config)
    if licences:
        descriptor["licenses"] = licences
    return descriptor


class CsvExporter:
    """``documents.csv``, ``paragraphs.csv`` and ``datapackage.json``."""

    name = "csv"
    description = (
        "documents.csv, paragraphs.csv, quotations.csv and persons.csv (RFC 4180) with a "
        "Frictionless datapackage.json"
    )

    def open(self, out_dir: Path, config: Config, staging: Staging) -> CsvSink:
        """Start the four tables."""
        return CsvSink(out_dir, config, staging)

    def render(self, doc: Document, config: Config) -> tuple[bytes, bytes, bytes, bytes]:
        """The document's rows (see ``render_rows``)."""
        return render_rows(doc)

    subfolders: tuple[str, ...] = ()

    def owns(self, rel_path: str) -> bool:
        """The four tables and their package descriptor."""
        return rel_path in (DOCUMENTS, PARAGRAPHS, QUOTATIONS, PERSONS, PACKAGE)

    def read(self, path: Path) -> Iterator[Document]:
        """The documents of the CSV export in folder ``path`` (or beside its file)."""
        return read_csv_export(path if path.is_dir() else path.parent)

    def document_of(self, rel_path: str) -> str | None:
        """Every file of this format holds the whole corpus."""
        return None

    def judge(self, doc_id: str, fragment: Any, settings: CheckSettings) -> dict[str, str]:
        """Nothing to judge per document."""
        return {}

    def check(
        self, out_dir: Path, files: Mapping[str, str], settings: CheckSettings
    ) -> list[Diagnostic]:
        """Nothing beyond freshness: the tables are exactly what the renderer writes."""
        return []


EXPORTER = CsvExporter()


# --- reading back ----------------------------------------------------------------------


class _Table:
    """Records of one CSV file with the line each starts on, checked against a header."""

    def __init__(self, path: Path, handle: IO[str], columns: tuple[str, ...]) -> None:
        self.path = path
        self._columns = columns
        self._reader = csv.reader(handle, strict=True)
        header = self._next()
        if header is None:
            raise CsvReadError(path, 1, "the file is empty; expected a header row")
        self._check_header(header[1])

    def _next(self) -> tuple[int, list[str]] | None:
        start = self._reader.line_num + 1
        try:
            record = next(self._reader)
        except StopIteration:
            return None
        except csv.Error as exc:
            raise CsvReadError(self.path, self._reader.line_num, f"malformed CSV: {exc}") from exc
        except UnicodeDecodeError as exc:
            raise CsvReadError(self.path, None, f"not valid UTF-8: {exc}") from exc
        return start, record

    def _check_header(self, header: list[str]) -> None:
        if tuple(header) == self._columns:
            return
        expected = ",".join(self._columns)
        if header and header[0].startswith("\ufeff"):
            why = "the file starts with a byte order mark; save it as UTF-8 without BOM"
        else:
            missing = [c for c in self._columns if c not in header]
            extra = [c for c in header if c not in self._columns]
            parts = []
            if missing:
                parts.append(
                    "missing column" + ("s " if len(missing) > 1 else " ") + ", ".join(missing)
                )
            if extra:
                parts.append(
                    "unexpected column" + ("s " if len(extra) > 1 else " ") + ", ".join(extra)
                )
            why = "; ".join(parts) or "the columns are not in the expected order"
        raise CsvReadError(self.path, 1, f"wrong header: {why}; expected {expected}")

    def next(self) -> tuple[int, dict[str, str]] | None:
        """The next record as (line, column -> value), or None at the end."""
        got = self._next()
        if got is None:
            return None
        line, record = got
        if len(record) != len(self._columns):
            raise CsvReadError(
                self.path,
                line,
                f"the row has {len(record)} fields; the header has {len(self._columns)}",
            )
        return line, dict(zip(self._columns, record, strict=True))

    def integer(self, line: int, row: dict[str, str], column: str) -> int:
        """An integer cell, or a ``CsvReadError`` naming the column."""
        value = row[column]
        if not _INTEGER.fullmatch(value):
            raise CsvReadError(
                self.path, line, f"column {column}: {value[:40]!r} is not a non-negative integer"
            )
        return int(value)


def _open(path: Path) -> IO[str]:
    try:
        # newline="" hands CR and LF inside quoted fields to the csv reader unchanged.
        return path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise CsvReadError(path, None, f"cannot read: {exc.strerror or exc}") from exc


def read_csv_export(folder: Path) -> Iterator[Document]:
    """Read the tables under ``folder`` back into documents.

    The files are read together, one document at a time; the rows of each document in
    paragraphs.csv, quotations.csv and persons.csv must follow those of the previous
    one, as the exporter writes them. Raises ``CsvReadError`` when the files are not a
    CSV export.
    """
    if csv.field_size_limit() < _FIELD_SIZE_LIMIT:
        csv.field_size_limit(_FIELD_SIZE_LIMIT)
    with contextlib.ExitStack() as stack:
        with settled(folder):  # every file opened from one export, never a mix
            doc_file = stack.enter_context(_open(folder / DOCUMENTS))
            para_file = stack.enter_context(_open(folder / PARAGRAPHS))
            quote_file = stack.enter_context(_open(folder / QUOTATIONS))
            person_file = stack.enter_context(_open(folder / PERSONS))
        docs = _Table(folder / DOCUMENTS, doc_file, DOCUMENT_COLUMNS)
        paras = _Table(folder / PARAGRAPHS, para_file, PARAGRAPH_COLUMNS)
        quotes = _Rows(_Table(folder / QUOTATIONS, quote_file, QUOTATION_COLUMNS))
        people = _Rows(_Table(folder / PERSONS, person_file, PERSON_COLUMNS))
        pending = paras.next()
        while (got := docs.next()) is not None:
            line, row = got
            doc_id = row["id"]
            paragraphs: list[Paragraph] = []
            while pending is not None and pending[1]["document_id"] == doc_id:
                pline, prow = pending
                n = paras.integer(pline, prow, "n")
                if n != len(paragraphs) + 1:
                    raise CsvReadError(
                        paras.path,
                        pline,
                        f"paragraph {n} of document {doc_id!r} where paragraph {len(paragraphs) + 1} was expected",
                    )
                paragraphs.append(Paragraph(n, paras.integer(pline, prow, "line"), prow["text"]))
                pending = paras.next()
            if not paragraphs:
                if pending is None:
                    raise CsvReadError(
                        docs.path, line, f"document {doc_id!r} has no rows in {PARAGRAPHS}"
                    )
                raise CsvReadError(
                    paras.path,
                    pending[0],
                    f"paragraph row for document {pending[1]['document_id']!r} where those of "
                    f"{doc_id!r} ({DOCUMENTS} line {line}) were expected: "
                    "an unknown document, or rows out of order",
                )
            quotations = [
                _quotation(quotes.table, at, r, paragraphs) for at, r in quotes.of(doc_id)
            ]
            persons = [_person(people.table, at, r) for at, r in people.of(doc_id)]
            doc = _document(docs, line, row, paragraphs, quotations, persons)
            # What comes back must be a canonical document, however the file was edited.
            problem = check_document(doc.to_dict())
            if problem is not None:
                raise CsvReadError(
                    docs.path, line, f"not a valid document: {problem.pointer}: {problem.message}"
                )
            yield doc
        if pending is not None:
            raise CsvReadError(
                paras.path,
                pending[0],
                f"paragraph row for unknown document {pending[1]['document_id']!r} "
                f"(not in {DOCUMENTS}, or out of order)",
            )
        quotes.finish()
        people.finish()


class _Rows:
    """The rows of a table of document parts (quotations, persons), document by document."""

    def __init__(self, table: _Table) -> None:
        self.table = table
        self._pending = table.next()

    def of(self, doc_id: str) -> Iterator[tuple[int, dict[str, str]]]:
        """The rows of document ``doc_id`` at the head of the table (none: no rows)."""
        while self._pending is not None and self._pending[1]["document_id"] == doc_id:
            yield self._pending
            self._pending = self.table.next()

    def finish(self) -> None:
        """Refuse rows left over: of an unknown document, or out of order."""
        if self._pending is not None:
            line, row = self._pending
            raise CsvReadError(
                self.table.path,
                line,
                f"row for unknown document {row['document_id']!r} "
                f"(not in {DOCUMENTS}, or out of order)",
            )


def _nullable(value: str) -> str | None:
    return value or None


def _span(paragraphs: list[Paragraph], start: Position, end: Position) -> str | None:
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


def _quotation(
    table: _Table, line: int, row: dict[str, str], paragraphs: list[Paragraph]
) -> Quotation:
    """A quotation from its quotations.csv row; its text must be its span's."""
    start = Position(
        table.integer(line, row, "start_paragraph"), table.integer(line, row, "start_offset")
    )
    end = Position(
        table.integer(line, row, "end_paragraph"), table.integer(line, row, "end_offset")
    )
    span = _span(paragraphs, start, end)
    if span is None:
        raise CsvReadError(table.path, line, f"quotation {row['id']!r} lies outside the text")
    if span != row["text"]:
        raise CsvReadError(
            table.path, line, f"column text differs from the span of quotation {row['id']!r}"
        )
    speaker = None
    if row["speaker_name"] or row["speaker_mention"] or row["speaker_ref"]:
        speaker = Speaker(
            row["speaker_name"], row["speaker_mention"], _nullable(row["speaker_ref"])
        )
    return Quotation(
        id=row["id"],
        kind=row["kind"],
        start=start,
        end=end,
        text=row["text"],
        depth=table.integer(line, row, "depth"),
        marks=_nullable(row["marks"]),
        parent=_nullable(row["parent"]),
        prev=_nullable(row["prev"]),
        type=row["type"],
        speaker=speaker,
    )


def _person(table: _Table, line: int, row: dict[str, str]) -> Person:
    """A person from its persons.csv row (the mentions a JSON array of strings)."""
    try:
        mentions = json.loads(row["mentions"])
    except ValueError:
        mentions = None
    if not isinstance(mentions, list) or not all(isinstance(m, str) for m in mentions):
        raise CsvReadError(table.path, line, "column mentions is not a JSON array of strings")
    return Person(row["id"], row["name"], tuple(mentions))


def _document(
    table: _Table,
    line: int,
    row: dict[str, str],
    paragraphs: list[Paragraph],
    quotations: list[Quotation],
    persons: list[Person],
) -> Document:
    """A document from its documents.csv row and its parts; counts cross-checked."""
    texts = [p.text for p in paragraphs]
    stats = Stats(
        paragraphs=table.integer(line, row, "paragraph_count"),
        words=table.integer(line, row, "word_count"),
        characters=table.integer(line, row, "character_count"),
        quotations=table.integer(line, row, "quotation_count"),
    )
    checks = (
        ("paragraph_count", stats.paragraphs, len(paragraphs), f"rows in {PARAGRAPHS}"),
        ("character_count", stats.characters, sum(len(t) for t in texts), "characters"),
        ("quotation_count", stats.quotations, len(quotations), f"rows in {QUOTATIONS}"),
    )
    for column, claimed, actual, what in checks:
        if claimed != actual:
            raise CsvReadError(
                table.path, line, f"column {column} says {claimed}, but there are {actual} {what}"
            )
    if row["text"] != PARAGRAPH_SEPARATOR.join(texts):
        raise CsvReadError(
            table.path, line, f"column text differs from the paragraphs in {PARAGRAPHS}"
        )
    confidence = row["lang_confidence"]
    if confidence and not _NUMBER.fullmatch(confidence):
        raise CsvReadError(
            table.path, line, f"column lang_confidence: {confidence[:40]!r} is not a number"
        )
    normalisations = row["normalisations"]
    return Document(
        id=row["id"],
        seq=table.integer(line, row, "seq"),
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
            seed_bytes=table.integer(line, row, "seed_bytes"),
            converter=row["converter"],
            normalisations=(
                tuple(normalisations.split(NORMALISATION_SEPARATOR)) if normalisations else ()
            ),
        ),
        schema_version=row["schema_version"],
        persons=tuple(persons),
        lang_confidence=float(confidence) if confidence else None,
        dateline=_nullable(row["dateline"]),
    )
