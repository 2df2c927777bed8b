"""Run every signal family for every window: one call, all users at once.

The input frames follow `spendsense.tables`; the output is a `SignalSet` of frames that the
pipeline stores and the personas read. Nothing here knows about the store.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import polars as pl

from spendsense.signals import catalog, credit, fees, income, provenance, recurring, savings, spending, subscriptions
from spendsense.signals.provenance import Family
from spendsense.signals.window import KEYS, Window, collect, per_window, prepare, sized_for

WINDOW_DAYS = (30, 180)
BEHAVIOURS = {
    "has_subscriptions": pl.col("recurring_stream_count") >= 1,
    "has_savings": pl.col("savings_account_count") >= 1,
    "has_credit": pl.col("card_count") >= 1,
    "has_income": pl.col("income_deposit_count") >= 1,
    "has_fees": pl.col("fee_count") >= 1,
}


_BEHAVIOURS = [condition.alias(name) for name, condition in BEHAVIOURS.items()]
_BEHAVIOUR_COUNT = pl.sum_horizontal(pl.col(name).cast(pl.Int64) for name in BEHAVIOURS).alias("behaviour_count")


@functools.cache
def _fills(names: frozenset[str]) -> tuple[pl.Expr, ...]:
    """The default of every signal among `names` that has one; built once per set of columns."""
    return tuple(pl.col(s.name).fill_null(s.fill) for s in catalog.SIGNALS if s.fill is not None and s.name in names)


@dataclass(frozen=True)
class SignalSet:
    """Everything the engine found. Every frame but `cards` (balances now) has a `window` column."""

    signals: pl.DataFrame
    """One row per (user, window), columns `catalog.SCHEMA`."""
    cards: pl.DataFrame
    recurring_streams: pl.DataFrame
    income_streams: pl.DataFrame
    evidence: pl.DataFrame
    """Evidence sets (`provenance.EVIDENCE`) per user and window."""


def _assemble(user_ids: pl.DataFrame, families: Sequence[Family], windows: Sequence[Window]) -> pl.DataFrame:
    """One row per user and window: every family's values joined, defaults filled, behaviours flagged (one query)."""
    labels = pl.LazyFrame({"window": [window.label for window in windows]}, schema={"window": pl.String()})
    wide = labels.join(user_ids.lazy(), how="cross")  # window by window, users in their order, as before
    names = {*user_ids.columns, "window"}
    for family in families:
        wide = wide.join(family.values.lazy(), on=KEYS, how="left", maintain_order="left")
        names.update(family.values.columns)
    as_of = per_window(windows, lambda window: window.as_of, pl.Date()).alias("as_of")
    return (
        wide.with_columns(_fills(frozenset(names)))
        .with_columns(_BEHAVIOURS)
        .with_columns(_BEHAVIOUR_COUNT, as_of)
        .select(catalog.SCHEMA.names())
        .cast(catalog.SCHEMA)
        .pipe(collect)
    )


@dataclass(frozen=True)
class Prepared:
    """What every window reads, prepared once."""

    users: pl.DataFrame
    transactions: pl.DataFrame
    """Through `window.prepare`."""
    deposits: pl.DataFrame
    """Through `income.deposits`."""
    accounts: pl.DataFrame
    cards: pl.DataFrame
    """Through `credit.cards`."""
    occurrences: recurring.Occurrences
    """Stream candidates of the longest lookback."""


def compute_windows(inputs: Prepared, windows: Sequence[Window]) -> SignalSet:
    """Every family for every window, in one pass: each family's rows carry their window and group by it."""
    prepared = inputs.transactions
    spent = spending.spending_signals(prepared, windows)
    streams = recurring.streams_from(inputs.occurrences, windows)
    earned, income_streams = income.income_signals(inputs.deposits, inputs.accounts, spent.values, windows)
    families = (
        spent,
        subscriptions.subscription_signals(streams, prepared, spent.values, windows),
        earned,
        savings.savings_signals(prepared, inputs.accounts, spent.values, windows),
        credit.credit_signals(prepared, inputs.cards, windows),
        fees.fee_signals(prepared, windows),
    )
    return SignalSet(
        signals=_assemble(inputs.users, families, windows),
        cards=inputs.cards,
        recurring_streams=streams,
        income_streams=income_streams,
        evidence=pl.concat([provenance.empty().lazy(), *(family.evidence for family in families)]).pipe(collect),
    )


def compute_signals(
    user_ids: Sequence[str],
    transactions: pl.DataFrame,
    accounts: pl.DataFrame,
    liabilities: pl.DataFrame,
    as_of: date,
    window_days: Sequence[int] = WINDOW_DAYS,
) -> SignalSet:
    """Signals of `user_ids` (and nobody else) for each window ending at `as_of`; users without data get a row too."""
    users = pl.DataFrame({"user_id": list(dict.fromkeys(user_ids))}, schema={"user_id": pl.String})
    # Transactions need no filter of their own: `prepare` keeps only those on these users' accounts.
    accounts, liabilities = (frame.join(users, on="user_id", how="semi") for frame in (accounts, liabilities))
    with sized_for(transactions.height):
        prepared = prepare(transactions, accounts, as_of)
        windows = [Window(days, as_of) for days in window_days]
        longest = max((window.lookback_days for window in windows), default=0)
        occurrences = recurring.Occurrences.of(prepared, as_of, longest)
        cards = credit.cards(accounts, liabilities)
        inputs = Prepared(users, prepared, income.deposits(prepared), accounts, cards, occurrences)
        return compute_windows(inputs, windows)
