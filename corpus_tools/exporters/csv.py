"""CSV export: documents.csv, paragraphs.csv and a Frictionless ``datapackage.json``.

Both tables are RFC 4180 CSV: UTF-8 without a byte order mark, LF line ends, a header
row, a fixed column order. A field is quoted when it holds a comma, a double quote, a
CR or an LF (RFC 4180 minimal quoting), and also when it starts or ends with white
space, so that readers which trim unquoted fields still get it back unchanged. Quotes
inside a quoted field are doubled. Rows are written as the documents arrive, so memory
stays flat however large the corpus.

The export is lossless: ``read_csv_export`` reads the two tables back into documents
equal to the originals. Quotations are not stored; they are derived again from the
paragraph texts by ``find_quotations``, exactly as the converter derived them.
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
from corpus_tools.model import Document, Paragraph, Provenance, Stats
from corpus_tools.quotes import find_quotations
from corpus_tools.schema import check_document

if TYPE_CHECKING:
    from corpus_tools.diagnostics import Diagnostic
    from corpus_tools.exporters import CheckSettings

DOCUMENTS = "documents.csv"
PARAGRAPHS = "paragraphs.csv"
PACKAGE = "datapackage.json"

DOCUMENT_COLUMNS: tuple[str, ...] = (
    "id",
    "seq",
    "hash",
    "date",
    "lang",
    "lang_source",
    "title",
    "title_source",
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
        NORMALISATION_SEPARATOR.join(prov.normalisations),
        doc.schema_version,
        PARAGRAPH_SEPARATOR.join(p.text for p in doc.paragraphs),
    )


def render_rows(doc: Document) -> tuple[bytes, bytes]:
    """The document's row and its paragraphs' rows, encoded (pure, for worker processes)."""
    rows = "".join(_row((doc.id, p.n, p.line, p.text)) for p in doc.paragraphs)
    return _row(document_row(doc)).encode("utf-8"), rows.encode("utf-8")


class CsvSink:
    """Streams rows into documents.csv and paragraphs.csv; writes the package last."""

    def __init__(self, out_dir: Path, config: Config, staging: Staging) -> None:
        self._config = config
        self._documents = staging.open(out_dir / DOCUMENTS)
        self._paragraphs = staging.open(out_dir / PARAGRAPHS)
        self._package = staging.open(out_dir / PACKAGE)
        self._documents.write_text(_row(DOCUMENT_COLUMNS))
        self._paragraphs.write_text(_row(PARAGRAPH_COLUMNS))

    def add(self, doc_id: str, fragment: tuple[bytes, bytes]) -> None:
        """Write the document's row and one row per paragraph (``render_rows``)."""
        document, paragraphs = fragment
        self._documents.write(document)
        self._paragraphs.write(paragraphs)

    def close(self) -> None:
        """Describe the finished tables (sizes and hashes included) in datapackage.json."""
        descriptor = package_descriptor(self._config, self._documents, self._paragraphs)
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
        "detected (offline heuristic), override (given for the run), default (corpus metadata) or undetermined.",
        constraints={
            "required": True,
            "enum": ["detected", "override", "default", "undetermined"],
        },
    ),
    _string(
        "title",
        "Title",
        "A title derived from the lead paragraph (see title_source); seeds carry none.",
        constraints=_REQUIRED,
    ),
    _string(
        "title_source",
        "How the title was chosen",
        "first-sentence, or first-sentence-truncated when cut at a word boundary and ended with an ellipsis.",
        constraints={"required": True, "enum": ["first-sentence", "first-sentence-truncated"]},
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
        "Number of quotations (spans of quoted speech) found in the text.",
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


def package_descriptor(
    config: Config, documents: StagedFile, paragraphs: StagedFile
) -> dict[str, Any]:
    """The datapackage.json content for two finished staged tables."""
    descriptor: dict[str, Any] = {
        "$schema": _PACKAGE_PROFILE,
        "name": package_name(config.idno),
        "id": config.idno,
        "title": config.title,
        "description": "Press articles of the corpus: one row per document in documents.csv, one row per paragraph in paragraphs.csv.",
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
                    "foreignKeys": [
                        {
                            "fields": ["document_id"],
                            "reference": {"resource": "documents", "fields": ["id"]},
                        }
                    ],
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
    description = "documents.csv and paragraphs.csv (RFC 4180) with a Frictionless datapackage.json"

    def open(self, out_dir: Path, config: Config, staging: Staging) -> CsvSink:
        """Start the two tables."""
        return CsvSink(out_dir, config, staging)

    def render(self, doc: Document, config: Config) -> tuple[bytes, bytes]:
        """The document's rows (see ``render_rows``)."""
        return render_rows(doc)

    subfolders: tuple[str, ...] = ()

    def owns(self, rel_path: str) -> bool:
        """The two tables and their package descriptor."""
        return rel_path in (DOCUMENTS, PARAGRAPHS, PACKAGE)

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
    """Read documents.csv and paragraphs.csv under ``folder`` back into documents.

    Both files are read together, one document at a time; the paragraph rows of each
    document must follow those of the previous one, as the exporter writes them.
    Raises ``CsvReadError`` when the files are not a CSV export.
    """
    if csv.field_size_limit() < _FIELD_SIZE_LIMIT:
        csv.field_size_limit(_FIELD_SIZE_LIMIT)
    with contextlib.ExitStack() as stack:
        with settled(folder):  # both files opened from one export, never a mix
            doc_file = stack.enter_context(_open(folder / DOCUMENTS))
            para_file = stack.enter_context(_open(folder / PARAGRAPHS))
        docs = _Table(folder / DOCUMENTS, doc_file, DOCUMENT_COLUMNS)
        paras = _Table(folder / PARAGRAPHS, para_file, PARAGRAPH_COLUMNS)
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
            doc = _document(docs, line, row, paragraphs)
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


def _document(
    table: _Table, line: int, row: dict[str, str], paragraphs: list[Paragraph]
) -> Document:
    """A document from its documents.csv row and its paragraphs; counts cross-checked."""
    texts = [p.text for p in paragraphs]
    quotations, _issues = find_quotations(texts)
    stats = Stats(
        paragraphs=table.integer(line, row, "paragraph_count"),
        words=table.integer(line, row, "word_count"),
        characters=table.integer(line, row, "character_count"),
        quotations=table.integer(line, row, "quotation_count"),
    )
    checks = (
        ("paragraph_count", stats.paragraphs, len(paragraphs), f"rows in {PARAGRAPHS}"),
        ("character_count", stats.characters, sum(len(t) for t in texts), "characters"),
        ("quotation_count", stats.quotations, len(quotations), "quotations in the texts"),
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
    )
