"""Load the normalized tables from the store into Polars frames shaped like `spendsense.tables`."""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl
from sqlalchemy import BindParameter, Connection, Engine, Select, bindparam, select

from spendsense import tables
from spendsense.models import Account, Consent, Liability, Transaction, User


@dataclass(frozen=True)
class Frames:
    """One consistent read of the store: every frame has exactly the columns of `spendsense.tables`."""

    users: pl.DataFrame
    consent: pl.DataFrame
    accounts: pl.DataFrame
    transactions: pl.DataFrame
    liabilities: pl.DataFrame

    def for_users(self, user_ids: Sequence[str]) -> Frames:
        keep = pl.col("user_id").is_in(list(user_ids))
        return Frames(*(frame.filter(keep) for frame in self.as_tuple()))

    def as_tuple(self) -> tuple[pl.DataFrame, ...]:
        return (self.users, self.consent, self.accounts, self.transactions, self.liabilities)


BATCH = 100_000
"""Rows fetched and turned into a frame at a time: a full load never holds every row as Python tuples."""


def _read(conn: Connection, query: Select[Any], schema: pl.Schema, parameters: dict[str, Any]) -> pl.DataFrame:
    """The rows of `query` (its columns in `schema`'s order) as a frame, built by Polars from row tuples."""
    result = conn.execute(query, parameters)
    parts = [pl.DataFrame(rows, schema=schema, orient="row") for rows in result.partitions(BATCH)]
    return pl.concat(parts) if parts else schema.to_frame()


def _columns(model: Any, schema: pl.Schema) -> list[Any]:
    return [getattr(model, name) for name in schema.names()]


LIABILITY_SCHEMA = pl.Schema({name: dtype for name, dtype in tables.LIABILITIES.items() if name != "aprs_json"})


@functools.cache
def _queries(user_ids: bool) -> tuple[Select[Any], ...]:
    """users, consent, accounts, transactions (sorted by user and date), liabilities with their APRs.

    Built once per shape (everyone, or the users of an expanding `user_ids` parameter): a
    statement object used again skips SQLAlchemy's matching of a new statement to its cached
    compilation, which cost about 0.6 ms a query on one user's recompute.
    """
    chosen: BindParameter[list[str]] = bindparam("user_ids", expanding=True)

    def query(model: Any, *columns: Any) -> Select[Any]:
        statement = select(*columns)
        return statement.where(model.user_id.in_(chosen)) if user_ids else statement

    transactions = query(Transaction, *_columns(Transaction, tables.TRANSACTIONS)).order_by(
        Transaction.user_id, Transaction.date, Transaction.transaction_id
    )
    return (
        query(User, *_columns(User, tables.USERS)),
        query(Consent, *_columns(Consent, tables.CONSENT)),
        query(Account, *_columns(Account, tables.ACCOUNTS)),
        transactions,
        query(Liability, *_columns(Liability, LIABILITY_SCHEMA), Liability.aprs),
    )


def load_frames(engine: Engine, user_ids: Sequence[str] | None = None) -> Frames:
    """Every table for `user_ids` (all users when None), transactions sorted by user and date.

    One connection and one transaction, so the frames are one consistent read.
    """
    users_query, consent_query, account_query, txn_query, liab_query = _queries(user_ids is not None)
    parameters = {} if user_ids is None else {"user_ids": list(user_ids)}
    with engine.connect() as conn, conn.begin():
        users = _read(conn, users_query, tables.USERS, parameters)
        consent = _read(conn, consent_query, tables.CONSENT, parameters)
        accounts = _read(conn, account_query, tables.ACCOUNTS, parameters)
        transactions = _read(conn, txn_query, tables.TRANSACTIONS, parameters)
        liab_rows = conn.execute(liab_query, parameters).all()
    liabilities = pl.DataFrame(
        [(*row[:-1], json.dumps(row[-1] or [])) for row in liab_rows],
        schema={**LIABILITY_SCHEMA, "aprs_json": pl.String},
        orient="row",
    ).select(tables.LIABILITIES.names())
    return Frames(users, consent, accounts, transactions, liabilities)
