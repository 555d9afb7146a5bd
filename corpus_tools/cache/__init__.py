"""A content-addressed cache of per-file check results, under ``.corpus-cache/``.

A result is reused only when the file's bytes (SHA-256), the tool version, the schemas
and the settings are all the same as when it was stored. To avoid reading every file on
a warm run, a file whose size, modification time and inode match the stored ones is
taken to have the stored content, as git's index does; a file modified within two
seconds of being stored is always re-read (its time stamp cannot yet be trusted). The
folder is git-ignored and safe to delete at any time; a damaged cache is ignored.

The parts, one SQLite file: ``files`` (per-file results), ``exports`` (the export
manifest, a row per file, and export file digests) and ``runs`` (run snapshots and export verdicts),
over one ``Store`` that absorbs every database error in one place.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from corpus_tools.cache.digests import Digests, digests_of
from corpus_tools.cache.exports import ExportFiles
from corpus_tools.cache.files import FileResults
from corpus_tools.cache.runs import RunRecords
from corpus_tools.cache.store import CACHE_DIR, RACY_NS, Stamp, Store, stamp_of

__all__ = ["CACHE_DIR", "RACY_NS", "Cache", "Digests", "context_key", "digests_of", "stamp_of"]


def context_key(*parts: Any) -> str:
    """A digest of everything besides the content that a result depends on."""
    # ASCII escapes: file names that are not UTF-8 (lone surrogates) still encode.
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=True, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class Cache:
    """The cache of one run: stored results by path, valid for one context key."""

    def __init__(self, root: Path, context: str, *, enabled: bool = True) -> None:
        self._store = Store(root if enabled else None)
        self.context = context
        self.files = FileResults(self._store, context)
        self.exports = ExportFiles(self._store)
        self.runs = RunRecords(self._store)

    @property
    def enabled(self) -> bool:
        """False when the cache is switched off, could not be opened or has failed."""
        return self._store.enabled

    @property
    def hits(self) -> int:
        """How many per-file results were served from the cache."""
        return self.files.hits

    def get(
        self, rel: str, st: os.stat_result, path: Path, key: str | None = None
    ) -> tuple[str, str] | None:
        """The stored ``(sha256, payload)`` for this file's current content, if any;
        ``key`` is what else the result depends on (a seed's source metadata row)."""
        return self.files.get(rel, st, path, key)

    def put(
        self,
        rel: str,
        stamp: Stamp,
        sha256: str,
        payload: str,
        key: str | None = None,
    ) -> None:
        """Remember the result for this file's content (``stamp``: ``stamp_of`` the file)
        and ``key``."""
        self.files.put(rel, stamp, sha256, payload, key)

    def sha256(self, rel: str, path: Path) -> str | None:
        """The SHA-256 of a file's bytes: from the cache when its stamp matches, else read."""
        return self.files.sha256(rel, path)

    def output_sha256(self, name: str) -> str | None:
        """The SHA-256 of an export file by absolute path, from its stamp when trusted."""
        return self.exports.output_sha256(name)

    def manifest(self, key: str) -> Digests | None:
        """The export files (relative path -> SHA-256) that inputs ``key`` produce."""
        return self.exports.manifest(key)

    def put_manifest(self, key: str, files: Mapping[str, str]) -> None:
        """Remember which export files inputs ``key`` produce."""
        self.exports.put_manifest(key, files)

    def snapshot(self, key: str) -> dict[str, Any] | None:
        """The report of a run whose inputs had this key."""
        return self.runs.snapshot(key)

    def put_snapshot(self, key: str, report: dict[str, Any]) -> None:
        """Remember a whole run's report (only the latest is kept)."""
        self.runs.put_snapshot(key, report)

    def verdicts(self, keys: list[str]) -> dict[str, str]:
        """Stored verdicts (JSON lists of problems) for these keys."""
        return self.runs.verdicts(keys)

    def put_verdicts(self, items: dict[str, str]) -> None:
        """Remember verdicts by key."""
        self.runs.put_verdicts(items)

    def close(self) -> None:
        """Write what was learnt (best effort: a cache never fails a run)."""
        self.files.flush()
        self.exports.flush()
        self._store.close()
