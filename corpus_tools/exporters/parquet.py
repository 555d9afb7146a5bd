"""Parquet export: one file per table of ``exporters.tables`` (documents, paragraphs,
quotations, persons), with an explicit Arrow schema (every column typed and required).

Byte-reproducible: the same rows give the same bytes on every machine. Every writer
setting that shapes the bytes is fixed here rather than left to pyarrow's defaults
(which change between releases): format version 2.6, data page version 1, plain
encoding (no dictionary), no compression, no statistics or page index, a row group
every ``ROW_GROUP_ROWS`` rows and pages of at most ``PAGE_ROWS`` rows. The footer's
``created_by``, which names the pyarrow release, is replaced by this tool's name and
version, and no Arrow schema is embedded in the key-value metadata: Parquet's own
logical types (UTF-8 strings, 64-bit integers, booleans, dates) say what readers need.

Rows are buffered one row group at a time and written as they fill, so memory stays
flat. pyarrow is imported when the format is first used, never by other commands.
"""

from __future__ import annotations

import array
import datetime as dt
import itertools
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corpus_tools._version import __version__
from corpus_tools.config import Config
from corpus_tools.errors import ReadError, UsageError
from corpus_tools.exporters.datapackage import Written, table_resource
from corpus_tools.exporters.tables import PARTS, TABLES, Located, Table, Value, assemble
from corpus_tools.io import Staging
from corpus_tools.journal import settled
from corpus_tools.model import Document

if TYPE_CHECKING:
    import pyarrow as pa

    from corpus_tools.diagnostics import Diagnostic
    from corpus_tools.exporters import CheckSettings

ROW_GROUP_ROWS = 16_384
PAGE_ROWS = 4_096
MEDIATYPE = "application/vnd.apache.parquet"
FILES = {t.name: f"{t.name}.parquet" for t in TABLES}
# What the footer says wrote the file: "<application> version <x.y.z>", the form
# Parquet readers parse (parquet-cpp's ApplicationVersion).
CREATED_BY = f"corpus-tools version {__version__}"
_MAGIC = b"PAR1"


# Arrow's allocator, chosen before pyarrow first loads (the variable is read once, then):
# the default, mimalloc, kept about 20 MB more resident by the end of a 10,000-document
# export than the C library's malloc, which the writer's pages and buffers then share
# with Python. Only the allocator changes, never a byte written; a choice made in the
# environment is kept.
_ARROW_POOL = ("ARROW_DEFAULT_MEMORY_POOL", "system")


def _pyarrow() -> Any:
    """pyarrow, or a usage error saying how to install it."""
    if "pyarrow" not in sys.modules:
        os.environ.setdefault(*_ARROW_POOL)
    try:
        import pyarrow
        import pyarrow.parquet  # the submodule is used as pyarrow.parquet
    except ImportError as exc:  # a broken or --no-deps install
        raise UsageError(
            f"the parquet format needs pyarrow, which cannot be imported ({exc}); "
            "install it with: python3 -m pip install pyarrow"
        ) from exc
    return pyarrow


def arrow_schema(table: Table) -> pa.Schema:
    """The Arrow schema of ``table``: one required field per column."""
    pa = _pyarrow()
    types = {
        "string": pa.string(),
        "integer": pa.int64(),
        "number": pa.float64(),
        "boolean": pa.bool_(),
        "date": pa.date32(),
        "array": pa.list_(pa.field("element", pa.string(), nullable=False)),
    }
    return pa.schema([pa.field(c.name, types[c.type], nullable=False) for c in table.columns])


class ParquetReadError(ReadError):
    """A Parquet export cannot be read back: which file, which row, what is wrong."""


