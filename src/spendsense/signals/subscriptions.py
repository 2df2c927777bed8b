"""Subscription signals from the recurring streams: how many, what they cost a month, their share of spending."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from spendsense.signals import provenance
from spendsense.signals.provenance import Family
from spendsense.signals.window import KEYS, Window, collect, in_window, windows_of

WEEKS_PER_MONTH = 52 / 12
STREAM_SIGNALS = ("recurring_stream_count", "recurring_merchant_count", "monthly_recurring_spend")
WINDOW_SIGNALS = ("subscription_spend", "subscription_share")
SIGNALS = (*STREAM_SIGNALS, *WINDOW_SIGNALS)


def _monthly_cost() -> pl.Expr:
    weekly = pl.col("frequency") == "weekly"
    return pl.col("average_amount_cents") * pl.when(weekly).then(WEEKS_PER_MONTH).otherwise(1.0)


def subscription_rows(streams: pl.DataFrame, prepared: pl.DataFrame) -> pl.DataFrame:
    """The transactions of every subscription stream, as rows of `prepared` tagged with the stream's `window`."""
    ids = (
        streams.lazy()
        .filter(pl.col("is_subscription"))
        .select("window", pl.col("transaction_ids").alias("transaction_id"))
        .explode("transaction_id")
    )
    return (
        ids.join(prepared.lazy(), on="transaction_id")
        .select("user_id", "window", "account_id", "transaction_id", "date", "amount_cents")
        .pipe(collect)
    )


def subscription_signals(
    streams: pl.DataFrame, prepared: pl.DataFrame, spending: pl.DataFrame, windows: Window | Sequence[Window]
) -> Family:
    """`streams` from `recurring.streams_from` (each window's lookback); `spending` carries `spending` per window."""
    windows = windows_of(windows)
    subscription = pl.col("is_subscription")
    per_stream = (
        streams.lazy()
        .group_by(KEYS)
        .agg(
            pl.len().cast(pl.Int64).alias("recurring_stream_count"),
            subscription.sum().cast(pl.Int64).alias("recurring_merchant_count"),
            _monthly_cost().filter(subscription).sum().round().cast(pl.Int64).alias("monthly_recurring_spend"),
        )
    )
    rows = subscription_rows(streams, prepared)
    inside = rows.filter(in_window(windows))
    spend = inside.lazy().group_by(KEYS).agg(pl.col("amount_cents").sum().alias("subscription_spend"))
    total = pl.col("spending")
    share = pl.when(total > 0).then(pl.col("subscription_spend") / total).otherwise(0.0)
    values = (  # one query: each eager step costs about as much as the whole query on one user's rows
        per_stream.join(spend, on=KEYS, how="left")
        .join(spending.lazy().select(*KEYS, "spending"), on=KEYS, how="left")
        .with_columns(pl.col("subscription_spend").fill_null(0))
        .with_columns(share.fill_null(0.0).alias("subscription_share"))
        .drop("spending")
        .pipe(collect)
    )
    evidence = provenance.gathered(
        [provenance.from_transactions(rows, STREAM_SIGNALS), provenance.from_transactions(inside, WINDOW_SIGNALS)]
    )
    return Family(values, evidence)
