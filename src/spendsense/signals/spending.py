"""Spending in the window: the denominator of several signals (docs/signals.md, "Which transactions count")."""

from __future__ import annotations

import polars as pl

from spendsense import rules
from spendsense.signals import provenance
from spendsense.signals.provenance import Family
from spendsense.signals.window import ENGINE, Window

SIGNALS = ("spending", "monthly_spending")


def spending_rows(prepared: pl.DataFrame, window: Window) -> pl.DataFrame:
    """Spending transactions in the window; refunds stay in as negative amounts."""
    on_spending_account = pl.col("account_type").is_in(rules.SPENDING_ACCOUNT_TYPES)
    keep = window.contains() & rules.is_spending() & on_spending_account
    # Lazy so that only the columns used travel through the filter (projection pushdown).
    return (
        prepared.lazy()
        .filter(keep)
        .select("user_id", "account_id", "transaction_id", "amount_cents")
        .collect(engine=ENGINE)
    )


def monthly(total: pl.Expr, window: Window) -> pl.Expr:
    """A window total as cents per 30 days."""
    return (total / window.months).round().cast(pl.Int64)


def spending_signals(prepared: pl.DataFrame, window: Window) -> Family:
    rows = spending_rows(prepared, window)
    values = (
        rows.group_by("user_id")
        .agg(pl.col("amount_cents").sum().alias("spending"))
        .with_columns(monthly(pl.col("spending"), window).alias("monthly_spending"))
    )
    return Family(values, provenance.from_transactions(rows, SIGNALS, list_ids=False))


def months_of(balance: pl.Expr, window: Window) -> pl.Expr:
    """How many months of the window's average spending a balance covers; null without spending to cover.

    Reads the unrounded total (`spending`), so a threshold such as "under one month" is not
    decided by the rounding of `monthly_spending` to whole cents.
    """
    per_month = pl.col("spending") / window.months
    return pl.when(per_month > 0).then(balance / per_month).otherwise(None)
