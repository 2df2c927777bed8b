"""Bank fees in the window (overdraft, NSF, late, other; interest is not a fee): the Fee Saver's signals."""

from __future__ import annotations

import polars as pl

from spendsense import rules
from spendsense.signals import provenance
from spendsense.signals.provenance import Family
from spendsense.signals.window import Window

KINDS = ("overdraft", "nsf", "late", "other")
SIGNALS = ("fee_count", "fee_total", *(f"{kind}_fee_count" for kind in KINDS))


def fee_rows(prepared: pl.DataFrame, window: Window) -> pl.DataFrame:
    return prepared.filter(window.contains() & rules.is_fee()).with_columns(rules.fee_kind().alias("fee_kind"))


def fee_signals(prepared: pl.DataFrame, window: Window) -> Family:
    rows = fee_rows(prepared, window)
    values = rows.group_by("user_id").agg(
        pl.len().cast(pl.Int64).alias("fee_count"),
        pl.col("amount_cents").sum().alias("fee_total"),
        *[(pl.col("fee_kind") == kind).sum().cast(pl.Int64).alias(f"{kind}_fee_count") for kind in KINDS],
    )
    return Family(values, pl.concat([provenance.from_transactions(rows, SIGNALS[:2]), _evidence_by_kind(rows)]))


def _evidence_by_kind(rows: pl.DataFrame) -> pl.DataFrame:
    """Each kind's count cites only the fees of that kind."""
    return (
        rows.group_by("user_id", "fee_kind")
        .agg(
            pl.col("account_id").unique().sort().alias("account_ids"),
            pl.col("transaction_id").sort().alias("transaction_ids"),
            pl.len().alias("transaction_count"),
        )
        .with_columns(pl.concat_list(pl.format("{}_fee_count", "fee_kind")).alias("signals"))
        .select(provenance.EVIDENCE.names())
    )
