"""A number that moves whenever anyone commits to the store: the cheapest test of a cached answer.

SQLite keeps such a counter per connection: `PRAGMA data_version` changes when any *other*
connection commits, in this process or another (`spendsense pipeline` or an ingest run
beside the server), and reading it touches no table. One connection of our own that never
writes asks it; an answer made at generation G is still right while the generation is G.
The file itself may also be swapped for another one (the Lambda functions download a
fresh snapshot beside the live file and rename it over it): the watcher notices the new
file, reopens, and starts a new epoch, so no generation of the old file is ever repeated.
PostgreSQL has no such counter, and neither does a private in-memory SQLite: there the
generation is None, and every request revalidates with its own queries.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

from sqlalchemy import Engine

# Never long: the question is asked on the event loop (a WAL reader waits only while the WAL restarts).
WAIT_SECONDS = 0.05
Generation = tuple[int, int]  # (epoch: one per file opened, the file's data_version)


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
        self._file: tuple[int, int] | None = None  # (device, inode) the connection has open
        self._epoch = 0
        self._lock = threading.Lock()

    def current(self) -> Generation | None:
        if self._database is None:
            return None
        with self._lock:
            try:
                version = self._data_version(self._database)  # first: it may start a new epoch
            except (OSError, sqlite3.Error):
                return None  # unknown: the caller revalidates, which is always correct
            return self._epoch, version

    def _data_version(self, database: str) -> int:
        found = os.stat(database)
        if self._connection is None or self._file != (found.st_dev, found.st_ino):
            # Opened on first use (most apps in tests never ask), and again for a file put in the old one's place.
            if self._connection is not None:
                self._connection.close()
            # Read-only: closing it never checkpoints or deletes the -wal file by name, which after a
            # swap would be the new file's.
            uri = f"{Path(database).resolve().as_uri()}?mode=ro"
            self._connection = sqlite3.connect(
                uri, uri=True, timeout=WAIT_SECONDS, isolation_level=None, check_same_thread=False
            )
            self._file, self._epoch = (found.st_dev, found.st_ino), self._epoch + 1
        # fetchall ends the statement, so no read transaction stays open to hold back checkpoints.
        return int(self._connection.execute("PRAGMA data_version").fetchall()[0][0])
