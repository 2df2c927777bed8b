"""Bulk writes to PostgreSQL: COPY (CSV written by Polars in Rust) into temp tables or the target, one transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any

import polars as pl
import psycopg
from sqlalchemy import Engine

# Temp-table column types for the Polars types of `spendsense.tables`.
PG_TYPES: dict[type[pl.DataType], str] = {
    pl.String: "text",
    pl.Int64: "bigint",
    pl.Float64: "double precision",
    pl.Boolean: "boolean",
    pl.Date: "date",
    pl.Datetime: "timestamptz",
}


def _columns(frame: pl.DataFrame) -> str:
    return ", ".join(f'"{name}"' for name in frame.columns)


class PostgresBulkWriter:
    integrity_errors: tuple[type[Exception], ...] = (psycopg.IntegrityError,)

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._raw: Any = None
        self._cursor: Any = None
        self._staged: set[str] = set()

    def __enter__(self) -> PostgresBulkWriter:
        self._raw = self._engine.raw_connection()
        self._cursor = self._raw.driver_connection.cursor()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        try:
            if error is None:
                self._raw.commit()
            else:
                self._raw.rollback()
        finally:
            self._cursor.close()
            self._raw.close()

    def _copy(self, table: str, frame: pl.DataFrame) -> None:
        # CSV keeps NULL (unquoted empty) apart from the empty string (""), as Polars writes them.
        with self._cursor.copy(f"COPY {table} ({_columns(frame)}) FROM STDIN (FORMAT csv)") as copy:
            copy.write(frame.write_csv(include_header=False))

    def stage(self, name: str, frame: pl.DataFrame, replace: bool = False) -> None:
        table = f"stage_{name}"
        if replace or table not in self._staged:
            columns = ", ".join(f'"{column}" {PG_TYPES[type(dtype)]}' for column, dtype in frame.schema.items())
            self._cursor.execute(f"DROP TABLE IF EXISTS {table}")
            self._cursor.execute(f"CREATE TEMP TABLE {table} ({columns}) ON COMMIT DROP")
            self._staged.add(table)
        if frame.height:
            self._copy(table, frame)

    def append(self, table: str, frame: pl.DataFrame) -> None:
        self._copy(table, frame)

    def execute(self, sql: str) -> int:
        self._cursor.execute(sql)
        return int(self._cursor.rowcount)

    def scalar(self, sql: str) -> int:
        self._cursor.execute(sql)
        return int(self._cursor.fetchone()[0])

    def json(self, expression: str) -> str:
        return f"({expression})::jsonb"

    @contextmanager
    def appending(self, table: str, incoming_rows: int) -> Iterator[None]:
        yield  # PostgreSQL maintains its indexes well enough under COPY
