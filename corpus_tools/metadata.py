"""The source metadata table (``metadata.csv``): what a researcher cites for each
document (publication, URL, author, original headline, licence), read and checked.

The table is optional, at the corpus root (``[metadata] table`` in ``corpus.toml``),
outside ``seeds/``: a seed stays the article's text alone. Its contract is
``schema/metadata.tableschema.json`` (a Frictionless Table Schema); this module is its
reader. Every problem is a finding with the table's line and column; a row with an
error is not applied, so a document never carries a value that failed its check.

The CSV is read by a strict RFC 4180 reader of its own rather than Python's ``csv``:
``csv`` accepts a stray quotation mark silently (``a"b``) and cannot say in which
column a cell starts.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import urllib.parse
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from corpus_tools.diagnostics import Diagnostic
from corpus_tools.model import SOURCE_FIELDS, Source, dumps_canonical

# The columns of the table, in the schema's order; the header must hold each (in any
# order). Only the id cell must have a value.
COLUMNS: tuple[str, ...] = ("id", *SOURCE_FIELDS)
# The canonical schema's longest title: a headline becomes the document's title.
HEADLINE_MAX = 200
DOCUMENT_ID = re.compile(r"[0-9]{3,}_[0-9a-f]{16}")
# What a cell may not hold: the C0 and C1 controls (line breaks and tabs included), DEL,
# and what XML 1.0 forbids besides (U+FFFE, U+FFFF, lone surrogates).
_BAD_CHAR = re.compile("[\x00-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
# RFC 3986 characters outside the host: unreserved, sub-delims, ":", "@", "/", "?", "#",
# and "%" (checked separately: it must start a percent-encoded byte).
_URI_CHARS = re.compile(r"[A-Za-z0-9\-._~!$&'()*+,;=:@/?#%\[\]]*")
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_LABEL = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)")
_TLD = re.compile(r"[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59}")
_IPV4 = re.compile(
    r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(?:\.(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}"
)


# An unquoted cell: up to the next comma, line feed or (misplaced) quotation mark.
_PLAIN = re.compile(r'[^,\n"]*')


@dataclass(frozen=True, slots=True)
class _Cell:
    """One cell: where it starts (1-based line and character column) and its text."""

    line: int
    column: int
    text: str


class _SyntaxProblem(Exception):
    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.column = column
        self.message = message


def _records(text: str) -> list[list[_Cell]]:
    """The records of a CSV text (RFC 4180: comma-separated, ``"`` quotes a cell and is
    doubled inside it; LF or CRLF ends a record), blank lines skipped. Raises
    ``_SyntaxProblem`` at the first place that is not CSV."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    records: list[list[_Cell]] = []
    pos, line, line_start, n = 0, 1, 0, len(text)
    while pos < n:
        if text[pos] == "\n":  # a blank line
            pos += 1
            line += 1
            line_start = pos
            continue
        end = text.find("\n", pos)
        end = n if end < 0 else end
        if text.find('"', pos, end) < 0:
            # No quotation mark on the line (most lines): its cells are split at once.
            record = []
            column = 1
            for value in text[pos:end].split(","):
                record.append(_Cell(line, column, value))
                column += len(value) + 1
            records.append(record)
            pos = end + 1
            line += 1
            line_start = pos
            continue
        record = []
        while True:
            cell_line, cell_col = line, pos - line_start + 1
            if pos < n and text[pos] == '"':
                pos += 1
                chunks: list[str] = []
                while True:
                    end = text.find('"', pos)
                    if end < 0:
                        raise _SyntaxProblem(
                            cell_line,
                            cell_col,
                            "the quoted cell that starts here is never closed: a quotation "
                            "mark is missing",
                        )
                    chunk = text[pos:end]
                    breaks = chunk.count("\n")
                    if breaks:
                        line += breaks
                        line_start = pos + chunk.rindex("\n") + 1
                    chunks.append(chunk)
                    pos = end + 1
                    if pos < n and text[pos] == '"':
                        chunks.append('"')
                        pos += 1
                        continue
                    break
                value = "".join(chunks)
                if pos < n and text[pos] not in ",\n":
                    raise _SyntaxProblem(
                        line,
                        pos - line_start + 1,
                        f"{text[pos]!r} after the closing quotation mark of a cell: a cell "
                        "ends at its closing mark (a mark inside a quoted cell is doubled)",
                    )
            else:
                end = _PLAIN.match(text, pos).end()  # type: ignore[union-attr]  # matches ""
                if end < n and text[end] == '"':
                    raise _SyntaxProblem(
                        line,
                        end - line_start + 1,
                        "a quotation mark inside a cell that is not quoted: quote the "
                        'whole cell and double the mark ("")',
                    )
                value = text[pos:end]
                pos = end
            record.append(_Cell(cell_line, cell_col, value))
            if pos < n and text[pos] == ",":
                pos += 1
                continue
            break
        records.append(record)
        if pos < n:  # the record's line feed
            pos += 1
            line += 1
            line_start = pos
    return records


