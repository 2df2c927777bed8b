"""Subscription signals from the recurring streams: how many, what they cost a month, their share of spending."""

from __future__ import annotations

import polars as pl

from spendsense.signals import provenance
from spendsense.signals.provenance import Family
from spendsense.signals.window import ENGINE, Window

WEEKS_PER_MONTH = 52 / 12
STREAM_SIGNALS = ("recurring_stream_count", "recurring_merchant_count", "monthly_recurring_spend")
WINDOW_SIGNALS = ("subscription_spend", "subscription_share")
SIGNALS = (*STREAM_SIGNALS, *WINDOW_SIGNALS)


def _monthly_cost() -> pl.Expr:
    weekly = pl.col("frequency") == "weekly"
    return pl.col("average_amount_cents") * pl.when(weekly).then(WEEKS_PER_MONTH).otherwise(1.0)


def subscription_rows(streams: pl.DataFrame, prepared: pl.DataFrame) -> pl.DataFrame:
    """The transactions of every subscription stream, as rows of `prepared`."""
    ids = streams.filter(pl.col("is_subscription")).select(pl.col("transaction_ids").alias("transaction_id"))
    chosen = pl.col("transaction_id").is_in(ids.explode("transaction_id")["transaction_id"].implode())
    return (
        prepared.lazy()
        .filter(chosen)
        .select("user_id", "account_id", "transaction_id", "date", "amount_cents")
        .collect(engine=ENGINE)
    )


def subscription_signals(
    streams: pl.DataFrame, prepared: pl.DataFrame, spending: pl.DataFrame, window: Window
) -> Family:
    """`streams` from `recurring.streams_in` over the window's lookback; `spending` carries `spending`."""
    subscription = pl.col("is_subscription")
    per_stream = (
        streams.lazy()
        .group_by("user_id")
        .agg(
            pl.len().cast(pl.Int64).alias("recurring_stream_count"),
            subscription.sum().cast(pl.Int64).alias("recurring_merchant_count"),
            _monthly_cost().filter(subscription).sum().round().cast(pl.Int64).alias("monthly_recurring_spend"),
        )
    )
    rows = subscription_rows(streams, prepared)
    in_window = rows.filter(window.contains())
    spend = in_window.lazy().group_by("user_id").agg(pl.col("amount_cents").sum().alias("subscription_spend"))
    total = pl.col("spending")
    share = pl.when(total > 0).then(pl.col("subscription_spend") / total).otherwise(0.0)
    values = (  # one query: each eager step costs about as much as the whole query on one user's rows
        per_stream.join(spend, on="user_id", how="left")
        .join(spending.lazy().select("user_id", "spending"), on="user_id", how="left")
        .with_columns(pl.col("subscription_spend").fill_null(0))
        .with_columns(share.fill_null(0.0).alias("subscription_share"))
        .drop("spending")
        .collect(engine=ENGINE)
    )
    evidence = pl.concat(
        [provenance.from_transactions(rows, STREAM_SIGNALS), provenance.from_transactions(in_window, WINDOW_SIGNALS)]
    )
    return Family(values, evidence)
