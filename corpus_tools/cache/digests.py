"""Export file digests (relative path -> SHA-256) of one run, in a private temporary
SQLite database: what an export writes or would write, compared with what the folder
holds. At 100,000 documents a dict of them, and the sets and copies made from it, were
most of what ``corpus validate`` held at its peak."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from corpus_tools.cache.scratch import scratch_db

# Pages kept in memory (KiB): the rest of the database is on disk, however many files.
_CACHE_KIB = 1024
# Rows bound per executemany: few enough to stay small, enough to be fast.
_BATCH = 4096


class Digests(Mapping[str, str]):
    """A mapping of export files to their SHA-256, iterated in path order (code point
    order, as ``sorted`` gives), read from disk as it is used. Filled once with
    ``digests_of``; a later row of the same path replaces the earlier one."""

    def __init__(self) -> None:
        db = scratch_db(_CACHE_KIB)
        # A BLOB key: SQLite orders it bytewise, and the UTF-8 bytes of strings sort as
        # the strings do (TEXT would be the same, but only with the default collation).
        db.execute("CREATE TABLE d (path BLOB PRIMARY KEY, sha256 TEXT NOT NULL) WITHOUT ROWID")
        self._db: sqlite3.Connection | None = db
        self._size: int | None = None

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            raise ValueError("the digests are closed")
        return self._db

    def add(self, rows: Iterable[tuple[str, str]]) -> None:
        """Add ``(path, SHA-256)`` rows, read as they come."""
        db = self._conn()
        batch: list[tuple[bytes, str]] = []
        db.execute("BEGIN")
        try:
            for path, sha in rows:
                batch.append((path_key(path), sha))
                if len(batch) >= _BATCH:
                    db.executemany("INSERT OR REPLACE INTO d VALUES (?, ?)", batch)
                    batch.clear()
            db.executemany("INSERT OR REPLACE INTO d VALUES (?, ?)", batch)
        finally:
            db.execute("COMMIT")
        self._size = None

    def __getitem__(self, path: str) -> str:
        row = None
        if isinstance(path, str):
            row = (
                self._conn()
                .execute("SELECT sha256 FROM d WHERE path = ?", (path_key(path),))
                .fetchone()
            )
        if row is None:
            raise KeyError(path)
        sha: str = row[0]
        return sha

    def __iter__(self) -> Iterator[str]:
        for path, _ in self.rows():
            yield path

    def rows(self) -> Iterator[tuple[str, str]]:
        """Every ``(path, SHA-256)`` in path order."""
        for path, sha in self._conn().execute("SELECT path, sha256 FROM d ORDER BY path"):
            yield path_of(path), sha

    def items(self) -> Any:
        """The rows in path order, read as they are used (iterable as often as asked)."""
        return _Rows(self)

    def __len__(self) -> int:
        if self._size is None:
            self._size = int(self._conn().execute("SELECT count(*) FROM d").fetchone()[0])
        return self._size

    def close(self) -> None:
        """Close and delete the database."""
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None

    def __del__(self) -> None:
        self.close()


class _Rows:
    """``Digests.items()``: iterable as often as asked, never held."""

    def __init__(self, digests: Digests) -> None:
        self._digests = digests

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return self._digests.rows()

    def __len__(self) -> int:
        return len(self._digests)


def path_key(path: str) -> bytes:
    """A path as the bytes stored for it: generalised UTF-8 (the lone surrogates of
    undecodable names included), which orders bytewise as the strings do."""
    return path.encode("utf-8", "surrogatepass")


def path_of(key: bytes) -> str:
    """The path ``path_key`` made ``key`` from."""
    return key.decode("utf-8", "surrogatepass")


def digests_of(rows: Iterable[tuple[str, str]] | Mapping[str, str]) -> Digests:
    """A ``Digests`` holding ``rows`` (or a mapping's items)."""
    digests = Digests()
    digests.add(rows.items() if isinstance(rows, Mapping) else rows)
    return digests
