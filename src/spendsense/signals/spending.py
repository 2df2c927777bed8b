"""Spending in the window: the denominator of several signals (docs/signals.md, "Which transactions count")."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from spendsense import rules
from spendsense.signals import provenance
from spendsense.signals.provenance import Family
from spendsense.signals.window import KEYS, Window, collect, per_window, tagged, windows_of

SIGNALS = ("spending", "monthly_spending")


def spending_rows(prepared: pl.DataFrame, windows: Sequence[Window]) -> pl.DataFrame:
    """Spending transactions in each window, tagged with it; refunds stay in as negative amounts."""
    on_spending_account = pl.col("account_type").is_in(rules.SPENDING_ACCOUNT_TYPES)
    spent = prepared.lazy().filter(rules.is_spending() & on_spending_account)
    # Lazy so that only the columns used travel through the filter (projection pushdown).
    return (
        tagged(spent, windows).select("user_id", "window", "account_id", "transaction_id", "amount_cents").pipe(collect)
    )


def monthly(total: pl.Expr, windows: Sequence[Window]) -> pl.Expr:
    """A window total as cents per 30 days (rows carry their `window`)."""
    return (total / per_window(windows, lambda window: window.months, pl.Float64())).round().cast(pl.Int64)


def spending_signals(prepared: pl.DataFrame, windows: Window | Sequence[Window]) -> Family:
    windows = windows_of(windows)
    rows = spending_rows(prepared, windows)
    values = (
        rows.lazy()
        .group_by(KEYS)
        .agg(pl.col("amount_cents").sum().alias("spending"))
        .with_columns(monthly(pl.col("spending"), windows).alias("monthly_spending"))
        .pipe(collect)
    )
    return Family(values, provenance.gathered([provenance.from_transactions(rows, SIGNALS, list_ids=False)]))


def months_of(balance: pl.Expr, windows: Sequence[Window]) -> pl.Expr:
    """How many months of the window's average spending a balance covers; null without spending to cover.

    Reads the unrounded total (`spending`), so a threshold such as "under one month" is not
    decided by the rounding of `monthly_spending` to whole cents.
    """
    per_month = pl.col("spending") / per_window(windows, lambda window: window.months, pl.Float64())
    return pl.when(per_month > 0).then(balance / per_month).otherwise(None)
