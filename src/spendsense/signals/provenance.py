"""Where a signal's value came from: the accounts and transactions behind it, per user.

Each family returns its values and its *evidence sets*: per user, the accounts and
transactions behind a group of signals (`signals` lists them). Several signals read the same
rows (every income signal reads the same deposits), so a set is kept once rather than copied
per signal; `personas.trace` gathers what stands behind each signal.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from spendsense.signals.window import KEYS, Window, spread

EVIDENCE = pl.Schema(
    {
        "user_id": pl.String(),
        "signals": pl.List(pl.String()),
        "account_ids": pl.List(pl.String()),
        "transaction_ids": pl.List(pl.String()),
        "transaction_count": pl.UInt32(),
    }
)


COLUMNS = [*EVIDENCE.names(), "window"]
"""An evidence set as the families give it: `EVIDENCE` for one window."""


@dataclass(frozen=True)
class Family:
    """One signal family's output: `values` has one row per user and window the user has any data for."""

    values: pl.DataFrame
    evidence: pl.LazyFrame
    """The query of its evidence sets (`COLUMNS`), run with every other family's."""


def _shaped(base: pl.LazyFrame, signals: Sequence[str]) -> pl.LazyFrame:
    """`base` in the `COLUMNS` shape, `signals` named."""
    return base.select(_columns(tuple(signals)))


@functools.cache
def _columns(signals: tuple[str, ...]) -> tuple[pl.Expr, ...]:
    named = pl.lit(list(signals), dtype=pl.List(pl.String())).alias("signals")
    return tuple(named if name == "signals" else pl.col(name) for name in COLUMNS)


def gathered(sets: Sequence[pl.LazyFrame]) -> pl.LazyFrame:
    """A family's evidence sets as one query; every family's run together (on one user's rows a call costs what a
    whole query does)."""
    return pl.concat(sets)


def from_transactions(rows: pl.DataFrame, signals: Sequence[str], list_ids: bool = True) -> pl.LazyFrame:
    """Evidence from the transaction rows (tagged with their `window`) behind `signals`.

    `list_ids=False` keeps only the count: spending totals rest on hundreds of ordinary
    purchases, and naming each of them in every trace would bury the evidence that matters.
    """
    return _shaped(rows.lazy().group_by(KEYS).agg(_listed(list_ids)), signals)


@functools.cache
def _listed(list_ids: bool) -> tuple[pl.Expr, ...]:
    ids = pl.col("transaction_id").sort() if list_ids else pl.lit([], dtype=pl.List(pl.String())).first()
    return (
        pl.col("account_id").unique().sort().alias("account_ids"),
        ids.alias("transaction_ids"),
        pl.len().alias("transaction_count"),
    )


def from_accounts(
    accounts: pl.DataFrame | pl.LazyFrame, signals: Sequence[str], windows: Sequence[Window]
) -> pl.LazyFrame:
    """Evidence from balances (the same in every window): the accounts only."""
    base = (
        spread(accounts, windows)
        .group_by(KEYS)
        .agg(
            pl.col("account_id").unique().sort().alias("account_ids"),
            pl.lit([], dtype=pl.List(pl.String())).first().alias("transaction_ids"),
            pl.lit(0, dtype=pl.UInt32).alias("transaction_count"),
        )
    )
    return _shaped(base, signals)


def empty() -> pl.DataFrame:
    return pl.Schema({**EVIDENCE, "window": pl.String()}).to_frame()
