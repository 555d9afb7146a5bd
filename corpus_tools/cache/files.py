"""Per-file results in the cache, found by path and trusted by the file's stamp or content."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from corpus_tools.cache.store import Stamp, Store, Window, stamp_of, trusted_mtime

# New results are written in batches as they come, so a cold run over a large corpus
# does not hold every new result until the end.
_BATCH = 2000


class FileResults:
    """Stored ``(sha256, payload)`` results by path, valid for one context key (and,
    for a file whose result depends on more than its bytes, such as a seed's row of the
    source metadata table, for that key too)."""

    def __init__(self, store: Store, context: str) -> None:
        self._store = store
        self.context = context
        # Rows of every context: a file's own key decides which one is valid (and a
        # stamp vouches for a file's SHA-256 whatever the context). Read as files are
        # looked up, never before: a run answered from a snapshot needs none.
        self._rows = Window(
            store, "files", "path", "ctx, size, mtime_ns, ctime_ns, ino, sha256, payload"
        )
        self._new: list[tuple[str, str, int, int, int, int, str, str]] = []
        self.hits = 0

    def context_of(self, key: str | None) -> str:
        """The context a file's result is stored under: the run's, combined with the
        file's own ``key`` where it has one."""
        if key is None:
            return self.context
        return hashlib.sha256(f"{self.context} {key}".encode()).hexdigest()

    def get(
        self, rel: str, st: os.stat_result, path: Path, key: str | None = None
    ) -> tuple[str, str] | None:
        """The stored ``(sha256, payload)`` for this file's current content (and its
        ``key``), if any."""
        row = self._rows.get(rel)
        if row is None:
            return None
        ctx, size, mtime_ns, ctime_ns, ino, sha, payload = row
        if ctx != self.context_of(key) or size != st.st_size:
            return None
        if (size, mtime_ns, ctime_ns, ino) != stamp_of(st):
            try:
                if hashlib.sha256(path.read_bytes()).hexdigest() != sha:
                    return None
            except OSError:
                return None
            # Same content, new time stamp: remember it.
            self.put(rel, stamp_of(st), sha, payload, key)
        self.hits += 1
        return sha, payload

    def put(
        self,
        rel: str,
        stamp: Stamp,
        sha256: str,
        payload: str,
        key: str | None = None,
    ) -> None:
        """Remember the result for this file's content (and its ``key``); ``stamp`` is
        the file's ``stamp_of``, taken before it was read."""
        if not self._store.enabled:
            return
        size, mtime, ctime, ino = stamp
        ctx = self.context_of(key)
        self._new.append((rel, ctx, size, trusted_mtime(mtime), ctime, ino, sha256, payload))
        if len(self._new) >= _BATCH:
            self.flush()

    def sha256(self, rel: str, path: Path) -> str | None:
        """The SHA-256 of a file's bytes: from the cache when its stamp matches, else read."""
        row = self._rows.get(rel)
        try:
            st = path.lstat()
            if not stat.S_ISREG(st.st_mode):
                return None  # links and devices are the seed reader's to judge, not read here
            if row is not None and row[1:5] == stamp_of(st):
                return str(row[5])
            return hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return None

    def flush(self) -> None:
        """Write the results not yet stored."""
        self._store.replace_rows("files", self._new)
