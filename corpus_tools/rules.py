"""The rules across documents, over summaries streamed to a temporary SQLite database.

Each input file yields one or more ``Summary``; the corpus rules (dates, duplicates,
near-duplicates, sequence gaps) compare every summary with the others. Holding them all
in memory costs most of a run's peak on a large corpus, so ``CorpusRules`` writes them
to a private temporary on-disk database with a small page cache and applies the rules
there, set by set, with SQL. Memory then stays flat whatever the number of documents;
only the list of findings grows, with the findings.

Findings are exactly those of the in-memory rules this replaces, which held every
summary and looked values up in dicts: the database holds hashes of the values, and
the rows whose hashes repeat are compared exactly, in Python, with the same keys.

The rules, in the order the findings depend on: documents are taken in ``(path, date
line)`` order (input order among equals); each of ``_UNIQUE`` reports a document whose
value an earlier document already has, and a *final* rule's duplicate goes no further
(it neither claims its values for the later rules nor takes part in near-duplicate
search); a document sharing enough of its sketch with an earlier one is a near-duplicate;
and sequence numbers left after the final rules must not skip any number.
"""

from __future__ import annotations

import datetime as dt
import itertools
import marshal
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from types import TracebackType

from corpus_tools.config import Config
from corpus_tools.diagnostics import Diagnostic

__all__ = ["CorpusRules", "Summary", "corpus_rules"]


@dataclass(frozen=True, slots=True)
class Summary:
    """What the corpus rules need to know about one input file."""

    path: str
    id: str | None
    seq: int | None
    hash: str | None
    sha256: str | None
    text_hash: str | None
    sketch: tuple[int, ...]
    date: str | None
    date_line: int | None
    date_column: int | None


@dataclass(frozen=True, slots=True)
class _Uniqueness:
    """A value two documents must not share: the code, the value, the message."""

    code: str
    key: Callable[[Summary], object]
    message: Callable[[Summary, Summary], str]
    at_date_line: bool
    final: bool  # a finding here makes the weaker rules after it redundant


_UNIQUE: tuple[_Uniqueness, ...] = (
    _Uniqueness(
        "duplicate-id",
        lambda s: s.id,
        lambda s, f: f"id {s.id} is also used by {f.path}",
        True,
        True,
    ),
    _Uniqueness(
        "duplicate-file",
        lambda s: s.sha256,
        lambda s, f: f"the file is byte-identical to {f.path}",
        False,
        True,
    ),
    _Uniqueness(
        "duplicate-hash",
        lambda s: s.hash,
        lambda s, f: f"hash part {s.hash} is also used by {f.path} (sequence {f.seq} and {s.seq})",
        False,
        False,
    ),
    _Uniqueness(
        "duplicate-text",
        lambda s: s.text_hash,
        lambda s, f: f"the text is the same as that of {f.path}",
        True,
        True,
    ),
    _Uniqueness(
        "sequence-repeat",
        lambda s: s.seq,
        lambda s, f: f"sequence number {s.seq} is also used by {f.path}",
        False,
        False,
    ),
)


def _date_rules(s: Summary, today: str, earliest: str) -> Diagnostic | None:
    """A date after ``today`` or before ``earliest`` (ISO strings), at the date."""
    if s.date is None:
        return None
    if s.date > today:
        message = f"date {s.date} is after today ({today})"
        return Diagnostic("date-in-future", s.path, message, s.date_line, s.date_column)
    if s.date < earliest:
        message = f"date {s.date} is before the corpus's earliest date {earliest}"
        return Diagnostic("date-too-early", s.path, message, s.date_line, s.date_column)
    return None


def _near(mine: tuple[int, ...], other: tuple[int, ...]) -> bool:
    """Whether a document with sketch ``mine`` nearly duplicates one with ``other``.

    The earlier document's sketch counts by its length, not its distinct values: that
    is how the rule has always been, and findings must not change with the storage.
    """
    own = set(mine)
    shared = len(own & set(other))
    # Two shared paragraphs at least: short articles often share a stock line.
    return shared >= 2 and shared * 2 >= max(len(own), len(other))


# --- storage -------------------------------------------------------------------------
#
# Rules compare values by equality, so the database holds each value's Python hash
# (an INTEGER: fast to bind, small to sort) and only the few rows whose hashes repeat
# are compared exactly, in Python, with the rule's own key. The whole summary goes with
# each row (marshal), for the exact comparison and the messages.

# hash() never returns -1 (CPython reserves it for errors): it stands for "no value",
# which is cheaper to bind than None.
_NO_VALUE = -1
_BIAS = 1 << 63
_FULL = (1 << 64) - 1
# Rows wait in memory for one executemany: few enough to stay small, enough to be fast.
_BATCH = 4096
_HASHES = tuple(f"h{i}" for i in range(len(_UNIQUE)))


