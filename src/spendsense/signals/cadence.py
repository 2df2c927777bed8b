"""Which frequency a stream of dated transactions follows, if any (docs/signals.md, "Frequencies").

Shared by recurring streams and income streams. Everything is a group-by over every stream of
every user at once; the only Python loop is over the five frequencies while building expressions,
and those are built once per set of frequencies (`functools.cache`: expressions are immutable).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

import polars as pl

from spendsense.signals.window import collect

FrameT = TypeVar("FrameT", pl.DataFrame, pl.LazyFrame)
MIN_OCCURRENCES = 3
REGULAR_SHARE = 0.75
"""A cadence holds when at least this share of the gaps (or days of month) fits it."""
AVERAGE_MONTH_DAYS = 30.4375
SEMI_MONTHLY_MIN_MEAN_GAP = 14.5
"""Semi-monthly averages 365 / 24 = 15.2 days between paydays, biweekly exactly 14."""


@dataclass(frozen=True)
class Frequency:
    name: str
    period_days: int
    tolerance_days: int

    def fits(self, days: pl.Expr) -> pl.Expr:
        return (days - self.period_days).abs() <= self.tolerance_days

    @property
    def share_column(self) -> str:
        return f"fit_{self.name}"


WEEKLY = Frequency("weekly", 7, 2)
BIWEEKLY = Frequency("biweekly", 14, 2)
SEMI_MONTHLY = Frequency("semi_monthly", 15, 3)
MONTHLY = Frequency("monthly", 30, 4)
ANNUALLY = Frequency("annually", 365, 20)

# Semi-monthly comes before biweekly: both have gaps near 14-15 days, only the calendar tells them apart.
ALL_FREQUENCIES = (SEMI_MONTHLY, WEEKLY, BIWEEKLY, MONTHLY, ANNUALLY)
PAY_FREQUENCIES = (SEMI_MONTHLY, WEEKLY, BIWEEKLY, MONTHLY)
BY_NAME = {frequency.name: frequency for frequency in ALL_FREQUENCIES}


def stream_code(keys: Sequence[str]) -> pl.Expr:
    """A 64-bit number per stream, so that sorting and grouping millions of rows never compares strings.

    Only a grouping key: nothing stored or shown depends on its value. Two streams sharing a
    code would need a 64-bit hash collision among the streams of one run.
    """
    return pl.struct(list(keys)).hash()


def in_order(rows: pl.DataFrame, keys: Sequence[str], carry: Sequence[str] = ()) -> pl.DataFrame:
    """A slim copy of `rows` in stream and date order: `row` (index into `rows`), `stream`, `date`, `carry`.

    Only these few columns are sorted; the rest is fetched by `row` for the streams that turn
    out to matter. Same-day ties are ordered by the transaction id's hash. `stream` numbers the
    streams 0, 1, 2... in this order and is flagged sorted: a sorted key takes Polars' fast
    paths in every later `over` and group-by (three times faster at 10,000 users).
    """
    return (
        rows.lazy()
        .select(stream_code(keys).alias("stream"), "date", *carry, pl.col("transaction_id").hash().alias("tie"))
        .with_row_index("row")
        .sort("stream", "date", "tie")
        .drop("tie")
        .with_columns(pl.col("stream").rle_id().cast(pl.UInt64).set_sorted())
        .pipe(collect)
    )


def sequenced(ordered: pl.DataFrame | pl.LazyFrame, min_occurrences: int = 1) -> pl.DataFrame:
    """`in_order` rows of streams with at least `min_occurrences`, with `gap` (days since the previous one) and `seq`.

    Rows of one stream are contiguous, so comparing each row with the previous one replaces
    window functions. A date filter on `ordered` keeps its order, so one sort serves every lookback.
    """
    kept = ordered.lazy().filter(pl.len().over("stream") >= min_occurrences)
    return kept.with_columns(_gap_and_seq()).pipe(collect)


@functools.cache
def _gap_and_seq() -> tuple[pl.Expr, pl.Expr]:
    same = (pl.col("stream") == pl.col("stream").shift(1)).fill_null(False)
    index = pl.int_range(pl.len(), dtype=pl.Int64)
    return (
        pl.when(same).then((pl.col("date") - pl.col("date").shift(1)).dt.total_days()).alias("gap"),
        (index - pl.when(same).then(None).otherwise(index).forward_fill()).alias("seq"),
    )


def with_gaps(
    rows: pl.DataFrame, keys: Sequence[str], min_occurrences: int = 1, carry: Sequence[str] = ()
) -> pl.DataFrame:
    """`sequenced(in_order(...))`: the occurrences of streams with at least `min_occurrences`, in order, slim."""
    return sequenced(in_order(rows, keys, carry), min_occurrences)


@functools.cache
def gap_aggregations(frequencies: tuple[Frequency, ...]) -> tuple[pl.Expr, ...]:
    """For a group-by over `with_gaps` rows: count, median and mean gap, and the share of gaps fitting each frequency.

    The fits are computed on the rows first: an aggregation of a plain column takes Polars'
    fast path, an expression inside the aggregation is evaluated group by group.
    """
    return (
        pl.len().alias("occurrences"),
        pl.col("gap").median().alias("median_gap_days"),
        pl.col("gap").mean().alias("mean_gap_days"),
        *[pl.col(frequency.share_column).mean() for frequency in frequencies],
    )


def with_fits(ordered: FrameT, frequencies: tuple[Frequency, ...]) -> FrameT:
    """Per occurrence: whether its gap fits each frequency (null for a stream's first occurrence)."""
    return ordered.with_columns(_fits(frequencies))


@functools.cache
def _fits(frequencies: tuple[Frequency, ...]) -> tuple[pl.Expr, ...]:
    return tuple(frequency.fits(pl.col("gap")).alias(frequency.share_column) for frequency in frequencies)


def _months_off(anchor: pl.Expr) -> pl.Expr:
    """How far each date is from the same day of month as `anchor`, in the nearest month (days, absolute)."""
    months = ((pl.col("date") - anchor).dt.total_days() / AVERAGE_MONTH_DAYS).round().cast(pl.Int64)
    nearest = anchor.dt.offset_by(pl.format("{}mo", months))
    return (pl.col("date") - nearest).dt.total_days().abs()


def calendar_share(rows: pl.DataFrame | pl.LazyFrame) -> pl.LazyFrame:
    """Semi-monthly check on `with_gaps` rows: the share of occurrences on one of the stream's two days of month.

    The two days are those of the first two occurrences; each later occurrence must fall, in
    some month, within the tolerance of one of them. A 1st-and-15th payroll keeps passing even
    when a payday moves to the Friday before a weekend. A biweekly stream drifts about 2.4 days
    a month against the calendar, but over a short lookback that includes February it can pass
    too, so `classify` also asks for the semi-monthly mean gap (15.2 days, biweekly's is 14).
    """
    return (
        rows.lazy()
        .with_columns(_on_day())
        .filter(pl.col("seq") >= 2)
        .group_by("stream")
        .agg(pl.col("on_day").mean().alias("calendar_share"))
    )


@functools.cache
def _on_day() -> pl.Expr:
    first = pl.when(pl.col("seq") == 0).then(pl.col("date")).forward_fill()
    second = pl.when(pl.col("seq") == 1).then(pl.col("date")).forward_fill()
    return (pl.min_horizontal(_months_off(first), _months_off(second)) <= SEMI_MONTHLY.tolerance_days).alias("on_day")


@functools.cache
def classify(frequencies: tuple[Frequency, ...]) -> pl.Expr:
    """The first frequency (in the given order) whose median gap and gap share fit; null when none does."""
    choices = []
    for frequency in frequencies:
        fits = frequency.fits(pl.col("median_gap_days")) & (pl.col(frequency.share_column) >= REGULAR_SHARE)
        if frequency is SEMI_MONTHLY:
            on_calendar = pl.col("calendar_share").fill_null(0.0) >= REGULAR_SHARE
            fits = fits & on_calendar & (pl.col("mean_gap_days") >= SEMI_MONTHLY_MIN_MEAN_GAP)
        choices.append(pl.when(fits).then(pl.lit(frequency.name)))
    enough = pl.col("occurrences") >= MIN_OCCURRENCES
    return pl.when(enough).then(pl.coalesce(choices)).otherwise(None)


def with_frequency(
    stats: pl.DataFrame, rows: pl.DataFrame, frequencies: tuple[Frequency, ...], found_only: bool = False
) -> pl.DataFrame:
    """Add `frequency` to per-stream `stats` (by `stream`, with `gap_aggregations`) from the `with_gaps` rows.

    `found_only` keeps only the streams that have one. One query, calendar check included.
    """
    candidates = stats.lazy().filter(SEMI_MONTHLY.fits(pl.col("median_gap_days"))).select("stream")
    shares = calendar_share(rows.lazy().join(candidates, on="stream", how="semi"))
    classified = (
        stats.lazy()
        .join(shares, on="stream", how="left")
        .with_columns(classify(frequencies).alias("frequency"))
        .drop("calendar_share")
    )
    return (classified.filter(pl.col("frequency").is_not_null()) if found_only else classified).pipe(collect)


def period(frequency: pl.Expr) -> pl.Expr:
    return frequency.replace_strict({f.name: f.period_days for f in ALL_FREQUENCIES}, default=None)


def next_date(last_date: pl.Expr, frequency: pl.Expr) -> pl.Expr:
    """Last date plus the frequency's period in days.

    Days rather than calendar months keep every signal unchanged when all dates move by the
    same number of days; the tolerance absorbs the 28-31 days of a real month.
    """
    return last_date + pl.duration(days=period(frequency))


def tolerance(frequency: pl.Expr) -> pl.Expr:
    return frequency.replace_strict({f.name: f.tolerance_days for f in ALL_FREQUENCIES}, default=None)