# The common case, told at once: a host name with a top-level domain, no port, and a
# path, query and fragment of URI characters and percent-encoded bytes. Whatever it does
# not match gets the closer look below, which says what is wrong.
_PLAIN_URL = re.compile(
    r"https?://(?:(?!-)[A-Za-z0-9-]{1,63}(?<!-)\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})"
    r"(?:[/?#](?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#\[\]]|%[0-9A-Fa-f]{2})*)?"
)


def url_problem(url: str) -> str | None:
    """Why ``url`` is not an absolute http or https URI (RFC 3986, ASCII only, a host
    name with a top-level domain or an IP address), or None when it is one."""
    if _PLAIN_URL.fullmatch(url):
        return None
    scheme, sep, _ = url.partition("://")
    if not sep or scheme not in ("http", "https"):
        return f"{url!r} does not start with http:// or https:// (in lower case)"
    for ch in url:
        if ch.isspace():
            return f"{url!r} holds white space (percent-encode a space as %20)"
        if not ch.isascii():
            return f"{url!r} holds the character {ch!r}, which a URI must percent-encode"
    if not _URI_CHARS.fullmatch(url):
        bad = next(ch for ch in url if not _URI_CHARS.fullmatch(ch))
        return f"{url!r} holds the character {bad!r}, which a URI must percent-encode"
    if _PERCENT.search(url):
        return f"{url!r} has a % that does not start a percent-encoded byte (%XX)"
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError as exc:
        return f"{url!r} is not a valid URL: {exc}"
    if parts.username is not None or parts.password is not None:
        return f"{url!r} holds a user name or password"
    host = parts.hostname or ""
    if not host:
        return f"{url!r} has no host name"
    if port == 0:
        return f"{url!r} has the port 0"
    if "[" in parts.netloc or _IPV4.fullmatch(host):
        return None
    labels = host.split(".")
    if (
        len(labels) < 2
        or not all(_LABEL.fullmatch(label) for label in labels)
        or not _TLD.fullmatch(labels[-1])
    ):
        return f"{url!r} has no valid host name with a top-level domain ({host!r})"
    return None


