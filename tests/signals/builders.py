"""Small hand-made frames in the shape of `spendsense.tables`, with defaults for what a test does not care about."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import polars as pl

from spendsense import tables

AS_OF = date(2026, 6, 30)


def account(
    account_id: str = "chk",
    user_id: str = "u1",
    type: str = "depository",
    subtype: str | None = "checking",
    current: int | None = 0,
    limit: int | None = None,
    business: bool = False,
) -> dict[str, Any]:
    return {
        "account_id": account_id,
        "user_id": user_id,
        "name": account_id,
        "type": type,
        "subtype": subtype,
        "is_business": business,
        "current_cents": current,
        "limit_cents": limit,
        "mask": "0000",
    }


def txn(
    transaction_id: str,
    day: date,
    amount: int,
    name: str = "Purchase",
    primary: str | None = "GENERAL_MERCHANDISE",
    detailed: str | None = "GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE",
    account_id: str = "chk",
    user_id: str = "u1",
    merchant: str | None = None,
    pending: bool = False,
) -> dict[str, Any]:
    return {
        "transaction_id": transaction_id,
        "account_id": account_id,
        "user_id": user_id,
        "date": day,
        "amount_cents": amount,
        "name": name,
        "merchant_name": merchant,
        "pfc_primary": primary,
        "pfc_detailed": detailed,
        "pending": pending,
    }


def liability(account_id: str, minimum: int | None, last: int | None, overdue: bool = False) -> dict[str, Any]:
    return {
        "account_id": account_id,
        "user_id": "u1",
        "kind": "credit",
        "minimum_payment_cents": minimum,
        "last_payment_cents": last,
        "is_overdue": overdue,
    }


def accounts(*rows: dict[str, Any]) -> pl.DataFrame:
    return pl.DataFrame(list(rows) or None, schema=tables.ACCOUNTS)


def transactions(*rows: dict[str, Any]) -> pl.DataFrame:
    return pl.DataFrame(list(rows) or None, schema=tables.TRANSACTIONS)


def liabilities(*rows: dict[str, Any]) -> pl.DataFrame:
    return pl.DataFrame(list(rows) or None, schema=tables.LIABILITIES)


def series(prefix: str, first: date, step_days: int, count: int, amount: int, **fields: Any) -> list[dict[str, Any]]:
    """`count` transactions every `step_days` days from `first`, ids `prefix0`, `prefix1`, ..."""
    return [txn(f"{prefix}{i}", first + timedelta(days=step_days * i), amount, **fields) for i in range(count)]


def monthly(prefix: str, day: int, months: list[tuple[int, int]], amount: int, **fields: Any) -> list[dict[str, Any]]:
    """One transaction on `day` of each (year, month)."""
    return [txn(f"{prefix}{i}", date(y, m, day), amount, **fields) for i, (y, m) in enumerate(months)]


NETFLIX = {
    "name": "NETFLIX.COM",
    "merchant": "Netflix",
    "primary": "ENTERTAINMENT",
    "detailed": "ENTERTAINMENT_TV_AND_MOVIES",
}
PAYROLL = {"name": "ACME CORP PAYROLL", "primary": "INCOME", "detailed": "INCOME_WAGES"}
