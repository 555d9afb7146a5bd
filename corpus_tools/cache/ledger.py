"""A run's per-file records (the files it stages, the order they were given in) in a
private temporary SQLite database: at 100,000 files, Python objects for them would be
most of an export's memory, and they are read back only at the end, in one pass."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator

from corpus_tools.cache.scratch import scratch_db

# Pages kept in memory (KiB): the rest of the database is on disk, however many files.
_CACHE_KIB = 2048


class Ledger:
    """Files given whole (name, temporary or None when the target already holds the
    bytes, SHA-256, size), in the order given, and the chains of files given into each
    folder (``io.Chains``)."""

    def __init__(self) -> None:
        db = scratch_db(_CACHE_KIB)
        db.execute(
            "CREATE TABLE whole (n INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
            " tmp TEXT, sha256 TEXT NOT NULL, size INTEGER NOT NULL)"
        )
        db.execute("CREATE TABLE chain (n INTEGER PRIMARY KEY, folder TEXT NOT NULL, name TEXT)")
        db.execute("BEGIN")
        self._db: sqlite3.Connection | None = db
        self.count = 0  # rows of ``whole``: a view taken now reads the first ``count``

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            raise ValueError("the ledger is closed")
        return self._db

    def add(self, name: str, tmp: str | None, sha256: str, size: int) -> None:
        """Record a file given whole (a later record of the same name replaces it)."""
        self._conn().execute(
            "INSERT OR REPLACE INTO whole (name, tmp, sha256, size) VALUES (?, ?, ?, ?)",
            (name, tmp, sha256, size),
        )
        self.count += 1

    def link(self, folder: str, name: str) -> None:
        """Append ``name`` to the chain of ``folder``."""
        self._conn().execute("INSERT INTO chain (folder, name) VALUES (?, ?)", (folder, name))

    def get(self, name: str, upto: int | None = None) -> tuple[int, str] | None:
        """``(size, SHA-256)`` of a file given whole (among the first ``upto`` records)."""
        row = (
            self._conn()
            .execute("SELECT size, sha256, n FROM whole WHERE name = ?", (name,))
            .fetchone()
        )
        if row is None or (upto is not None and row[2] > upto):
            return None
        return row[0], row[1]

    def records(self, upto: int | None = None) -> Iterator[tuple[str, int, str]]:
        """``(name, size, SHA-256)`` of the files given whole, in the order given."""
        limit = self.count if upto is None else upto
        yield from self._conn().execute(
            "SELECT name, size, sha256 FROM whole WHERE n <= ? ORDER BY n", (limit,)
        )

    def staged(self) -> Iterator[tuple[str, str]]:
        """``(temporary, target)`` of the files given whole that were written."""
        yield from self._conn().execute(
            "SELECT tmp, name FROM whole WHERE tmp IS NOT NULL ORDER BY n"
        )

    def kept(self) -> Iterator[str]:
        """The files given whole whose targets already held their bytes."""
        for (name,) in self._conn().execute("SELECT name FROM whole WHERE tmp IS NULL ORDER BY n"):
            yield name

    def chained(self, folder: str) -> Iterator[str]:
        """The files of ``folder``'s chain, in order."""
        for (name,) in self._conn().execute(
            "SELECT name FROM chain WHERE folder = ? ORDER BY n", (folder,)
        ):
            yield name

    def forget_staged(self) -> None:
        """Forget every written file (moved into place, or thrown away)."""
        self._conn().execute("UPDATE whole SET tmp = NULL WHERE tmp IS NOT NULL")

    def close(self) -> None:
        """Close and delete the database."""
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None