@dataclass
class Metadata:
    """The source metadata table of a corpus, as read: the rows that apply, by
    document id, and the findings on the table (but those on unknown ids, which need
    the corpus's seeds: ``unknown_ids``)."""

    path: str
    sha256: str
    sources: dict[str, Source] = field(default_factory=dict)
    findings: list[Diagnostic] = field(default_factory=list)
    # Each id the table names, with the line and column of its cell.
    ids: dict[str, tuple[int, int]] = field(default_factory=dict)
    _digests: dict[str, str] = field(default_factory=dict, repr=False)

    def digest(self, doc_id: str) -> str | None:
        """A digest of the row that applies to ``doc_id`` (None: none applies): part of
        the cache key of the seed's conversion and of the export's inputs."""
        source = self.sources.get(doc_id)
        if source is None:
            return None
        found = self._digests.get(doc_id)
        if found is None:
            blob = dumps_canonical(source.to_dict()).encode("utf-8")
            found = self._digests[doc_id] = hashlib.sha256(blob).hexdigest()
        return found

    def unknown_ids(self, seeds: Iterable[str]) -> list[Diagnostic]:
        """``metadata-unknown-id`` for each id of the table that names none of ``seeds``."""
        known = set(seeds)
        out = []
        for doc_id, (line, column) in self.ids.items():
            if doc_id in known:
                continue
            if DOCUMENT_ID.fullmatch(doc_id):
                message = f"no seed {doc_id}.txt in the corpus: the row applies to no document"
            else:
                message = (
                    f"{doc_id!r} is not a document id (NNN_<16 lowercase hex>, the seed's "
                    "file name without .txt): the row applies to no document"
                )
            out.append(Diagnostic("metadata-unknown-id", self.path, message, line, column))
        return out

    def touched(self, before: Metadata | None) -> frozenset[str]:
        """The ids whose applied row differs from ``before`` (the table at another
        commit; None: no table), so whose documents change."""
        old: Mapping[str, Source] = before.sources if before is not None else {}
        ids = set(old) | set(self.sources)
        return frozenset(i for i in ids if old.get(i) != self.sources.get(i))


def read_metadata(root: Path, rel: str) -> Metadata | None:
    """The table at ``root/rel``, read and checked; None when there is no such file."""
    path = root / rel
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        message = f"cannot read: {exc.strerror or exc}"
        return Metadata(rel, "", findings=[Diagnostic("metadata-syntax", rel, message)])
    return parse_metadata(data, rel)


def parse_metadata(data: bytes, rel: str) -> Metadata:
    """The table in ``data`` (the bytes of the file ``rel``), checked."""
    table = Metadata(rel, hashlib.sha256(data).hexdigest())
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # spreadsheets write a byte order mark into "CSV UTF-8"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        table.findings.append(
            Diagnostic(
                "metadata-not-utf8",
                rel,
                f"byte 0x{data[exc.start]:02x} at byte offset {exc.start} is not UTF-8 "
                f"({exc.reason}); the table was not read",
                line,
                column,
            )
        )
        return table
    try:
        records = _records(text)
    except _SyntaxProblem as exc:
        table.findings.append(
            Diagnostic(
                "metadata-syntax",
                rel,
                f"{exc.message}; the table was not read",
                exc.line,
                exc.column,
            )
        )
        return table
    if not records:
        table.findings.append(
            Diagnostic(
                "metadata-syntax",
                rel,
                "the table is empty: it needs a header line (id,publication,url,author,"
                "headline,licence), then a line per document",
                1,
            )
        )
        return table
    columns = _header(records[0], table)
    if columns is None:
        return table
    width = len(records[0])
    seen: dict[str, int] = {}
    for record in records[1:]:
        first = record[0]
        if len(record) != width:
            table.findings.append(
                Diagnostic(
                    "metadata-syntax",
                    rel,
                    f"the row has {len(record)} cells, the header {width}: a comma too many "
                    "or too few (quote a cell that holds a comma)",
                    first.line,
                    first.column,
                )
            )
            continue
        _row(record, columns, table, seen)
    return table


