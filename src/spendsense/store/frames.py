"""Load the normalized tables from the store into Polars frames shaped like `spendsense.tables`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl
from sqlalchemy import Engine, Select, select

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

    def for_user(self, user_id: str) -> Frames:
        keep = pl.col("user_id") == user_id
        return Frames(*(frame.filter(keep) for frame in self.as_tuple()))

    def as_tuple(self) -> tuple[pl.DataFrame, ...]:
        return (self.users, self.consent, self.accounts, self.transactions, self.liabilities)


def _read(engine: Engine, query: Select[Any], schema: pl.Schema) -> pl.DataFrame:
    with engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    columns = {name: [row[name] for row in rows] for name in schema.names()}
    return pl.DataFrame(columns, schema=schema)


def _where_user(query: Any, column: Any, user_ids: Sequence[str] | None) -> Any:
    return query if user_ids is None else query.where(column.in_(list(user_ids)))


def load_frames(engine: Engine, user_ids: Sequence[str] | None = None) -> Frames:
    """Every table for `user_ids` (all users when None), transactions sorted by user and date."""
    user_cols = [getattr(User, name) for name in tables.USERS.names()]
    account_cols = [getattr(Account, name) for name in tables.ACCOUNTS.names()]
    txn_cols = [getattr(Transaction, name) for name in tables.TRANSACTIONS.names()]
    liab_cols = [getattr(Liability, name) for name in tables.LIABILITIES.names() if name != "aprs_json"]
    users = _read(engine, _where_user(select(*user_cols), User.user_id, user_ids), tables.USERS)
    consent = _read(
        engine,
        _where_user(select(Consent.user_id, Consent.granted, Consent.source), Consent.user_id, user_ids),
        tables.CONSENT,
    )
    accounts = _read(engine, _where_user(select(*account_cols), Account.user_id, user_ids), tables.ACCOUNTS)
    transactions = _read(
        engine,
        _where_user(select(*txn_cols), Transaction.user_id, user_ids).order_by(
            Transaction.user_id, Transaction.date, Transaction.transaction_id
        ),
        tables.TRANSACTIONS,
    )
    with engine.connect() as conn:
        liab_query = _where_user(select(*liab_cols, Liability.aprs), Liability.user_id, user_ids)
        liab_rows = [dict(row) for row in conn.execute(liab_query).mappings()]
    for row in liab_rows:
        row["aprs_json"] = json.dumps(row.pop("aprs") or [])
    liabilities = pl.DataFrame(
        {name: [row[name] for row in liab_rows] for name in tables.LIABILITIES.names()}, schema=tables.LIABILITIES
    )
    return Frames(users, consent, accounts, transactions, liabilities)
