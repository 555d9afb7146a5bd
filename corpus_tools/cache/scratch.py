"""A private, temporary SQLite database: the place a run keeps per-file rows that
would be most of its memory as Python objects at 100,000 files."""

from __future__ import annotations

import sqlite3


def scratch_db(cache_kib: int) -> sqlite3.Connection:
    """A new on-disk database of this connection alone, keeping ``cache_kib`` KiB of
    pages in memory. SQLite deletes it when the connection is closed."""
    # An empty name makes the database private and temporary. Nothing needs
    # durability: no journal, no syncing.
    db = sqlite3.connect("", isolation_level=None)
    db.execute(f"PRAGMA cache_size=-{cache_kib}")
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA temp_store=FILE")
    return db
