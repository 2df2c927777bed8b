"""A number that moves whenever anyone commits to the store: the cheapest test of a cached answer.

SQLite keeps such a counter per connection: `PRAGMA data_version` changes when any *other*
connection commits, in this process or another (`spendsense pipeline` or an ingest run
beside the server), and reading it touches no table. One connection of our own that never
writes asks it; an answer made at generation G is still right while the generation is G.
PostgreSQL has no such counter, and neither does a private in-memory SQLite: there the
generation is None, and every request revalidates with its own queries.
"""

from __future__ import annotations

import sqlite3
import threading

from sqlalchemy import Engine

# Never long: the question is asked on the event loop (a WAL reader waits only while the WAL restarts).
WAIT_SECONDS = 0.05


def _database_file(engine: Engine) -> str | None:
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return database


class StoreGeneration:
    """`current()`: the store's commit counter as this process sees it, or None where there is none."""

    def __init__(self, engine: Engine) -> None:
        self._database = _database_file(engine)
        self._connection: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def current(self) -> int | None:
        if self._database is None:
            return None
        with self._lock:
            try:
                if self._connection is None:  # opened on first use: most apps in tests never ask
                    self._connection = sqlite3.connect(
                        self._database, timeout=WAIT_SECONDS, isolation_level=None, check_same_thread=False
                    )
                # fetchall ends the statement, so no read transaction stays open to hold back checkpoints.
                rows = self._connection.execute("PRAGMA data_version").fetchall()
            except sqlite3.Error:
                return None  # unknown: the caller revalidates, which is always correct
        return int(rows[0][0])
