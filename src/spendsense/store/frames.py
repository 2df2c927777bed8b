"""Load the normalized tables from the store into Polars frames shaped like `spendsense.tables`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl
from sqlalchemy import Connection, Engine, Select, select

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


def _read(conn: Connection, query: Select[Any], schema: pl.Schema) -> pl.DataFrame:
    """The rows of `query` (its columns in `schema`'s order) as a frame, built by Polars from row tuples."""
    result = conn.execute(query)
    parts = [pl.DataFrame(rows, schema=schema, orient="row") for rows in result.partitions(BATCH)]
    return pl.concat(parts) if parts else schema.to_frame()


def _where_user(query: Any, column: Any, user_ids: Sequence[str] | None) -> Any:
    return query if user_ids is None else query.where(column.in_(list(user_ids)))


def _columns(model: Any, schema: pl.Schema) -> list[Any]:
    return [getattr(model, name) for name in schema.names()]


def load_frames(engine: Engine, user_ids: Sequence[str] | None = None) -> Frames:
    """Every table for `user_ids` (all users when None), transactions sorted by user and date.

    One connection and one transaction, so the frames are one consistent read.
    """
    order = (Transaction.user_id, Transaction.date, Transaction.transaction_id)
    liability_schema = pl.Schema({name: dtype for name, dtype in tables.LIABILITIES.items() if name != "aprs_json"})
    with engine.connect() as conn, conn.begin():
        users = _read(conn, _where_user(select(*_columns(User, tables.USERS)), User.user_id, user_ids), tables.USERS)
        consent_query = select(*_columns(Consent, tables.CONSENT))
        consent = _read(conn, _where_user(consent_query, Consent.user_id, user_ids), tables.CONSENT)
        account_query = select(*_columns(Account, tables.ACCOUNTS))
        accounts = _read(conn, _where_user(account_query, Account.user_id, user_ids), tables.ACCOUNTS)
        txn_query = _where_user(select(*_columns(Transaction, tables.TRANSACTIONS)), Transaction.user_id, user_ids)
        transactions = _read(conn, txn_query.order_by(*order), tables.TRANSACTIONS)
        liab_query = select(*_columns(Liability, liability_schema), Liability.aprs)
        liab_rows = conn.execute(_where_user(liab_query, Liability.user_id, user_ids)).all()
    liabilities = pl.DataFrame(
        [(*row[:-1], json.dumps(row[-1] or [])) for row in liab_rows],
        schema={**liability_schema, "aprs_json": pl.String},
        orient="row",
    ).select(tables.LIABILITIES.names())
    return Frames(users, consent, accounts, transactions, liabilities)