class _Out:
    """The file object pyarrow writes to: bytes go to the staged file as they come,
    except the footer, which is held back to set its ``created_by`` (``finish``)."""

    def __init__(self, staged: Any) -> None:
        self._staged = staged
        self._position = 0
        self._tail: bytearray | None = None
        self.closed = False

    def write(self, data: bytes) -> int:
        if self._tail is not None:
            self._tail += data
        else:
            self._staged.write(bytes(data))
        self._position += len(data)
        return len(data)

    def tell(self) -> int:
        return self._position

    def flush(self) -> None:
        """Nothing is buffered here."""

    def writable(self) -> bool:
        return True

    def close(self) -> None:
        self.closed = True

    def hold(self) -> None:
        """From now on keep what is written: the footer comes last."""
        self._tail = bytearray()

    def finish(self) -> None:
        """Write what was held back, with the footer's ``created_by`` replaced."""
        assert self._tail is not None
        self._staged.write(_with_created_by(bytes(self._tail), CREATED_BY))
        self._tail = None


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _with_created_by(tail: bytes, created_by: str) -> bytes:
    """``tail`` (the end of a Parquet file: at least its footer) with the footer's
    ``created_by`` string replaced.

    The footer is Thrift compact protocol; ``created_by`` is field 6 of FileMetaData, a
    string written as its length (a varint) and bytes. Replacing the string changes the
    footer's length, which the last 8 bytes give; nothing points into the footer.
    """
    if len(tail) < 12 or tail[-4:] != _MAGIC:
        raise RuntimeError("pyarrow wrote no Parquet footer")
    length = int.from_bytes(tail[-8:-4], "little")
    start = len(tail) - 8 - length
    footer = tail[start:-8]
    old = _created_by(footer)
    encoded = old.encode("utf-8")
    needle = _varint(len(encoded)) + encoded
    if footer.count(needle) != 1:
        raise RuntimeError("cannot find created_by in the Parquet footer")
    new = created_by.encode("utf-8")
    footer = footer.replace(needle, _varint(len(new)) + new)
    return tail[:start] + footer + len(footer).to_bytes(4, "little") + _MAGIC


def _created_by(footer: bytes) -> str:
    """The ``created_by`` of a serialised FileMetaData (read back by pyarrow)."""
    pa = _pyarrow()
    data = _MAGIC + footer + len(footer).to_bytes(4, "little") + _MAGIC
    return str(pa.parquet.read_metadata(pa.BufferReader(data)).created_by)


# date32 counts days from 1970-01-01.
_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
# The array type codes of the columns held as machine values: 64-bit integers and
# floats, and dates as date32 day numbers.
_PACKED = {"integer": "q", "number": "d", "date": "i"}


def _ends(start: int, sizes: Iterator[int]) -> Iterator[int]:
    """Running totals of ``sizes`` from ``start``, ``start`` itself left out."""
    return itertools.islice(itertools.accumulate(sizes, initial=start), 1, None)