def _text(s: str) -> str:
    """``s`` as text SQLite orders (memcmp of UTF-8) as Python orders ``s``.

    A lone surrogate (a file name decoded with ``surrogateescape``) is not valid UTF-8
    and sqlite3 refuses it: non-ASCII strings go as their generalised UTF-8 bytes, one
    character each, which keeps both equality and code point order.
    """
    return s if s.isascii() else s.encode("utf-8", "surrogatepass").decode("latin-1")


def _untext(t: str) -> str:
    """The string ``_text`` made ``t`` from."""
    return t if t.isascii() else t.encode("latin-1").decode("utf-8", "surrogatepass")


def _wide_int(n: int) -> bytes:
    """An integer as bytes that compare as the integers do; used for those beyond
    SQLite's 64 bits, but right for every integer, 0 included.

    Sorted with ``_ordered``, these go before (negative) or after (positive) every
    SQLite integer. A seed's sequence number is as long as its file name says.
    """
    size = (abs(n).bit_length() + 7) // 8
    if n >= 0:
        return b"\x02" + size.to_bytes(8, "big") + n.to_bytes(size, "big")
    # Longer magnitudes are smaller: complement both the length and the digits.
    digits = ((1 << (8 * size)) + n).to_bytes(size, "big")
    return b"\x00" + (_FULL - size).to_bytes(8, "big") + digits


def _from_wide_int(key: bytes) -> int:
    """The integer ``_wide_int`` made ``key`` from."""
    size = int.from_bytes(key[1:9], "big")
    if key[0] == 2:
        return int.from_bytes(key[9:], "big")
    size = _FULL - size
    return int.from_bytes(key[9:], "big") - (1 << (8 * size))


def _ordered(column: str) -> str:
    """An ORDER BY list for a column of integers, some of them as ``_wide_int``."""
    return (
        f"(CASE WHEN typeof({column}) <> 'blob' THEN 0"
        f" WHEN {column} < x'01' THEN -1 ELSE 1 END), {column}"
    )


def _sql_int(n: int) -> tuple[int, int | bytes]:
    """``(class, value)``: ordered as pairs, as ``n`` orders among integers."""
    if -_BIAS <= n < _BIAS:
        return 0, n
    return (1 if n >= _BIAS else -1), _wide_int(n)


_Fields = tuple[
    str,
    str | None,
    int | None,
    str | None,
    str | None,
    str | None,
    tuple[int, ...],
    str | None,
    int | None,
    int | None,
]


def _fields(s: Summary) -> _Fields:
    return (
        s.path,
        s.id,
        s.seq,
        s.hash,
        s.sha256,
        s.text_hash,
        s.sketch,
        s.date,
        s.date_line,
        s.date_column,
    )


def _summary(row: bytes) -> Summary:
    """The summary stored as ``row`` (marshal: the fastest exact round trip of plain
    values, strings with lone surrogates and integers of any size included)."""
    return Summary(*marshal.loads(row))


