"""Export files in the cache: which files an input produces, and the digests of those written."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from collections.abc import Mapping

from corpus_tools.cache.digests import Digests, path_key, path_of
from corpus_tools.cache.store import Store, Window, stamp_of, trusted_mtime

# New digests are written in batches as they come, as per-file results are: a check of
# 100,000 export files does not hold a row for each until the end.
_BATCH = 2000


class ExportFiles:
    """The export manifest by inputs key, and export file digests by stamp."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._outputs = Window(store, "outputs", "path", "size, mtime_ns, ctime_ns, ino, sha256")
        self._new: list[tuple[str, int, int, int, int, str]] = []

    def output_sha256(self, name: str) -> str | None:
        """The SHA-256 of an export file by absolute path (None when it is not a regular
        file), from its stored stamp when size, modification time and inode match, else
        read and stored.

        Exports are checked on every run; hashing 100,000 unchanged files each time would
        cost more than everything else a re-export does.
        """
        try:
            st = os.stat(name)
            if not stat.S_ISREG(st.st_mode):
                return None
            row = self._outputs.get(name)
            if row is not None and row[:4] == stamp_of(st):
                return str(row[4])
            digest = hashlib.sha256()
            with open(name, "rb") as fh:
                while chunk := fh.read(1 << 20):
                    digest.update(chunk)
        except OSError:
            return None
        sha = digest.hexdigest()
        if self._store.enabled:
            size, mtime, ctime, ino = stamp_of(st)
            self._new.append((name, size, trusted_mtime(mtime), ctime, ino, sha))
            if len(self._new) >= _BATCH:
                self.flush()
        return sha

    def manifest(self, key: str) -> Digests | None:
        """The export files (relative path -> SHA-256) that inputs ``key`` produce,
        copied out of the cache row by row: a read that fails half-way gives None, never
        part of a manifest."""

        def query(db: sqlite3.Connection) -> Digests | None:
            if db.execute("SELECT 1 FROM manifests WHERE key = ?", (key,)).fetchone() is None:
                return None
            files = Digests()
            try:
                rows = db.execute("SELECT path, sha256 FROM manifest_files ORDER BY path")
                files.add((path_of(path), sha) for path, sha in rows)
            except BaseException:
                files.close()
                raise
            return files

        return self._store.read(query, None)

    def put_manifest(self, key: str, files: Mapping[str, str]) -> None:
        """Remember which export files inputs ``key`` produce (only the latest is kept),
        a row per file, read from ``files`` as they are written."""

        def replace(db: sqlite3.Connection) -> None:
            db.execute("DELETE FROM manifests")  # only the latest is useful
            db.execute("DELETE FROM manifest_files")
            db.execute("INSERT INTO manifests VALUES (?)", (key,))
            db.executemany(
                "INSERT OR REPLACE INTO manifest_files VALUES (?, ?)",
                ((path_key(path), sha) for path, sha in files.items()),
            )

        self._store.write(replace)

    def flush(self) -> None:
        """Write the digests not yet stored."""
        self._store.replace_rows("outputs", self._new)