class _Column:
    """One column of a row group being filled, held as Arrow lays it out: every
    ``PAGE_ROWS`` values are packed into flat buffers (UTF-8 bytes and int32 offsets
    for strings, machine numbers, date32 day numbers), so no Python object is held per
    value for long. A row group of Python values cost several times its bytes, and
    pyarrow's conversion of a list of strings touched about six times the bytes it
    made: with 16,384 rows to a group, most of an export's memory."""

    def __init__(self, kind: str) -> None:
        self._kind = kind
        self._items = _Column("string") if kind == "array" else None
        self._reset()

    def _reset(self) -> None:
        self._pending: list[Any] = []  # values not packed yet: fewer than PAGE_ROWS
        self._packed = 0
        # Strings: the end of each in ``_data``; arrays: the end of each among the
        # strings of ``_items``; numbers and dates: the values.
        self._values = array.array(_PACKED.get(self._kind, "i"))
        if self._kind in ("string", "array"):
            self._values.append(0)
        self._data = bytearray()

    def __len__(self) -> int:
        return self._packed + len(self._pending)

    def extend(self, values: Sequence[Any]) -> None:
        """Append values."""
        self._pending.extend(values)
        # Booleans stay a list: True and False are shared objects, and few.
        if len(self._pending) >= PAGE_ROWS and self._kind != "boolean":
            self._pack()

    def _pack(self) -> None:
        values, self._pending = self._pending, []
        self._packed += len(values)
        if self._kind == "string":
            encoded = [v.encode("utf-8") for v in values]
            self._data += b"".join(encoded)
            self._values.extend(_ends(self._values[-1], map(len, encoded)))
        elif self._kind == "array":
            assert self._items is not None
            for items in values:
                self._items.extend(items)
            self._values.extend(_ends(self._values[-1], map(len, values)))
        elif self._kind == "date":
            ordinal = dt.date.fromisoformat
            self._values.extend(ordinal(v).toordinal() - _EPOCH_ORDINAL for v in values)
        else:
            self._values.extend(values)

    def take(self, field: pa.Field) -> pa.Array:
        """The values as an Arrow array of ``field``'s type; the column is then empty."""
        pa = _pyarrow()
        if self._kind == "boolean":
            # Packed here, as pa.array() on a Python list imports pandas to ask whether
            # it is a Series: a third of a second and tens of MB in every export.
            bits = bytearray((len(self._pending) + 7) // 8)
            for i, value in enumerate(self._pending):
                if value:
                    bits[i >> 3] |= 1 << (i & 7)
            column = pa.Array.from_buffers(
                field.type, len(self._pending), [None, pa.py_buffer(bytes(bits))]
            )
            column.validate()
        else:
            self._pack()
            buffers = [None, pa.py_buffer(self._values)]
            children = []
            if self._kind == "string":
                buffers.append(pa.py_buffer(self._data))
            elif self._items is not None:
                children.append(self._items.take(field.type.value_field))
            column = pa.Array.from_buffers(field.type, self._packed, buffers, children=children)
            column.validate()
        self._reset()
        return column


class _TableWriter:
    """One table's file: rows buffered by column, a row group written at each fill."""

    def __init__(self, table: Table, staging: Staging, out_dir: Path) -> None:
        pa = _pyarrow()
        self._table = table
        self._schema = arrow_schema(table)
        self._columns = [_Column(c.type) for c in table.columns]
        self._out = _Out(staging.open(out_dir / FILES[table.name]))
        self._writer = pa.parquet.ParquetWriter(
            self._out,
            self._schema,
            version="2.6",
            data_page_version="1.0",
            use_dictionary=False,
            compression="NONE",
            write_statistics=False,
            write_page_index=False,
            write_page_checksum=False,
            store_schema=False,
            write_batch_size=PAGE_ROWS,
            data_page_size=1 << 20,
        )
        # pyarrow closes an open writer when it is garbage-collected, writing a footer
        # into a staged file that an interrupted export already threw away: the writer
        # counts as open only while a row group or the footer is being written.
        self._writer.is_open = False

    def add(self, rows: list[tuple[Value, ...]]) -> None:
        if not rows:
            return
        # Transposed by zip and appended a column at a time: this runs in the main
        # process for every document, where a loop over each value cost most of the time
        # (a row of a wrong length: strict zip refuses it).
        for column, values in zip(self._columns, zip(*rows, strict=True), strict=True):
            column.extend(values)
        if len(self._columns[0]) >= ROW_GROUP_ROWS:
            self._flush()

    def _flush(self) -> None:
        if not len(self._columns[0]):
            return
        pa = _pyarrow()
        batch = pa.table(
            [column.take(f) for column, f in zip(self._columns, self._schema, strict=True)],
            schema=self._schema,
        )
        self._writer.is_open = True
        try:
            self._writer.write_table(batch, row_group_size=ROW_GROUP_ROWS)
        finally:
            self._writer.is_open = False

    def close(self) -> None:
        self._flush()
        self._out.hold()
        self._writer.is_open = True
        self._writer.close()
        self._out.finish()


class ParquetSink:
    """Streams rows into one Parquet file per table."""

    def __init__(self, out_dir: Path, staging: Staging) -> None:
        self._writers = [_TableWriter(t, staging, out_dir) for t in TABLES]

    def add(self, doc_id: str, fragment: tuple[list[tuple[Value, ...]], ...]) -> None:
        """Add the document's rows in every table (``render``)."""
        for writer, rows in zip(self._writers, fragment, strict=True):
            writer.add(rows)

    def close(self) -> None:
        """Write the last row groups and the footers."""
        for writer in self._writers:
            writer.close()


class ParquetExporter:
    """One Parquet file per table."""

    name = "parquet"
    description = (
        "documents.parquet, paragraphs.parquet, quotations.parquet and persons.parquet: "
        "the tables with explicit types"
    )
    subfolders: tuple[str, ...] = ()

    def open(self, out_dir: Path, config: Config, staging: Staging) -> ParquetSink:
        """Start the tables (a usage error when pyarrow is missing)."""
        return ParquetSink(out_dir, staging)

    def render(self, doc: Document, config: Config) -> tuple[list[tuple[Value, ...]], ...]:
        """The document's rows in every table (pure and picklable)."""
        return tuple(t.rows(doc) for t in TABLES)

    def owns(self, rel_path: str) -> bool:
        """One file per table."""
        return rel_path in FILES.values()

    def describe(self, written: Written) -> list[dict[str, Any]]:
        """The tables as tabular resources with the Table Schemas of the shared tables.

        No ``bytes``: frictionless (5.x) reads Parquet through pyarrow and cannot count
        its bytes, so it would report every declared size as wrong; ``hash`` it skips,
        and ``corpus verify`` checks."""
        out = []
        for table in TABLES:
            rel = FILES[table.name]
            if rel in written.files:
                resource = table_resource(
                    f"{table.name}-parquet",
                    rel,
                    written,
                    table,
                    mediatype=MEDIATYPE,
                    encoding=None,
                    declare_bytes=False,
                )
                for spec in resource["schema"]["fields"]:
                    if spec["type"] == "array":
                        # A Parquet list<string>: frictionless reads it through pandas
                        # as an array it does not take for a Table Schema array.
                        spec["type"] = "any"
                        spec["constraints"] = {"required": True}
                        spec["description"] += " In Parquet: list<string>."
                out.append(resource)
        return out

    def read(self, path: Path) -> Iterator[Document]:
        """The documents of the Parquet tables in folder ``path`` (or beside its file)."""
        return read_parquet_export(path if path.is_dir() else path.parent)

    def document_of(self, rel_path: str) -> str | None:
        """Every file of this format holds the whole corpus."""
        return None

    def judge(self, doc_id: str, fragment: Any, settings: CheckSettings) -> dict[str, str]:
        """Nothing to judge per document."""
        return {}

    def check(
        self, out_dir: Path, files: Mapping[str, str], settings: CheckSettings
    ) -> list[Diagnostic]:
        """Nothing beyond freshness: the files are exactly what the writer writes."""
        return []


EXPORTER = ParquetExporter()


def _rows(path: Path, table: Table) -> Iterator[Located]:
    """The rows of one table file as dicts with their 1-based row number, one row group
    at a time."""
    pa = _pyarrow()
    try:
        handle = pa.parquet.ParquetFile(path)
    except FileNotFoundError:
        raise ParquetReadError(path, None, "cannot read: no such file") from None
    except (OSError, pa.ArrowException) as exc:
        raise ParquetReadError(path, None, f"not a Parquet file: {exc}") from None
    expected = arrow_schema(table)
    if not handle.schema_arrow.equals(expected):
        raise ParquetReadError(
            path,
            None,
            f"wrong schema: {handle.schema_arrow.to_string(show_schema_metadata=False)}; "
            f"expected {expected.to_string(show_schema_metadata=False)}",
        )
    dates = [c.name for c in table.columns if c.type == "date"]
    number = 0
    for group in range(handle.num_row_groups):
        for row in handle.read_row_group(group).to_pylist():
            number += 1
            for name in dates:
                row[name] = row[name].isoformat()
            yield number, row


def read_parquet_export(folder: Path) -> Iterator[Document]:
    """Read the Parquet tables under ``folder`` back into documents; the rows of each
    document in the part tables follow those of the previous one, as the exporter
    writes them."""
    with settled(folder):  # every file opened from one export, never a mix
        rows = {t.name: _rows(folder / FILES[t.name], t) for t in TABLES}
        heads = {name: _peek(it) for name, it in rows.items()}

    def fail(table: str, where: int | None, message: str) -> ParquetReadError:
        return ParquetReadError(folder / FILES[table], where, message)

    parts = {t.name: heads[t.name] for t in PARTS}
    yield from assemble(heads["documents"], parts, FILES, fail)


def _peek(rows: Iterator[Located]) -> Iterator[Located]:
    """``rows`` with its file opened now (its first row read ahead)."""
    first = next(rows, None)
    if first is None:
        return iter(())

    def chain() -> Iterator[Located]:
        yield first
        yield from rows

    return chain()
