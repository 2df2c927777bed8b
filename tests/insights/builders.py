"""Small hand-made frames for the insight tests: every amount is written out in the test that uses it."""

from __future__ import annotations

from datetime import date
from typing import Any

import polars as pl

from spendsense import tables
from spendsense.insights.types import BUDGETS, InsightData

USER = "u1"


def account(
    account_id: str,
    type_: str = "depository",
    subtype: str | None = "checking",
    current: int | None = 0,
    *,
    available: int | None = None,
    limit: int | None = None,
    business: bool = False,
    currency: str = "USD",
) -> dict[str, Any]:
    return {
        "account_id": account_id,
        "user_id": USER,
        "name": f"{subtype or type_} {account_id}",
        "mask": account_id[-4:],
        "type": type_,
        "subtype": subtype,
        "holder_category": "business" if business else "personal",
        "is_business": business,
        "iso_currency_code": currency,
        "available_cents": available,
        "current_cents": current,
        "limit_cents": limit,
    }


def txn(
    transaction_id: str,
    account_id: str,
    day: date,
    amount_cents: int,
    primary: str | None = "GENERAL_MERCHANDISE",
    detailed: str | None = None,
    *,
    merchant: str | None = None,
    name: str | None = None,
    pending: bool = False,
) -> dict[str, Any]:
    """A transaction in Plaid's sign: positive = money out of the account."""
    return {
        "transaction_id": transaction_id,
        "account_id": account_id,
        "user_id": USER,
        "date": day,
        "authorized_date": day,
        "amount_cents": amount_cents,
        "iso_currency_code": "USD",
        "name": name or merchant or transaction_id,
        "merchant_name": merchant,
        "payment_channel": "other",
        "pfc_primary": primary,
        "pfc_detailed": detailed or (f"{primary}_OTHER" if primary else None),
        "pending": pending,
    }


def frame(rows: list[dict[str, Any]], schema: pl.Schema) -> pl.DataFrame:
    return pl.DataFrame([{name: row.get(name) for name in schema.names()} for row in rows], schema=schema)


def budgets(month: str, amounts: dict[str, int]) -> pl.DataFrame:
    return pl.DataFrame(
        {"month": [month] * len(amounts), "category": list(amounts), "amount_cents": list(amounts.values())},
        schema=BUDGETS,
    )


def user_data(
    accounts: list[dict[str, Any]], transactions: list[dict[str, Any]], saved: pl.DataFrame | None = None
) -> InsightData:
    return InsightData(
        user_id=USER,
        accounts=frame(accounts, tables.ACCOUNTS),
        transactions=frame(transactions, tables.TRANSACTIONS),
        liabilities=frame([], tables.LIABILITIES),
        budgets=saved if saved is not None else budgets("2026-01", {}),
    )


CHECKING = account("chk-0001", current=250_000)
CARD = account("card-0002", "credit", "credit card", 40_000, limit=500_000)
SAVINGS = account("sav-0003", subtype="savings", current=1_000_000)
BUSINESS = account("biz-0004", current=900_000, business=True)
