"""Recurring streams shaped like Plaid's `/transactions/recurring/get` (the signals are in `subscriptions`).

A stream is one (user, merchant key, direction) over the lookback whose gaps fit a frequency
and whose amounts are stable (docs/signals.md). Timing alone finds many false streams (a
grocery run every Saturday); requiring one counterparty and a steady amount removes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import polars as pl

from spendsense import rules
from spendsense.signals import cadence
from spendsense.signals.window import Window, collect, per_window, prepare, sized_for

STREAM_KEYS = ("user_id", "merchant_key", "direction")
AMOUNT_BAND = 0.25
"""An amount is "stable" within ± this share of the stream's median amount."""
SUBSCRIPTION_FREQUENCIES = ("weekly", "monthly")
WINDOW_SHIFT = 32
"""A window's copy of the stream numbers starts at its number shifted this far (see `_streams`)."""

STREAMS = pl.Schema(
    {
        "user_id": pl.String(),
        "stream_id": pl.String(),
        "account_id": pl.String(),
        "merchant_key": pl.String(),
        "merchant_name": pl.String(),
        "direction": pl.String(),
        "frequency": pl.String(),
        "average_amount_cents": pl.Int64(),
        "last_amount_cents": pl.Int64(),
        "first_date": pl.Date(),
        "last_date": pl.Date(),
        "predicted_next_date": pl.Date(),
        "is_active": pl.Boolean(),
        "occurrences": pl.UInt32(),
        "transaction_ids": pl.List(pl.String()),
        "pfc_primary": pl.String(),
        "pfc_detailed": pl.String(),
        "is_subscription": pl.Boolean(),
    }
)


def detect_recurring_streams(
    transactions: pl.DataFrame, accounts: pl.DataFrame, as_of: date, lookback_days: int
) -> pl.DataFrame:
    """Every recurring stream of every user in (as_of - lookback_days, as_of], one row per stream (`STREAMS`).

    `transactions` and `accounts` follow `spendsense.tables`; business accounts and pending
    transactions are left out here.
    """
    with sized_for(transactions.height):
        return streams_in(prepare(transactions, accounts, as_of), as_of, lookback_days)


def stream_id(*keys: pl.Expr | str) -> pl.Expr:
    """Stable across runs, machines and library versions: built from the stream's identity, not hashed."""
    return pl.concat_str([pl.col(key) if isinstance(key, str) else key for key in keys], separator=":")


STREAM_COLUMNS = [
    "transaction_id", "account_id", "user_id", "date", "name", "merchant_name", "merchant_key",
    "pfc_primary", "pfc_detailed",
]  # fmt: skip


@dataclass(frozen=True)
class Occurrences:
    """Candidate transactions of the longest lookback, and their slim copy in stream and date order.

    Built once and shared by every window: a shorter lookback filters the ordered copy, which
    keeps its order, instead of sorting again.
    """

    rows: pl.DataFrame
    ordered: pl.DataFrame

    @classmethod
    def of(cls, prepared: pl.DataFrame, as_of: date, lookback_days: int) -> Occurrences:
        start = as_of - timedelta(days=lookback_days)
        amount = pl.col("amount_cents")
        in_lookback = (pl.col("date") > start) & (pl.col("date") <= as_of) & (amount != 0)
        rows = (
            prepared.lazy()
            .filter(in_lookback & pl.col("merchant_key").is_not_null())
            .select(
                *STREAM_COLUMNS,
                pl.when(amount > 0).then(pl.lit("outflow")).otherwise(pl.lit("inflow")).alias("direction"),
                amount.abs().alias("amount"),
            )
            .pipe(collect)
        )
        return cls(rows, cadence.in_order(rows, STREAM_KEYS, carry=["amount"]))


LATEST = ["user_id", "merchant_key", "direction", "account_id", "merchant_name", "name", "pfc_primary", "pfc_detailed"]


