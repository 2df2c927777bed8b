"""The analysis window and the one preparation every signal family starts from."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final

import polars as pl

from spendsense import rules

PREPARED_COLUMNS = [
    "transaction_id", "account_id", "user_id", "date", "amount_cents", "name", "merchant_name", "merchant_key",
    "pfc_primary", "pfc_detailed", "account_type", "subtype",
]  # fmt: skip
"""What the families read: every copy made later (a filter, a join) carries only these."""
ENGINE: Final = "in-memory"
"""For the engine's few lazy queries: "auto" measured 0.3 ms slower a query on one user's rows, and no faster on
millions (every other step is eager, which always runs in memory)."""
MIN_CADENCE_LOOKBACK_DAYS = 90
"""REQUIREMENTS: a cadence needs >= 3 occurrences in 90 days, so short windows look back that far."""


@dataclass(frozen=True)
class Window:
    """`days` ending at `as_of`, inclusive: dates in (as_of - days, as_of]."""

    days: int
    as_of: date

    @property
    def label(self) -> str:
        return f"{self.days}d"

    @property
    def start(self) -> date:
        """Exclusive: the first day inside the window is the day after."""
        return self.as_of - timedelta(days=self.days)

    @property
    def months(self) -> float:
        return self.days / 30

    @property
    def lookback_days(self) -> int:
        return max(self.days, MIN_CADENCE_LOOKBACK_DAYS)

    @property
    def lookback_start(self) -> date:
        return self.as_of - timedelta(days=self.lookback_days)

    def contains(self, column: str = "date") -> pl.Expr:
        return _between(column, self.start, self.as_of)

    def in_lookback(self, column: str = "date") -> pl.Expr:
        return _between(column, self.lookback_start, self.as_of)


@functools.lru_cache(maxsize=1024)
def _between(column: str, after: date, until: date) -> pl.Expr:
    """`column` in (after, until]; built once per bounds (an expression is immutable), a few per as-of date."""
    return (pl.col(column) > after) & (pl.col(column) <= until)


KEYS = ("user_id", "window")
"""What every family groups by: all windows are computed in one pass, each row tagged with its window."""


def windows_of(windows: Window | Sequence[Window]) -> tuple[Window, ...]:
    return (windows,) if isinstance(windows, Window) else tuple(windows)


def per_window(windows: Sequence[Window], value: Callable[[Window], Any], dtype: pl.DataType) -> pl.Expr:
    """A window's constant (its start, its months), read through each row's `window`."""
    values = {window.label: value(window) for window in windows}
    if len(set(values.values())) == 1:
        return pl.lit(next(iter(values.values())), dtype=dtype)
    return pl.col("window").replace_strict(values, return_dtype=dtype)


def in_window(windows: Sequence[Window], column: str = "date") -> pl.Expr:
    """`Window.contains` for rows already tagged with their window (e.g. a lookback's rows)."""
    start = per_window(windows, lambda window: window.start, pl.Date())
    end = per_window(windows, lambda window: window.as_of, pl.Date())
    return (pl.col(column) > start) & (pl.col(column) <= end)


def tagged(rows: pl.DataFrame | pl.LazyFrame, windows: Sequence[Window], lookback: bool = False) -> pl.LazyFrame:
    """The rows inside each window (or its lookback), one copy per window that holds them, with `window`.

    Each copy keeps the order of `rows`. One query over every window costs about what one
    window's did: on one user's rows a Polars call costs the same whatever it computes.
    """
    parts = [
        rows.lazy()
        .filter(window.in_lookback() if lookback else window.contains())
        .with_columns(pl.lit(window.label).alias("window"))
        for window in windows
    ]
    return parts[0] if len(parts) == 1 else pl.concat(parts)


def spread(per_user: pl.DataFrame | pl.LazyFrame, windows: Sequence[Window]) -> pl.LazyFrame:
    """Rows that hold in every window (balances now, the cards held): one copy per window, with `window`."""
    labels = pl.LazyFrame({"window": [window.label for window in windows]}, schema={"window": pl.String()})
    return per_user.lazy().join(labels, how="cross")


def _normalized(column: str) -> pl.Expr:
    """Lower case, digits and punctuation removed, spaces collapsed; empty becomes null."""
    text = (
        pl.col(column)
        .str.to_lowercase()
        .str.replace_all(r"[^a-z\s]", "")
        .str.replace_all(r"\s+", " ")
        .str.strip_chars()
    )
    return pl.when(text == "").then(None).otherwise(text)


@functools.cache
def merchant_key() -> pl.Expr:
    """Who the money went to or came from: entity id, else normalized merchant name, else normalized name.

    Sliced so that a 500-character description cannot make an unwieldy stream id; two names
    that share 120 normalized characters are the same counterparty for our purposes.
    """
    entity = pl.when(pl.col("merchant_entity_id") == "").then(None).otherwise(pl.col("merchant_entity_id"))
    return pl.coalesce(entity, _normalized("merchant_name"), _normalized("name")).str.slice(0, 120)


def _normalized_lookup(frame: pl.DataFrame, column: str) -> pl.Expr:
    """`column` normalized through a lookup built from its distinct values."""
    distinct = frame.select(pl.col(column).unique().drop_nulls())
    normalized = distinct.select(_normalized(column).alias(column))[column]
    return pl.col(column).replace_strict(distinct[column], normalized, default=None, return_dtype=pl.String)


def with_merchant_key(frame: pl.DataFrame) -> pl.DataFrame:
    """`frame` plus `merchant_key` (as `merchant_key()`), normalizing each distinct name once.

    A few thousand merchant names stand behind millions of rows, and the regular expressions
    cost far more than a lookup of their result.
    """
    entity = pl.when(pl.col("merchant_entity_id") == "").then(None).otherwise(pl.col("merchant_entity_id"))
    names = (_normalized_lookup(frame, "merchant_name"), _normalized_lookup(frame, "name"))
    return frame.with_columns(pl.coalesce(entity, *names).str.slice(0, 120).alias("merchant_key"))


SMALL_INPUT_ROWS = 20_000
"""Up to this many transactions (a few users' recompute) `prepare` runs as one query, and queries skip the optimizer."""

OPTIMIZED: Final = pl.QueryOptFlags()
UNOPTIMIZED: Final = pl.QueryOptFlags.none()
_optimizations: ContextVar[pl.QueryOptFlags] = ContextVar("optimizations", default=OPTIMIZED)


@contextmanager
def sized_for(rows: int) -> Iterator[None]:
    """Queries collected in the block (`collect`) run unoptimized on up to `SMALL_INPUT_ROWS` input rows.

    On one user's rows the optimizer's passes (pushdowns, common subplans, ...) cost more than
    they save: one recompute's engine took 62 ms against 81 with them, interleaved in one
    process. The results are the same either way: the passes only rewrite the plan.
    """
    token = _optimizations.set(UNOPTIMIZED if rows <= SMALL_INPUT_ROWS else OPTIMIZED)
    try:
        yield
    finally:
        _optimizations.reset(token)


def collect(query: pl.LazyFrame) -> pl.DataFrame:
    """`query` run in memory, optimized or not as `sized_for` decided."""
    return query.collect(engine=ENGINE, optimizations=_optimizations.get())


def collect_all(queries: Sequence[pl.LazyFrame]) -> list[pl.DataFrame]:
    return pl.collect_all(queries, engine=ENGINE, optimizations=_optimizations.get())


def prepare(transactions: pl.DataFrame, accounts: pl.DataFrame, as_of: date) -> pl.DataFrame:
    """Posted transactions on personal accounts up to `as_of`, with account type, subtype and merchant key.

    History before the longest window is kept: the median pay gap reads the last deposit before it.
    Row order is left as it came: every order-sensitive step sorts what it needs. Columns the
    engine never reads are dropped here, so that no later filter copies them.

    Two ways to the same frame (a property test holds them equal): at scale, account fields are
    mapped on and each distinct name is normalized once (`with_merchant_key`); on a few users'
    rows, where a Polars call costs about what a whole query does, everything is one query.
    """
    if transactions.height <= SMALL_INPUT_ROWS:
        return _prepare_in_one_query(transactions, accounts, as_of)
    posted = rules.personal_posted(transactions, accounts).filter(pl.col("date") <= as_of)
    return with_merchant_key(posted).select(PREPARED_COLUMNS)


def _prepare_in_one_query(transactions: pl.DataFrame, accounts: pl.DataFrame, as_of: date) -> pl.DataFrame:
    held = (
        accounts.lazy()
        .filter(rules.is_personal_account())
        .unique("account_id", keep="first", maintain_order=True)
        .select("account_id", pl.col("type").alias("account_type"), "subtype")
    )
    return (
        transactions.lazy()
        .filter(rules.is_posted() & (pl.col("date") <= as_of))
        .join(held, on="account_id", how="inner", maintain_order="left")
        .with_columns(merchant_key().alias("merchant_key"))
        .select(PREPARED_COLUMNS)
        .pipe(collect)
    )
