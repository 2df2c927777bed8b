"""Credit cards: utilization per card and its flags, minimum-payment-only, interest charges, overdue."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from spendsense import rules
from spendsense.signals import provenance
from spendsense.signals.provenance import Family
from spendsense.signals.window import KEYS, Window, collect, spread, tagged, windows_of

UTILIZATION_FLAGS = (30, 50, 80)
MINIMUM_PAYMENT_SLACK_CENTS = 100
"""A last payment within $1 of the minimum is a minimum payment (rounding, a few cents of interest)."""
CARD_SIGNALS = (
    "card_count",
    "card_balance",
    "card_limit",
    "max_utilization",
    *(f"util_ge_{flag}" for flag in UTILIZATION_FLAGS),
    "minimum_payment_only",
    "is_overdue",
)
SIGNALS = (*CARD_SIGNALS, "interest_charges")

CARDS = pl.Schema(
    {
        "user_id": pl.String(),
        "account_id": pl.String(),
        "name": pl.String(),
        "mask": pl.String(),
        "balance_cents": pl.Int64(),
        "limit_cents": pl.Int64(),
        "utilization": pl.Float64(),
        "minimum_payment_cents": pl.Int64(),
        "last_payment_cents": pl.Int64(),
        "minimum_payment_only": pl.Boolean(),
        "is_overdue": pl.Boolean(),
    }
)


def cards(accounts: pl.DataFrame, liabilities: pl.DataFrame) -> pl.DataFrame:
    """One row per personal credit card (`CARDS`), balances as of now, liability fields when known.

    A credit balance (negative) counts as 0% utilization: nothing is owed.
    """
    card_liabilities = liabilities.filter(pl.col("kind") == "credit").select(
        "account_id", "minimum_payment_cents", "last_payment_cents", "is_overdue"
    )
    limit = pl.col("limit_cents")
    utilization = pl.when(limit > 0).then(pl.col("current_cents").clip(lower_bound=0) / limit).otherwise(None)
    minimum = pl.col("minimum_payment_cents")
    minimum_only = (minimum > 0) & (pl.col("last_payment_cents") <= minimum + MINIMUM_PAYMENT_SLACK_CENTS)
    return (  # one query: each eager step costs about as much as the whole query on one user's rows
        accounts.lazy()
        .filter(rules.is_personal_account() & rules.is_card_account())
        .join(card_liabilities.lazy(), on="account_id", how="left", maintain_order="left")
        .with_columns(
            pl.col("current_cents").fill_null(0).alias("balance_cents"),
            utilization.alias("utilization"),
            minimum_only.fill_null(False).alias("minimum_payment_only"),
            pl.col("is_overdue").fill_null(False),
        )
        .select(CARDS.names())
        .cast(CARDS)
        .sort("user_id", "account_id")
        .pipe(collect)
    )


def card_signals(card_rows: pl.DataFrame) -> pl.LazyFrame:
    """Per user: the card figures. Flags read the highest utilization; no limit anywhere leaves it null."""
    highest = pl.col("utilization").max()
    return (
        card_rows.lazy()
        .group_by("user_id")
        .agg(
            pl.len().cast(pl.Int64).alias("card_count"),
            pl.col("balance_cents").sum().alias("card_balance"),
            pl.col("limit_cents").sum().alias("card_limit"),
            highest.alias("max_utilization"),
            *[(highest >= flag / 100).fill_null(False).alias(f"util_ge_{flag}") for flag in UTILIZATION_FLAGS],
            pl.col("minimum_payment_only").any(),
            pl.col("is_overdue").any(),
        )
    )


def credit_signals(prepared: pl.DataFrame, card_rows: pl.DataFrame, windows: Window | Sequence[Window]) -> Family:
    """Card figures are balances now, the same in every window; interest is charged in the window."""
    windows = windows_of(windows)
    interest_rows = tagged(prepared.lazy().filter(rules.is_interest_charge()), windows).pipe(collect)
    interest = interest_rows.lazy().group_by(KEYS).agg(pl.col("amount_cents").sum().alias("interest_charges"))
    values = spread(card_signals(card_rows), windows).join(interest, on=KEYS, how="full", coalesce=True).pipe(collect)
    evidence = provenance.gathered(
        [
            provenance.from_accounts(card_rows, CARD_SIGNALS, windows),
            provenance.from_transactions(interest_rows, ["interest_charges"]),
        ]
    )
    return Family(values, evidence)
