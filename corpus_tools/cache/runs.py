"""Whole runs in the cache: the report of a run by its inputs, and export verdicts by key."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from corpus_tools.cache.store import Store

# SQLite's default limit on the number of parameters of one statement is 999.
_KEYS_PER_QUERY = 500


class RunRecords:
    """Run snapshots (only the latest is kept) and export verdicts."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def snapshot(self, key: str) -> dict[str, Any] | None:
        """The report of a run whose inputs had this key."""
        row = self._store.read(
            lambda db: db.execute("SELECT report FROM snapshots WHERE key = ?", (key,)).fetchone(),
            None,
        )
        if row is None:
            return None
        report = json.loads(row[0])
        return report if isinstance(report, dict) else None

    def put_snapshot(self, key: str, report: dict[str, Any]) -> None:
        """Remember a whole run's report (only the latest is kept)."""

        def replace(db: sqlite3.Connection) -> None:
            db.execute("DELETE FROM snapshots")
            db.execute(
                "INSERT INTO snapshots VALUES (?, ?)", (key, json.dumps(report, ensure_ascii=False))
            )

        self._store.write(replace)

    def verdicts(self, keys: list[str]) -> dict[str, str]:
        """Stored verdicts (JSON lists of problems) for these keys."""
        if not keys:
            return {}

        def query(db: sqlite3.Connection) -> dict[str, str]:
            found: dict[str, str] = {}
            for start in range(0, len(keys), _KEYS_PER_QUERY):
                chunk = keys[start : start + _KEYS_PER_QUERY]
                marks = ",".join("?" * len(chunk))
                cur = db.execute(
                    f"SELECT key, problems FROM verdicts WHERE key IN ({marks})", chunk
                )
                found.update(dict(cur.fetchall()))
            return found

        return self._store.read(query, {})

    def put_verdicts(self, items: dict[str, str]) -> None:
        """Remember verdicts by key."""
        if items:
            self._store.write(
                lambda db: db.executemany(
                    "INSERT OR REPLACE INTO verdicts VALUES (?, ?)", items.items()
                )
            )
