"""Savings-like accounts: net inflow, growth rate and emergency-fund months."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from spendsense import rules
from spendsense.signals import provenance
from spendsense.signals.provenance import Family
from spendsense.signals.spending import monthly, months_of
from spendsense.signals.window import KEYS, Window, collect, spread, tagged, windows_of

SIGNALS = (
    "savings_account_count",
    "savings_balance",
    "savings_net_inflow",
    "savings_net_inflow_monthly",
    "savings_growth_rate",
    "emergency_fund_months",
)


def savings_accounts(accounts: pl.DataFrame) -> pl.DataFrame:
    return accounts.filter(rules.is_personal_account() & rules.is_savings_account())


def savings_signals(
    prepared: pl.DataFrame, accounts: pl.DataFrame, spending: pl.DataFrame, windows: Window | Sequence[Window]
) -> Family:
    """`spending` carries `spending` per user and window (from `spending.spending_signals`)."""
    windows = windows_of(windows)
    held = savings_accounts(accounts)
    on_savings = pl.col("account_id").is_in(held["account_id"].implode())
    rows = tagged(prepared.lazy().filter(on_savings), windows).pipe(collect)
    inflow = rows.lazy().group_by(KEYS).agg((-pl.col("amount_cents").sum()).alias("savings_net_inflow"))
    start = pl.col("savings_balance") - pl.col("savings_net_inflow")
    balances = (
        held.lazy()
        .group_by("user_id")
        .agg(
            pl.len().cast(pl.Int64).alias("savings_account_count"),
            pl.col("current_cents").sum().alias("savings_balance"),
        )
    )
    values = (  # one query: each eager step costs about as much as the whole query on one user's rows
        spread(balances, windows)
        .join(inflow, on=KEYS, how="left")
        .join(spending.lazy().select(*KEYS, "spending"), on=KEYS, how="left")
        .with_columns(pl.col("savings_net_inflow").fill_null(0))
        .with_columns(
            monthly(pl.col("savings_net_inflow"), windows).alias("savings_net_inflow_monthly"),
            pl.when(start > 0).then(pl.col("savings_net_inflow") / start).otherwise(None).alias("savings_growth_rate"),
            months_of(pl.col("savings_balance"), windows).alias("emergency_fund_months"),
        )
        .drop("spending")
        .pipe(collect)
    )
    # The growth rate reads both the balance and the inflow, so it is named in both sets.
    evidence = provenance.gathered(
        [provenance.from_accounts(held, SIGNALS, windows), provenance.from_transactions(rows, SIGNALS[2:5])]
    )
    return Family(values, evidence)