def _describe(
    occurrences: Occurrences, ordered: pl.DataFrame, found: pl.DataFrame, windows: dict[int, str]
) -> pl.LazyFrame:
    """What each found stream reports. Only its transaction ids and its latest row are fetched from the full rows.

    `windows` names each copy's number (a stream number's high bits, see `_streams`).
    """
    rows = occurrences.rows

    def fetched(column: str, index: str) -> pl.Expr:
        return pl.lit(rows[column]).gather(pl.col(index)).alias(column)

    amount = pl.col("amount")
    return (
        ordered.lazy()
        .filter(pl.col("stream").is_in(found["stream"].implode()))
        .select("row", "stream", "date", "amount", fetched("transaction_id", "row"))
        .group_by("stream")
        .agg(
            amount.mean().round().cast(pl.Int64).alias("average_amount_cents"),
            amount.last().alias("last_amount_cents"),
            pl.col("date").first().alias("first_date"),
            pl.col("date").last().alias("last_date"),
            pl.col("transaction_id").alias("transaction_ids"),
            pl.col("row").last().alias("latest"),
        )
        .with_columns(fetched(column, "latest") for column in LATEST)
        .with_columns(
            pl.coalesce("merchant_name", "name").alias("merchant_name"),
            (pl.col("stream") // (1 << WINDOW_SHIFT)).replace_strict(windows, return_dtype=pl.String()).alias("window"),
        )
        .drop("name", "latest")
    )


def _streams(occurrences: Occurrences, lookbacks: Sequence[tuple[str, date]]) -> pl.LazyFrame:
    """Cadence and amount stability on slim sorted rows; descriptions only for the streams found.

    `lookbacks` are (window, exclusive start): each window's rows are a copy of the ordered rows
    since its start, one pass serves them all. A copy's stream numbers are moved past the
    previous copy's (`in_order` numbers them from 0, far below 2**32), so the stacked copies
    stay sorted by stream and keep the fast paths of a sorted key, and a number's high bits
    tell its window.
    """
    copies = [
        occurrences.ordered.lazy()
        .filter(pl.col("date") > since)
        .with_columns(pl.col("stream") + (number << WINDOW_SHIFT))
        for number, (_, since) in enumerate(lookbacks)
    ]
    stacked = pl.concat(copies).with_columns(pl.col("stream").set_sorted())
    # Most (user, merchant) groups are one-off purchases: `sequenced` drops them before anything heavier.
    ordered = cadence.sequenced(stacked, cadence.MIN_OCCURRENCES)
    median = pl.col("amount").median().over("stream")
    stable_amount = ((pl.col("amount") - median).abs() <= AMOUNT_BAND * median).alias("stable")
    # Streams whose amounts are not steady enough are dropped here, before every later step reads their rows.
    ordered = (
        cadence.with_fits(ordered.lazy(), cadence.ALL_FREQUENCIES)
        .with_columns(stable_amount)
        .filter(pl.col("stable").mean().over("stream") >= cadence.REGULAR_SHARE)
        .pipe(collect)
    )
    stable = ordered.lazy().group_by("stream").agg(cadence.gap_aggregations(cadence.ALL_FREQUENCIES)).pipe(collect)
    found = cadence.with_frequency(stable, ordered, cadence.ALL_FREQUENCIES, found_only=True)
    labels = {number: label for number, (label, _) in enumerate(lookbacks)}
    return _describe(occurrences, ordered, found, labels).join(
        found.lazy().select("stream", "frequency", "occurrences"), on="stream"
    )


def streams_in(prepared: pl.DataFrame, as_of: date, lookback_days: int) -> pl.DataFrame:
    """`detect_recurring_streams` on transactions already through `window.prepare` (shared by every family)."""
    streams = _streams(Occurrences.of(prepared, as_of, lookback_days), [("", as_of - timedelta(days=lookback_days))])
    return _reported(streams, pl.lit(as_of)).drop("window")


def streams_from(occurrences: Occurrences, windows: Sequence[Window]) -> pl.DataFrame:
    """Each window's streams, with `window` (no lookback longer than the one `occurrences` were gathered for)."""
    streams = _streams(occurrences, [(window.label, window.lookback_start) for window in windows])
    return _reported(streams, per_window(windows, lambda window: window.as_of, pl.Date()))


def _reported(streams: pl.LazyFrame, as_of: pl.Expr) -> pl.DataFrame:
    """`STREAMS` (and `window`): identity, next date and activity as of `as_of`, and which are subscriptions."""
    predicted = cadence.next_date(pl.col("last_date"), pl.col("frequency"))
    active = predicted + pl.duration(days=cadence.tolerance(pl.col("frequency"))) >= as_of
    subscription = (
        pl.col("is_active")
        & (pl.col("direction") == "outflow")
        & pl.col("frequency").is_in(SUBSCRIPTION_FREQUENCIES)
        & rules.is_subscription_category()
    )
    return (
        streams.with_columns(
            stream_id("user_id", "direction", "merchant_key").alias("stream_id"),
            predicted.alias("predicted_next_date"),
            active.alias("is_active"),
        )
        .with_columns(subscription.alias("is_subscription"))
        .select(*STREAMS.names(), "window")
        .cast(STREAMS)
        .sort("window", "user_id", "stream_id")
        .pipe(collect)
    )
