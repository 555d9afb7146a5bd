"""CSV export: one RFC 4180 table per table of ``exporters.csv_tables`` (documents.csv,
paragraphs.csv, quotations.csv, persons.csv, document_facts.csv, quotation_facts.csv),
and the run's dataset card and Data Package.

Every table is UTF-8 without a byte order mark, LF line ends, a header row, a fixed
column order, and no empty cell: the optional columns of the shared tables are rows of
the facts tables (see ``exporters.csv_tables``). A field is quoted when it holds a
comma, a double quote, a CR or an LF (RFC 4180 minimal quoting), and also when it
starts or ends with white space, so that readers which trim unquoted fields still get
it back unchanged. Quotes inside a quoted field are doubled; booleans are ``true`` and
``false``; an array of strings is a JSON array. Rows are written as the documents
arrive, so memory stays flat however large the corpus.

``documents.csv`` holds no text: ``paragraphs.csv`` does, one paragraph per row, so no
field is longer than a paragraph (``max_paragraph_chars``, 50,000 by default) and
Python's ``csv`` module reads every table with its default field size limit (131,072).
Quotation texts that run over paragraphs hold line feeds: those fields are quoted.

The CSV sink closes last (``closes_last``): it writes the dataset card ``README.md``
and then ``datapackage.json``, which describe every file of the run in every format.

The export is lossless: ``read_csv_export`` reads the tables back into documents equal
to the originals.
"""

from __future__ import annotations

import contextlib
import csv
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from corpus_tools.config import Config
from corpus_tools.errors import ReadError
from corpus_tools.exporters.card import CARD, card_resource, render_card
from corpus_tools.exporters.csv_tables import (
    CSV_TABLES,
    DOCUMENT_FACTS,
    FILES,
    QUOTATION_FACTS,
    csv_table,
    widen,
)
from corpus_tools.exporters.datapackage import (
    PACKAGE,
    Facts,
    Written,
    describe_generic,
    package_descriptor,
    package_name,
    table_resource,
    write_json,
)
from corpus_tools.exporters.tables import (
    DOCUMENTS as SHARED_DOCUMENTS,
)
from corpus_tools.exporters.tables import (
    QUOTATIONS as SHARED_QUOTATIONS,
)
from corpus_tools.exporters.tables import (
    Located,
    Table,
    TableError,
    Value,
    assemble,
    mentions_cell,
    mentions_of_cell,
)
from corpus_tools.io import StagedFile, Staging
from corpus_tools.journal import settled
from corpus_tools.model import Document

if TYPE_CHECKING:
    from corpus_tools.diagnostics import Diagnostic
    from corpus_tools.exporters import CheckSettings

DOCUMENTS = FILES["documents"]
PARAGRAPHS = FILES["paragraphs"]
QUOTATIONS = FILES["quotations"]
PERSONS = FILES["persons"]
DOCUMENT_FACTS_FILE = FILES[DOCUMENT_FACTS.name]
QUOTATION_FACTS_FILE = FILES[QUOTATION_FACTS.name]
DOCUMENT_COLUMNS: tuple[str, ...] = csv_table("documents").names
PARAGRAPH_COLUMNS: tuple[str, ...] = csv_table("paragraphs").names
QUOTATION_COLUMNS: tuple[str, ...] = csv_table("quotations").names
PERSON_COLUMNS: tuple[str, ...] = csv_table("persons").names
DOCUMENT_FACT_COLUMNS: tuple[str, ...] = DOCUMENT_FACTS.names
QUOTATION_FACT_COLUMNS: tuple[str, ...] = QUOTATION_FACTS.names

__all__ = [
    "CARD",
    "CSV_TABLES",
    "DOCUMENTS",
    "DOCUMENT_COLUMNS",
    "DOCUMENT_FACTS_FILE",
    "DOCUMENT_FACT_COLUMNS",
    "FILES",
    "PACKAGE",
    "PARAGRAPHS",
    "PARAGRAPH_COLUMNS",
    "PERSONS",
    "PERSON_COLUMNS",
    "QUOTATIONS",
    "QUOTATION_COLUMNS",
    "QUOTATION_FACTS_FILE",
    "QUOTATION_FACT_COLUMNS",
    "CsvReadError",
    "package_name",
    "read_csv_export",
    "render_rows",
]

