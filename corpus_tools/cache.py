"""A content-addressed cache of per-file check results, under ``.corpus-cache/``.

A result is reused only when the file's bytes (SHA-256), the tool version, the schemas
and the settings are all the same as when it was stored. To avoid reading every file on
a warm run, a file whose size, modification time and inode match the stored ones is
taken to have the stored content, as git's index does; a file modified within two
seconds of being stored is always re-read (its time stamp cannot yet be trusted). The
folder is git-ignored and safe to delete at any time; a damaged cache is ignored.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import stat
import time
from pathlib import Path
from typing import Any

CACHE_DIR = ".corpus-cache"
_FILE = "v1.sqlite3"
RACY_NS = 2_000_000_000
_BATCH = 2000


def context_key(*parts: Any) -> str:
    """A digest of everything besides the content that a result depends on."""
    # ASCII escapes: file names that are not UTF-8 (lone surrogates) still encode.
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=True, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class Cache:
    """Stored results by path, valid for one context key."""

    def __init__(self, root: Path, context: str, *, enabled: bool = True) -> None:
        self.context = context
        self._loaded: dict[str, tuple[int, int, int, str, str]] | None = None
        self._new: list[tuple[str, str, int, int, int, str, str]] = []
        self._outputs: dict[str, tuple[int, int, int, str]] | None = None
        self._new_outputs: list[tuple[str, int, int, int, str]] = []
        self._db: sqlite3.Connection | None = None
        self.hits = 0
        if not enabled:
            return
        folder = root / CACHE_DIR
        try:
            folder.mkdir(exist_ok=True)
            ignore = folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("*\n", encoding="utf-8")
            self._db = sqlite3.connect(folder / _FILE, timeout=5)
            # A cache needs no durability, only integrity: WAL with NORMAL syncs commits
            # without an fsync each, and a crash at worst loses the latest results.
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, ctx TEXT, size INTEGER,"
                " mtime_ns INTEGER, ino INTEGER, sha256 TEXT, payload TEXT)"
            )
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS manifests (key TEXT PRIMARY KEY, files TEXT)"
            )
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS verdicts (key TEXT PRIMARY KEY, problems TEXT)"
            )
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS snapshots (key TEXT PRIMARY KEY, report TEXT)"
            )
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS outputs (path TEXT PRIMARY KEY, size INTEGER,"
                " mtime_ns INTEGER, ino INTEGER, sha256 TEXT)"
            )
        except (OSError, sqlite3.Error):
            self._close_quietly()

    @property
    def _rows(self) -> dict[str, tuple[int, int, int, str, str]]:
        # Loaded on first use: a run answered from a snapshot never needs the rows.
        if self._loaded is None:
            self._loaded = {}
            if self._db is not None:
                try:
                    cur = self._db.execute(
                        "SELECT path, size, mtime_ns, ino, sha256, payload FROM files"
                        " WHERE ctx = ?",
                        (self.context,),
                    )
                    self._loaded = {row[0]: row[1:] for row in cur}
                except sqlite3.Error:
                    self._loaded = {}
        return self._loaded

    def _close_quietly(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None
        self._loaded = {}

    @property
    def enabled(self) -> bool:
        """False when the cache is switched off or could not be opened."""
        return self._db is not None

    def get(self, rel: str, st: os.stat_result, path: Path) -> tuple[str, str] | None:
        """The stored ``(sha256, payload)`` for this file's current content, if any."""
        row = self._rows.get(rel)
        if row is None:
            return None
        size, mtime_ns, ino, sha, payload = row
        if size != st.st_size:
            return None
        if mtime_ns != st.st_mtime_ns or ino != st.st_ino:
            try:
                if hashlib.sha256(path.read_bytes()).hexdigest() != sha:
                    return None
            except OSError:
                return None
            # Same content, new time stamp: remember it.
            self.put(rel, (st.st_size, st.st_mtime_ns, st.st_ino), sha, payload)
        self.hits += 1
        return sha, payload

    def put(self, rel: str, stamp: tuple[int, int, int], sha256: str, payload: str) -> None:
        """Remember the result for this file's content; ``stamp`` is the file's size,
        modification time (ns) and inode, taken before it was read."""
        if self._db is None:
            return
        size, mtime, ino = stamp
        if time.time_ns() - mtime < RACY_NS:
            mtime = -1  # too fresh to trust: the content is checked next time
        self._new.append((rel, self.context, size, mtime, ino, sha256, payload))
        if len(self._new) >= _BATCH:
            self._write_new()

    def _write_new(self) -> None:
        # Written in batches as they come, so a cold run over a large corpus does not
        # hold every new result until the end.
        self._insert("files", self._new)

    def _insert(self, table: str, rows: list[Any]) -> None:
        """Store ``rows`` (best effort: a cache never fails a run) and forget them."""
        if self._db is not None and rows:
            marks = ", ".join("?" * len(rows[0]))
            try:
                with self._db:
                    self._db.executemany(f"INSERT OR REPLACE INTO {table} VALUES ({marks})", rows)
            except sqlite3.Error:
                pass
        rows.clear()

    def sha256(self, rel: str, path: Path) -> str | None:
        """The SHA-256 of a file's bytes: from the cache when its stamp matches, else read."""
        row = self._rows.get(rel)
        try:
            st = path.lstat()
            if not stat.S_ISREG(st.st_mode):
                return None  # links and devices are the seed reader's to judge, not read here
            if row is not None and row[:3] == (st.st_size, st.st_mtime_ns, st.st_ino):
                return row[3]
            return hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return None

    def output_sha256(self, name: str) -> str | None:
        """The SHA-256 of an export file by absolute path (None when it is not a regular
        file), from its
        stored stamp when size, modification time and inode match, else read and stored.

        Exports are checked on every run; hashing 100,000 unchanged files each time would
        cost more than everything else a re-export does.
        """
        try:
            st = os.stat(name)
            if not stat.S_ISREG(st.st_mode):
                return None
            if self._outputs is None:
                self._outputs = self._load_outputs()
            row = self._outputs.get(name)
            if row is not None and row[:3] == (st.st_size, st.st_mtime_ns, st.st_ino):
                return row[3]
            digest = hashlib.sha256()
            with open(name, "rb") as fh:
                while chunk := fh.read(1 << 20):
                    digest.update(chunk)
        except OSError:
            return None
        sha = digest.hexdigest()
        if self._db is not None:
            mtime = st.st_mtime_ns
            if time.time_ns() - mtime < RACY_NS:
                mtime = -1  # too fresh to trust: hashed again next time
            self._new_outputs.append((name, st.st_size, mtime, st.st_ino, sha))
        return sha

    def _load_outputs(self) -> dict[str, tuple[int, int, int, str]]:
        if self._db is None:
            return {}
        try:
            cur = self._db.execute("SELECT path, size, mtime_ns, ino, sha256 FROM outputs")
            return {row[0]: row[1:] for row in cur}
        except sqlite3.Error:
            return {}

    def manifest(self, key: str) -> dict[str, str] | None:
        """The export files (relative path -> SHA-256) that inputs ``key`` produce."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT files FROM manifests WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        if row is None:
            return None
        files: dict[str, str] = json.loads(row[0])
        return files

    def put_manifest(self, key: str, files: dict[str, str]) -> None:
        """Remember which export files inputs ``key`` produce."""
        if self._db is None:
            return
        try:
            with self._db:
                self._db.execute("DELETE FROM manifests")  # only the latest is useful
                self._db.execute(
                    "INSERT INTO manifests VALUES (?, ?)", (key, json.dumps(files, sort_keys=True))
                )
        except sqlite3.Error:
            pass

    def snapshot(self, key: str) -> dict[str, Any] | None:
        """The report of a run whose inputs had this key."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT report FROM snapshots WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        if row is None:
            return None
        report = json.loads(row[0])
        return report if isinstance(report, dict) else None

    def put_snapshot(self, key: str, report: dict[str, Any]) -> None:
        """Remember a whole run's report (only the latest is kept)."""
        if self._db is None:
            return
        try:
            with self._db:
                self._db.execute("DELETE FROM snapshots")
                self._db.execute(
                    "INSERT INTO snapshots VALUES (?, ?)",
                    (key, json.dumps(report, ensure_ascii=False)),
                )
        except sqlite3.Error:
            pass

    def verdicts(self, keys: list[str]) -> dict[str, str]:
        """Stored verdicts (JSON lists of problems) for these keys."""
        if self._db is None or not keys:
            return {}
        found: dict[str, str] = {}
        try:
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                cur = self._db.execute(
                    f"SELECT key, problems FROM verdicts WHERE key IN ({marks})", chunk
                )
                found.update(dict(cur.fetchall()))
        except sqlite3.Error:
            return {}
        return found

    def put_verdicts(self, items: dict[str, str]) -> None:
        """Remember verdicts by key."""
        if self._db is None or not items:
            return
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO verdicts VALUES (?, ?)", items.items())
        except sqlite3.Error:
            pass

    def close(self) -> None:
        """Write what was learnt (best effort: a cache never fails a run)."""
        self._write_new()
        self._insert("outputs", self._new_outputs)
        self._close_quietly()
