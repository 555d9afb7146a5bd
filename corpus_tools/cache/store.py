"""The cache's SQLite file: opening it, and the one place where its errors are absorbed."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

CACHE_DIR = ".corpus-cache"
# v2: stamps hold the inode change time too; v3: the export manifest is rows, one per
# file, no longer one JSON text (older files are left for the user to delete).
FILE = "v3.sqlite3"
# A file modified this recently may change again within its time stamp's resolution.
RACY_NS = 2_000_000_000

_T = TypeVar("_T")
_Row = TypeVar("_Row", bound=tuple[Any, ...])

_TABLES = (
    "CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, ctx TEXT, size INTEGER,"
    " mtime_ns INTEGER, ctime_ns INTEGER, ino INTEGER, sha256 TEXT, payload TEXT)",
    "CREATE TABLE IF NOT EXISTS manifests (key TEXT PRIMARY KEY)",
    "CREATE TABLE IF NOT EXISTS manifest_files (path BLOB PRIMARY KEY, sha256 TEXT NOT NULL)"
    " WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS verdicts (key TEXT PRIMARY KEY, problems TEXT)",
    "CREATE TABLE IF NOT EXISTS snapshots (key TEXT PRIMARY KEY, report TEXT)",
    "CREATE TABLE IF NOT EXISTS outputs (path TEXT PRIMARY KEY, size INTEGER,"
    " mtime_ns INTEGER, ctime_ns INTEGER, ino INTEGER, sha256 TEXT)",
)


Stamp = tuple[int, int, int, int]


def stamp_of(st: os.stat_result) -> Stamp:
    """What a file's stored result is trusted by: size, modification time, inode change
    time and inode. The change time is in it because a program can set the modification
    time back after a write (os.utime, touch -d, tar), never the change time: as git does,
    a same-size edit with the old time stamp restored is seen."""
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def trusted_mtime(mtime_ns: int) -> int:
    """The time stamp to store for a file: -1 when too fresh to trust next time."""
    return -1 if time.time_ns() - mtime_ns < RACY_NS else mtime_ns


class Store:
    """The SQLite connection of the cache, or none when it is off or has failed.

    Every use goes through ``_guarded``: a cache never fails a run, so any error of the
    file (damaged, locked, full disk) switches the cache off for the rest of the run and
    the caller gets its default, as if nothing had been stored.
    """

    def __init__(self, root: Path | None) -> None:
        self._db: sqlite3.Connection | None = None
        if root is not None:
            self._guarded(lambda: self._open(root / CACHE_DIR), None)

    def _open(self, folder: Path) -> None:
        folder.mkdir(exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("*\n", encoding="utf-8")
        self._db = sqlite3.connect(folder / FILE, timeout=5)
        # A cache needs no durability, only integrity: WAL with NORMAL syncs commits
        # without an fsync each, and a crash at worst loses the latest results.
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        for table in _TABLES:
            self._db.execute(table)

    @property
    def enabled(self) -> bool:
        """False when the cache is switched off, could not be opened or has failed."""
        return self._db is not None

    def read(self, query: Callable[[sqlite3.Connection], _T], default: _T) -> _T:
        """``query(connection)``, or ``default`` when the cache is off or fails."""
        db = self._db
        if db is None:
            return default
        return self._guarded(lambda: query(db), default)

    def write(self, change: Callable[[sqlite3.Connection], object]) -> None:
        """Run ``change(connection)`` in one transaction (best effort)."""
        db = self._db
        if db is None:
            return

        def run() -> None:
            with db:
                change(db)

        self._guarded(run, None)

    def replace_rows(self, table: str, rows: list[_Row]) -> None:
        """Store ``rows`` in ``table`` over any with the same key, and forget them."""
        if rows:
            marks = ", ".join("?" * len(rows[0]))
            self.write(
                lambda db: db.executemany(f"INSERT OR REPLACE INTO {table} VALUES ({marks})", rows)
            )
        rows.clear()

    def close(self) -> None:
        """Close the connection; the cache is off from then on."""
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None

    def _guarded(self, action: Callable[[], _T], default: _T) -> _T:
        try:
            return action()
        except (OSError, sqlite3.Error):
            self.close()
            return default


class Window:
    """Rows of a table by key, read a window of consecutive keys at a time: runs look
    their files up in path order, so one query serves the next ``size`` lookups, and
    only those rows are held (a table of 100,000 results loaded whole cost most of a
    warm run's memory). A key outside the window read last reads the window from it.
    """

    def __init__(self, store: Store, table: str, key: str, columns: str, size: int = 1024) -> None:
        self._store = store
        self._query = (
            f"SELECT {key}, {columns} FROM {table} WHERE {key} >= ? ORDER BY {key} LIMIT {size}"
        )
        self._size = size
        self._rows: dict[str, tuple[Any, ...]] = {}
        # The keys the window covers: every row of the table from ``_low`` to ``_high``
        # (None: to the end of the table) is in ``_rows``.
        self._low: str | None = None
        self._high: str | None = None

    def get(self, key: str) -> tuple[Any, ...] | None:
        """The row stored under ``key`` (its columns after the key), if any."""
        low, high = self._low, self._high
        if low is None or key < low or (high is not None and key > high):
            try:
                key.encode("utf-8")
            except UnicodeEncodeError:
                return None  # a name SQLite cannot hold (a lone surrogate): never stored
            rows: list[tuple[Any, ...]] = self._store.read(
                lambda db: db.execute(self._query, (key,)).fetchall(), []
            )
            self._rows = {row[0]: row[1:] for row in rows}
            self._low = key
            self._high = rows[-1][0] if len(rows) >= self._size else None
        return self._rows.get(key)