_DIALECT: dict[str, Any] = {
    "delimiter": ",",
    "doubleQuote": True,
    "header": True,
    "lineTerminator": "\n",
    "quoteChar": '"',
    "skipInitialSpace": False,
}
# A field is quoted when it holds a delimiter, a quote or a line break, or starts or
# ends with white space (which some readers strip). str.isspace is the \s of re.
_NEEDS_QUOTES = re.compile(r'[,"\r\n]')
_INTEGER = re.compile(r"[0-9]+")
# A number as Python writes a float (no sign, no nan, no inf).
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?(?:e-?[0-9]+)?")
_BOOLEANS = {"true": True, "false": False}
# The csv module refuses fields longer than 131,072 characters by default; a paragraph
# may be longer where corpus.toml raises max_paragraph_chars. 2**31 - 1 fits a C long
# everywhere. The limit is process-wide, so it is only ever raised.
_FIELD_SIZE_LIMIT = 2**31 - 1


class CsvReadError(ReadError):
    """A CSV export cannot be read back: which file, which line, what is wrong."""


# --- writing ---------------------------------------------------------------------------


def _text_field(value: str) -> str:
    """One CSV field, quoted (quotes doubled) when plain text would not survive."""
    if _NEEDS_QUOTES.search(value) or value[:1].isspace() or value[-1:].isspace():
        return '"' + value.replace('"', '""') + '"'
    return value


def _cell(value: Value) -> str:
    """A value as the text of its cell, before any quoting."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return mentions_cell(value)


# In a record joined without quoting: a character that needs quotes, or white space at
# the edge of a cell. When it finds none and the commas are only the separators, no
# cell needed quotes.
_RECORD_NEEDS_QUOTES = re.compile(r'["\r\n]|(?:^|,)\s|\s(?:,|$)')


def _row(values: Sequence[Value]) -> str:
    """One CSV record with its LF terminator."""
    # Most records need no quotes: one search of the joined record instead of one per
    # cell (this runs for every record of the corpus).
    cells = [v if type(v) is str else _cell(v) for v in values]
    record = ",".join(cells)
    if record.count(",") == len(cells) - 1 and _RECORD_NEEDS_QUOTES.search(record) is None:
        return record + "\n"
    return ",".join([_text_field(c) for c in cells]) + "\n"


def render_table(table: Table, doc: Document) -> bytes:
    """The rows of ``doc`` in ``table``, encoded."""
    return "".join(_row(r) for r in table.rows(doc)).encode("utf-8")


def render_rows(doc: Document) -> tuple[tuple[bytes, ...], tuple[str, str, int]]:
    """The document's rows in every table, encoded, and what the Data Package counts
    (date, language, paragraphs): pure, for worker processes."""
    rows = tuple(render_table(t, doc) for t in CSV_TABLES)
    return rows, (doc.date, doc.lang, len(doc.paragraphs))


class CsvSink:
    """Streams rows into one CSV file per table; closes last, writing the dataset card
    and the Data Package of every file the run wrote."""

    closes_last = True

    def __init__(self, out_dir: Path, config: Config, staging: Staging) -> None:
        self._out_dir = out_dir
        self._config = config
        self._staging = staging
        self._facts = Facts()
        self._tables: list[StagedFile] = []
        for t in CSV_TABLES:
            staged = staging.open(out_dir / FILES[t.name])
            staged.write_text(_row(t.names))
            self._tables.append(staged)

    def add(self, doc_id: str, fragment: tuple[tuple[bytes, ...], tuple[str, str, int]]) -> None:
        """Write the document's rows (``render_rows``)."""
        rows, facts = fragment
        for staged, data in zip(self._tables, rows, strict=True):
            staged.write(data)
        self._facts.add(*facts)

    def close(self) -> None:
        """Write README.md, then datapackage.json (every other file is final by now)."""
        for staged in self._tables:
            staged.close()
        staging, out_dir = self._staging, self._out_dir
        written = Written(out_dir, staging.records(out_dir), staging.chains)
        staging.put_bytes(out_dir / CARD, render_card(self._config, written, self._facts))
        written = Written(out_dir, staging.records(out_dir), staging.chains)
        descriptor = package_descriptor(self._config, describe_all(written), self._facts)
        # Written as it is made: it lists every file of a sub-folder (a file per document).
        package = staging.open(out_dir / PACKAGE)
        write_json(descriptor, package.write)
        package.close()


def describe_all(written: Written) -> list[dict[str, Any]]:
    """The Data Package resources of every file in ``written``: each format's files as
    it describes them (or generically), in format order."""
    from corpus_tools.exporters import EXPORTERS

    resources: list[dict[str, Any]] = []
    for name in EXPORTERS:
        exporter = EXPORTERS[name]
        if not written.has(exporter):
            continue
        describe = getattr(exporter, "describe", None)
        resources.extend(describe(written) if describe else describe_generic(exporter, written))
    return resources


