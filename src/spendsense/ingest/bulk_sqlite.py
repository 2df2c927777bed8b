"""Bulk writes to SQLite through ADBC: Arrow batches bound in C, one transaction for the whole load.

Why ADBC and not `sqlite3.executemany`: measured here, executemany spends most of its time
turning columns into Python tuples (~100-150k rows/s), too slow for tens of millions of
rows; ADBC ingests a Polars frame through the Arrow C stream without any Python objects per
row. The PRAGMAs below speed up this one connection (no fsync until the end, a large page
cache) and die with it. One setting is the file's own: WAL would write every page of a
multi-GB load twice (log, then checkpoint), so while no one else has the store open the load
runs with a rollback journal, which keeps only the few pages that existed before; WAL comes
back as the load ends, committed or not.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any

import polars as pl
from sqlalchemy import Engine

# 1 GiB of pages for the upserts: measured at 100k users, 2 GiB bought no speed and pushed the peak past 4 GB.
BULK_CACHE = "PRAGMA cache_size=-1048576"
BULK_PRAGMAS = (
    # Every row was checked against its parent rows before writing (bulk_read), so no per-row lookups.
    "PRAGMA foreign_keys=OFF",
    "PRAGMA busy_timeout=30000",
    "PRAGMA synchronous=OFF",  # a crash of the machine mid-load can lose the load; a failed load rolls back
    BULK_CACHE,
    "PRAGMA threads=2",  # index builds may sort on a second core
)
# Index builds sort in runs the size of the page cache; small runs stay in the CPU's caches and
# then merge in one pass. Measured at 10k users: the random transaction_id index 2.2 CPU-s with
# 8 MiB against 3.3 with 1 GiB, the (user, date) and (account, date) ones no different.
INDEX_BUILD_CACHE = "PRAGMA cache_size=-8192"
# SQLAlchemy's text form for DATETIME on SQLite: what every other writer of these columns stores.
SQLITE_DATETIME = "%Y-%m-%d %H:%M:%S%.6f"


def _sqlite_values(frame: pl.DataFrame) -> pl.DataFrame:
    """Datetimes as SQLAlchemy writes them; booleans (0/1) already match.

    Dates become ISO text here, as the driver would store them: Polars formats a column in
    parallel, the driver one value at a time (measured: a quarter of the append time).
    """
    stamps = [name for name, dtype in frame.schema.items() if isinstance(dtype, pl.Datetime)]
    days = [name for name, dtype in frame.schema.items() if isinstance(dtype, pl.Date)]
    return frame.with_columns(
        *(pl.col(name).dt.strftime(SQLITE_DATETIME) for name in stamps),
        *(pl.col(name).dt.strftime("%Y-%m-%d") for name in days),
    )


class SqliteBulkWriter:
    def __init__(self, engine: Engine) -> None:
        from adbc_driver_manager import dbapi

        # The ADBC SQLite driver reports constraint failures as InternalError.
        self.integrity_errors: tuple[type[Exception], ...] = (dbapi.IntegrityError, dbapi.InternalError)
        self._operational_error: type[Exception] = dbapi.OperationalError
        self._engine = engine
        self._rollback_journal = False
        database = engine.url.database
        if not database or database == ":memory:":
            raise ValueError("the bulk path needs a SQLite file, not an in-memory database")
        self._path = database
        self._connection: Any = None
        self._cursor: Any = None

    def __enter__(self) -> SqliteBulkWriter:
        import adbc_driver_sqlite.dbapi as adbc

        self._engine.dispose()  # our own idle connections would keep the store in WAL
        self._connection = adbc.connect(self._path, autocommit=True)
        self._cursor = self._connection.cursor()
        self._rollback_journal = self._leave_wal()
        for pragma in BULK_PRAGMAS:
            self._cursor.execute(pragma)
        self._cursor.execute("BEGIN IMMEDIATE")
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        try:
            self._cursor.execute("ROLLBACK" if error is not None else "COMMIT")
        finally:
            try:
                if self._rollback_journal:
                    self._cursor.execute("PRAGMA journal_mode=WAL")
            finally:
                self._cursor.close()
                self._connection.close()

    def _leave_wal(self) -> bool:
        """Switch the file to a rollback journal for the load; False (stay in WAL) when others have it open."""
        try:
            self._cursor.execute("PRAGMA journal_mode=DELETE")
            mode = str(self._cursor.fetch_polars().item())
        except self._operational_error:
            return False
        return mode == "delete"

    def stage(self, name: str, frame: pl.DataFrame, replace: bool = False) -> None:
        mode = "replace" if replace else "create_append"
        self._cursor.adbc_ingest(f"stage_{name}", _sqlite_values(frame), mode=mode, temporary=True)

    def append(self, table: str, frame: pl.DataFrame) -> None:
        self._cursor.adbc_ingest(table, _sqlite_values(frame), mode="append")

    def execute(self, sql: str) -> int:
        self._cursor.execute(sql)
        return self.scalar("SELECT changes()")

    def scalar(self, sql: str) -> int:
        self._cursor.execute(sql)
        return int(self._cursor.fetch_polars().item())

    def json(self, expression: str) -> str:
        return expression  # SQLite keeps JSON as text

    def _indexes(self, table: str) -> pl.DataFrame:
        # Only our own secondary indexes: the primary key's automatic index has no SQL and stays.
        self._cursor.execute("SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
        frame: pl.DataFrame = self._cursor.fetch_polars()
        return frame.filter(pl.col("tbl_name") == table)

    @contextmanager
    def appending(self, table: str, incoming_rows: int) -> Iterator[None]:
        """Drop the secondary indexes while appending more rows than the table holds; rebuild them after.

        Building an index once over sorted keys beats maintaining it row by row. The drop is part
        of the transaction, so a failed load gets its indexes back with the rollback.
        """
        if incoming_rows <= self.scalar(f"SELECT count(*) FROM {table}"):  # noqa: S608
            yield
            return
        indexes = self._indexes(table)
        for name in indexes.get_column("name"):
            self._cursor.execute(f'DROP INDEX "{name}"')
        yield
        # Unique indexes first: a duplicate key fails the load before the others are built for nothing.
        unique_first = indexes.sort(
            pl.col("sql").str.starts_with("CREATE UNIQUE"), descending=True, maintain_order=True
        )
        self._cursor.execute(INDEX_BUILD_CACHE)
        for sql in unique_first.get_column("sql"):
            self._cursor.execute(sql)
        self._cursor.execute(BULK_CACHE)