def _header(cells: list[_Cell], table: Metadata) -> dict[str, int] | None:
    """The position of each known column in the header (None: no row can be read)."""
    columns: dict[str, int] = {}
    unknown: list[_Cell] = []
    for i, cell in enumerate(cells):
        name = cell.text
        if name in columns:
            table.findings.append(
                Diagnostic(
                    "metadata-syntax",
                    table.path,
                    f"the column {name!r} appears twice in the header; the table was not read",
                    cell.line,
                    cell.column,
                )
            )
            return None
        if name in COLUMNS:
            columns[name] = i
        else:
            unknown.append(cell)
    missing = [name for name in COLUMNS if name not in columns]
    for cell in unknown:
        # A missing column written in another case or with spaces: say which it is.
        close = [c for c in missing if c == cell.text.strip().casefold()]
        table.findings.append(
            Diagnostic(
                "metadata-unknown-column",
                table.path,
                f"the column {cell.text!r} is not one of {', '.join(COLUMNS)}; it is ignored",
                cell.line,
                cell.column,
                hint=f"rename it to {close[0]}" if close else None,
            )
        )
    for name in missing:
        table.findings.append(
            Diagnostic(
                "metadata-missing-column",
                table.path,
                f"the header has no column {name!r}"
                + ("; no row can be read" if name == "id" else ""),
                cells[0].line,
            )
        )
    return columns if "id" in columns else None


def _row(
    record: list[_Cell], columns: dict[str, int], table: Metadata, seen: dict[str, int]
) -> None:
    """Check one row and, when it has no error, apply it."""
    rel = table.path
    id_cell = record[columns["id"]]
    doc_id = id_cell.text.strip()
    if not doc_id:
        table.findings.append(
            Diagnostic(
                "metadata-bad-value",
                rel,
                "the id cell is empty: each row names the document it describes",
                id_cell.line,
                id_cell.column,
                hint="write the document id (the seed's file name without .txt), or remove the row",
            )
        )
        return
    if doc_id in seen:
        table.findings.append(
            Diagnostic(
                "metadata-duplicate-id",
                rel,
                f"{doc_id} has a row already, on line {seen[doc_id]}; this row is not applied",
                id_cell.line,
                id_cell.column,
            )
        )
        return
    seen[doc_id] = id_cell.line
    table.ids[doc_id] = (id_cell.line, id_cell.column)
    values: dict[str, str] = {}
    ok = True
    for name in COLUMNS[1:]:
        if name not in columns:
            continue
        cell = record[columns[name]]
        value = cell.text.strip()
        if not value.isascii():
            value = unicodedata.normalize("NFC", value)
        if not value:
            continue
        problem = _value_problem(name, value)
        if problem is not None:
            code, message, hint = problem
            table.findings.append(Diagnostic(code, rel, message, cell.line, cell.column, hint=hint))
            ok = False
            continue
        values[name] = value
    if ok and values:
        table.sources[doc_id] = Source(**values)


# The strings that pandas.read_csv (and R's readr, in part) read as a missing value by
# default: as a cell value they would come back from the exports as no value at all.
_MISSING_MARKERS = frozenset(
    [
        "#N/A",
        "#N/A N/A",
        "#NA",
        "-1.#IND",
        "-1.#QNAN",
        "-NaN",
        "-nan",
        "1.#IND",
        "1.#QNAN",
        "<NA>",
        "N/A",
        "NA",
        "NULL",
        "NaN",
        "None",
        "n/a",
        "nan",
        "null",
    ]
)


def _value_problem(name: str, value: str) -> tuple[str, str, str | None] | None:
    """The code, message and hint (None: the code's) of what is wrong with a cell's
    value, or None."""
    bad = _BAD_CHAR.search(value)
    if bad is not None:
        char = bad.group()
        what = "a line break" if char in "\n\r" else f"the control character U+{ord(char):04X}"
        return "metadata-bad-value", f"the {name} holds {what}; a value is one line of text", None
    if value in _MISSING_MARKERS:
        return (
            "metadata-bad-value",
            f"the {name} is {value!r}, which pandas, R and other readers of the exports "
            "take for a missing value",
            f"leave the cell empty where the {name} is not known",
        )
    if name == "url":
        problem = url_problem(value)
        if problem is not None:
            return "metadata-bad-url", problem, None
    if name == "headline" and len(value) > HEADLINE_MAX:
        return (
            "metadata-bad-value",
            f"the headline has {len(value)} characters; a title has at most {HEADLINE_MAX}",
            f"shorten the headline to {HEADLINE_MAX} characters or fewer",
        )
    return None