class CsvExporter:
    """The CSV tables, with ``README.md`` and ``datapackage.json``."""

    name = "csv"
    description = (
        "documents.csv, paragraphs.csv, quotations.csv, persons.csv, document_facts.csv "
        "and quotation_facts.csv (RFC 4180, no empty cell), with datapackage.json (a Data "
        "Package of every file exported) and README.md (a dataset card)"
    )

    def open(self, out_dir: Path, config: Config, staging: Staging) -> CsvSink:
        """Start the tables."""
        return CsvSink(out_dir, config, staging)

    def render(
        self, doc: Document, config: Config
    ) -> tuple[tuple[bytes, ...], tuple[str, str, int]]:
        """The document's rows (see ``render_rows``)."""
        return render_rows(doc)

    subfolders: tuple[str, ...] = ()

    def owns(self, rel_path: str) -> bool:
        """The tables, the dataset card and the package descriptor."""
        return rel_path in FILES.values() or rel_path in (PACKAGE, CARD)

    def describe(self, written: Written) -> list[dict[str, Any]]:
        """The tables as tabular resources, with their dialect, and the card."""
        out = [
            table_resource(t.name, FILES[t.name], written, t, dialect=dict(_DIALECT))
            for t in CSV_TABLES
            if FILES[t.name] in written.files
        ]
        if CARD in written.files:
            out.append(card_resource(written))
        return out

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

    def integer(self, line: int, row: Mapping[str, str], column: str) -> int:
        """An integer cell, or a ``CsvReadError`` naming the column."""
        value = row[column]
        if not _INTEGER.fullmatch(value):
            raise CsvReadError(
                self.path, line, f"column {column}: {value[:40]!r} is not a non-negative integer"
            )
        return int(value)

    def typed(self, line: int, row: Mapping[str, str], table: Table) -> dict[str, Any]:
        """The cells of ``row`` as the types of ``table``'s columns say."""
        out: dict[str, Any] = {}
        for column in table.columns:
            value = row[column.name]
            if column.type == "integer":
                out[column.name] = self.integer(line, row, column.name)
            elif column.type == "number":
                if not _NUMBER.fullmatch(value):
                    raise CsvReadError(
                        self.path, line, f"column {column.name}: {value[:40]!r} is not a number"
                    )
                out[column.name] = float(value)
            elif column.type == "boolean":
                if value not in _BOOLEANS:
                    raise CsvReadError(
                        self.path,
                        line,
                        f"column {column.name}: {value[:40]!r} is not true or false",
                    )
                out[column.name] = _BOOLEANS[value]
            elif column.type == "array":
                try:
                    out[column.name] = mentions_of_cell(value)
                except TableError as exc:
                    raise CsvReadError(self.path, line, exc.message) from None
            else:
                out[column.name] = value
        return out

    def rows(self, table: Table) -> Iterator[Located]:
        """Every record, typed, with its line."""
        while (got := self.next()) is not None:
            line, row = got
            yield line, self.typed(line, row, table)


def _open(path: Path) -> IO[str]:
    try:
        # newline="" hands CR and LF inside quoted fields to the csv reader unchanged.
        return path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise CsvReadError(path, None, f"cannot read: {exc.strerror or exc}") from exc


def read_csv_export(folder: Path) -> Iterator[Document]:
    """Read the tables under ``folder`` back into documents.

    The files are read together, one document at a time; the rows of each document in
    every table but documents.csv must follow those of the previous one, and the facts
    of each quotation those of the previous quotation, as the exporter writes them.
    Raises ``CsvReadError`` when the files are not a CSV export.
    """
    if csv.field_size_limit() < _FIELD_SIZE_LIMIT:
        # Paragraphs longer than the default limit exist where corpus.toml allows them.
        csv.field_size_limit(_FIELD_SIZE_LIMIT)
    with contextlib.ExitStack() as stack:
        with settled(folder):  # every file opened from one export, never a mix
            handles = {
                t.name: stack.enter_context(_open(folder / FILES[t.name])) for t in CSV_TABLES
            }
        readers = {
            t.name: _Table(folder / FILES[t.name], handles[t.name], t.names) for t in CSV_TABLES
        }

        def fail(name: str, line: int | None, message: str) -> CsvReadError:
            return CsvReadError(folder / FILES[name], line, message)

        rows = {t.name: readers[t.name].rows(t) for t in CSV_TABLES}
        # The shared tables' rows, their optional columns filled from the facts tables.
        documents = widen(SHARED_DOCUMENTS, rows["documents"], rows[DOCUMENT_FACTS.name], fail)
        parts = {
            "paragraphs": rows["paragraphs"],
            "quotations": widen(
                SHARED_QUOTATIONS, rows["quotations"], rows[QUOTATION_FACTS.name], fail
            ),
            "persons": rows["persons"],
        }
        yield from assemble(documents, parts, FILES, fail)