class CorpusRules:
    """The corpus rules over summaries added one at a time, in input order.

    ``add`` every summary, then ask for ``findings``; ``close`` (or leave the ``with``
    block) to delete the temporary database. The findings are those of the rules over
    the whole list, in no particular order (reports sort them).

    Every ``add`` is a document of its own. (The in-memory rules told documents apart
    by identity: one ``Summary`` object listed twice was no duplicate of itself, but
    its own near-duplicate. No caller lists an object twice.)
    """

    def __init__(self, config: Config, today: dt.date | None, *, cache_kib: int = 4000) -> None:
        """Rules of ``config``, with ``today`` (default: the current date) for dates in the
        future; ``cache_kib`` bounds SQLite's page cache, the bulk of the memory used."""
        self._today = (today or dt.date.today()).isoformat()
        self._earliest = config.earliest_date
        self._found: list[Diagnostic] = []
        self._keys: list[tuple[object, ...]] = []
        self._rows: list[tuple[int, bytearray]] = []
        self._count = 0
        self._result: list[Diagnostic] | None = None
        self._wide_seq = False
        # An empty name: a private on-disk database that SQLite deletes on close. Writes
        # need no durability, so no journal and no syncing; one transaction throughout,
        # as a commit per batch would only cost time.
        db = sqlite3.connect("", isolation_level=None)
        db.execute(f"PRAGMA cache_size=-{max(64, int(cache_kib))}")
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        db.execute("PRAGMA temp_store=FILE")
        # Rule order is (path, lc, line, n): n the input order, lc the class of a line
        # number too large for SQLite (see _sql_int). The summaries themselves live in
        # their own table, so that the scans of every rule read only the narrow one.
        hashes = ", ".join(f"{h} INTEGER NOT NULL" for h in _HASHES)
        db.execute(
            "CREATE TABLE s (n INTEGER PRIMARY KEY, path TEXT NOT NULL, lc INTEGER NOT NULL,"
            f" line NOT NULL, {hashes}, seq, v0 INTEGER NOT NULL, v1 INTEGER NOT NULL)"
        )
        db.execute("CREATE TABLE summary (n INTEGER PRIMARY KEY, row BLOB NOT NULL)")
        db.execute("CREATE TABLE dead (n INTEGER PRIMARY KEY)")
        db.execute("BEGIN")
        self._insert = (
            f"INSERT INTO s (n, path, lc, line, {', '.join(_HASHES)}, seq, v0, v1)"
            f" VALUES ({', '.join('?' * (len(_HASHES) + 7))})"
        )
        self._db: sqlite3.Connection | None = db

    def __enter__(self) -> CorpusRules:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            raise ValueError("the corpus rules are closed")
        return self._db

    def add(self, summary: Summary) -> None:
        """Take one more summary (summaries come in input order)."""
        if self._result is not None:
            raise ValueError("add() after findings()")
        if self._db is None:
            raise ValueError("the corpus rules are closed")
        seq: object = summary.seq
        wide_seq = False
        if not isinstance(seq, int):
            seq = None  # not a number, so in no gap
        elif not -_BIAS <= seq < _BIAS:
            seq, wide_seq = _wide_int(seq), True
        sketch = summary.sketch
        # A sketch of fewer than two distinct values never shares two with another:
        # leaving it out of the search index changes no finding.
        searchable = len(set(sketch)) >= 2
        n = self._count + 1
        keys = (
            n,
            _text(summary.path),
            *_sql_int(summary.date_line or 0),
            *[_NO_VALUE if (v := rule.key(summary)) is None else hash(v) for rule in _UNIQUE],
            seq,
            hash(sketch[0]) if searchable else _NO_VALUE,
            hash(sketch[1]) if searchable else _NO_VALUE,
        )
        row = bytearray(marshal.dumps(_fields(summary)))  # sqlite3 binds it faster than bytes
        dated = _date_rules(summary, self._today, self._earliest)
        # Nothing changes before here: a summary that cannot be taken leaves no trace.
        self._count = n
        self._wide_seq |= wide_seq
        self._keys.append(keys)
        self._rows.append((n, row))
        if dated is not None:
            self._found.append(dated)
        if len(self._rows) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            db = self._conn()
            db.executemany(self._insert, self._keys)
            db.executemany("INSERT INTO summary VALUES (?, ?)", self._rows)
            self._keys.clear()
            self._rows.clear()

    def findings(self) -> list[Diagnostic]:
        """The findings of the rules over every summary added (computed once)."""
        if self._result is None:
            db = self._conn()
            self._flush()
            found = self._found
            for column, rule in zip(_HASHES, _UNIQUE, strict=True):
                found.extend(self._duplicates(db, column, rule))
            # Sequence gaps look at the values the last rule saw; as no final rule comes
            # after it, that is every row still in the table.
            found.extend(self._gaps(db))
            found.extend(self._near_duplicates(db))
            self._result = found
        return list(self._result)

    def close(self) -> None:
        """Delete the temporary database (closing twice is harmless)."""
        self._keys.clear()
        self._rows.clear()
        if self._db is not None:
            self._db.close()
            self._db = None

    @staticmethod
    def _duplicates(db: sqlite3.Connection, column: str, rule: _Uniqueness) -> Iterator[Diagnostic]:
        """One rule's findings; a final rule's duplicates then leave the table."""
        # Only rows whose hash repeats can repeat a value: compare those exactly, by
        # hash then rule order, as the in-memory rules did (first come, first kept).
        candidates = db.execute(
            f"SELECT s.{column}, s.n, summary.row FROM s JOIN summary USING (n)"
            f" WHERE s.{column} IN (SELECT {column} FROM s WHERE {column} <> {_NO_VALUE}"
            f" GROUP BY {column} HAVING count(*) > 1)"
            f" ORDER BY s.{column}, s.path, s.lc, s.line, s.n"
        )
        group: int | None = None
        firsts: dict[object, Summary] = {}
        dead: list[tuple[int]] = []
        for hashed, n, row in candidates:
            if hashed != group:
                group, firsts = hashed, {}
            s = _summary(row)
            first = firsts.setdefault(rule.key(s), s)
            if first is s:
                continue
            line = s.date_line if rule.at_date_line else None
            yield Diagnostic(
                rule.code, s.path, rule.message(s, first), line, None, related=(first.path,)
            )
            if rule.final:
                dead.append((n,))
                if len(dead) >= _BATCH:
                    db.executemany("INSERT INTO dead VALUES (?)", dead)
                    dead.clear()
        if rule.final:
            db.executemany("INSERT INTO dead VALUES (?)", dead)
            db.execute("DELETE FROM s WHERE n IN dead")
            db.execute("DELETE FROM dead")

    def _gaps(self, db: sqlite3.Connection) -> Iterator[Diagnostic]:
        """Sequence numbers skipped, reported at the first document after the gap."""
        order = _ordered("seq") if self._wide_seq else "seq"
        # The first document of a number comes first by path: only its path is needed.
        firsts = db.execute(
            f"SELECT seq, MIN(path) FROM s WHERE seq IS NOT NULL GROUP BY seq ORDER BY {order}"
        )
        seqs = (
            (seq if isinstance(seq, int) else _from_wide_int(seq), path) for seq, path in firsts
        )
        for (a, _), (b, path) in itertools.pairwise(seqs):
            if b - a > 1:
                missing = f"{a + 1}" if b - a == 2 else f"{a + 1} to {b - 1}"
                yield Diagnostic(
                    "sequence-gap",
                    _untext(path),
                    f"sequence number {b} follows {a}; {missing} missing",
                    None,
                    None,
                )

    @staticmethod
    def _near_duplicates(db: sqlite3.Connection) -> Iterator[Diagnostic]:
        """Documents sharing enough of their sketch with an earlier document.

        The in-memory rules indexed the first two sketch values of every document left;
        a document was compared with the earlier ones having one of its own first two
        values among theirs, by value (its first, then its second), then in rule order,
        and the first match was reported. Here the index holds only the values that
        two documents share, and hashes of them, so each candidate is checked exactly.
        """
        db.execute("CREATE TABLE shared (value INTEGER PRIMARY KEY)")
        db.execute(
            "INSERT INTO shared SELECT value FROM ("
            f" SELECT v0 AS value FROM s WHERE v0 <> {_NO_VALUE}"
            f" UNION ALL SELECT v1 FROM s WHERE v1 <> {_NO_VALUE} AND v1 <> v0"
            ") GROUP BY value HAVING count(*) > 1"
        )
        order = "path, lc, line, n"
        db.execute(
            "CREATE TABLE near (value INTEGER NOT NULL, path TEXT NOT NULL, lc INTEGER NOT NULL,"
            f" line NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (value, {order})) WITHOUT ROWID"
        )
        db.execute(
            f"INSERT OR IGNORE INTO near SELECT v0, {order} FROM s WHERE v0 IN shared"
            f" UNION ALL SELECT v1, {order} FROM s WHERE v1 IN shared"
        )
        searched = db.execute(
            f"SELECT {order}, row FROM s JOIN summary USING (n) WHERE n IN ("
            " SELECT a.n FROM near AS a WHERE EXISTS (SELECT 1 FROM near AS b"
            " WHERE b.value = a.value AND (b.path, b.lc, b.line, b.n)"
            " < (a.path, a.lc, a.line, a.n)))"
        )
        candidates = (
            "SELECT n, row FROM near JOIN summary USING (n)"
            " WHERE near.value = ? AND (near.path, near.lc, near.line, near.n) < (?, ?, ?, ?)"
            " ORDER BY near.path, near.lc, near.line, near.n"
        )
        for path, lc, line, n, row in searched:
            s = _summary(row)
            seen: set[int] = set()
            match: Summary | None = None
            for value in s.sketch[:2]:
                for j, other_row in db.execute(candidates, (hash(value), path, lc, line, n)):
                    if j in seen:
                        continue
                    other = _summary(other_row)
                    if value not in other.sketch[:2]:
                        continue  # the same hash, another value: not in the index
                    seen.add(j)
                    if _near(s.sketch, other.sketch):
                        match = other
                        break
                if match is not None:
                    break
            if match is not None:
                yield Diagnostic(
                    "near-duplicate",
                    s.path,
                    f"the text is nearly the same as that of {match.path}",
                    s.date_line,
                    None,
                    related=(match.path,),
                )


def corpus_rules(
    summaries: Iterable[Summary], config: Config, today: dt.date | None = None
) -> list[Diagnostic]:
    """The findings of the corpus rules over ``summaries`` (in input order)."""
    with CorpusRules(config, today) as rules:
        for summary in summaries:
            rules.add(summary)
        return rules.findings()
