"""What the insights share: which rows are spending or income, the report currency, calendar months.

The rules themselves (what a card payment, a transfer, a refund or income is) live in
`spendsense.rules`; this module only applies them to one user's frames and date range.
"""

from __future__ import annotations

import calendar
from collections import Counter
from datetime import date, timedelta

import polars as pl

from spendsense import rules
from spendsense.insights.categories import category_expr
from spendsense.insights.types import InsightData
from spendsense.kit.money import DEFAULT_CURRENCY

# How late in its first month a history may begin and still count that month as complete:
# generated and imported histories start on an arbitrary day, and a month seen from its
# 20th would look frugal.
FIRST_MONTH_GRACE_DAYS = 6


def report_currency(accounts: pl.DataFrame) -> str:
    """The currency most of the user's personal accounts use; amounts in any other are left out.

    Adding dollars to euros would be wrong, and converting needs rates we do not have.
    """
    codes = rules.personal_accounts(accounts)["iso_currency_code"].drop_nulls().to_list()
    return Counter(codes).most_common(1)[0][0] if codes else DEFAULT_CURRENCY


def posted_rows(data: InsightData, currency: str) -> pl.DataFrame:
    """Posted rows on the user's personal accounts in `currency` (computed once per insight)."""
    rows = rules.personal_posted(data.transactions, data.accounts)
    return rows.filter(pl.col("iso_currency_code").fill_null(currency) == currency)


def cash_rows(posted: pl.DataFrame, start: date, end: date) -> pl.DataFrame:
    """`posted_rows` on checking, savings and card accounts (where spending and income happen) in [start, end].

    Adds `category` (uncategorized rows under OTHER) and `merchant` (merchant name, else the description).
    """
    return posted.filter(
        pl.col("account_type").is_in(list(rules.SPENDING_ACCOUNT_TYPES)), pl.col("date").is_between(start, end)
    ).with_columns(category_expr(), pl.coalesce("merchant_name", "name").alias("merchant"))


def spending_only(rows: pl.DataFrame) -> pl.DataFrame:
    """Spending per `spendsense.rules`: card payments and transfers out, refunds in (as negative amounts)."""
    return rows.filter(rules.is_spending())


def income_only(rows: pl.DataFrame) -> pl.DataFrame:
    """Income deposits with a positive `income_cents` (Plaid writes money in as a negative amount)."""
    return rows.filter(rules.is_income()).with_columns((-pl.col("amount_cents")).alias("income_cents"))


def history_start(posted: pl.DataFrame) -> date | None:
    """The first day the user's personal posted history covers (`posted` from `posted_rows`)."""
    first = posted["date"].min()
    return first if isinstance(first, date) else None


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def add_months(first_of_month: date, months: int) -> date:
    index = first_of_month.year * 12 + first_of_month.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def elapsed_months(as_of: date, count: int) -> list[date]:
    """The first days of the `count` most recent months that have ended by `as_of`, oldest first."""
    last = month_start(as_of) if as_of == month_end(as_of) else add_months(month_start(as_of), -1)
    return [add_months(last, offset) for offset in range(-count + 1, 1)]


def is_complete(first_of_month: date, as_of: date, started: date | None) -> bool:
    """A month counts in averages and medians when it has ended and the history covers all of it."""
    if started is None or month_end(first_of_month) > as_of:
        return False
    return started <= first_of_month + timedelta(days=FIRST_MONTH_GRACE_DAYS)


def monthly_sums(rows: pl.DataFrame, value: str, by: list[str] | None = None) -> pl.DataFrame:
    """`value` summed per calendar month (`month` as YYYY-MM) and the optional `by` columns."""
    keys = ["month", *(by or [])]
    return rows.with_columns(pl.col("date").dt.strftime("%Y-%m").alias("month")).group_by(keys).agg(pl.col(value).sum())


def short_date(day: date) -> str:
    return f"{day:%b} {day.day}"
