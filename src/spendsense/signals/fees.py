"""Bank fees in the window (overdraft, NSF, late, other; interest is not a fee): the Fee Saver's signals."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from spendsense import rules
from spendsense.signals import provenance
from spendsense.signals.provenance import Family
from spendsense.signals.window import KEYS, Window, collect, tagged, windows_of

KINDS = ("overdraft", "nsf", "late", "other")
SIGNALS = ("fee_count", "fee_total", *(f"{kind}_fee_count" for kind in KINDS))


def fee_rows(prepared: pl.DataFrame, windows: Sequence[Window]) -> pl.DataFrame:
    """The fees of each window, tagged with it."""
    fees = prepared.lazy().filter(rules.is_fee())
    return tagged(fees, windows).with_columns(rules.fee_kind().alias("fee_kind")).pipe(collect)


def fee_signals(prepared: pl.DataFrame, windows: Window | Sequence[Window]) -> Family:
    rows = fee_rows(prepared, windows_of(windows))
    values = rows.group_by(KEYS).agg(
        pl.len().cast(pl.Int64).alias("fee_count"),
        pl.col("amount_cents").sum().alias("fee_total"),
        *[(pl.col("fee_kind") == kind).sum().cast(pl.Int64).alias(f"{kind}_fee_count") for kind in KINDS],
    )
    return Family(
        values, provenance.gathered([provenance.from_transactions(rows, SIGNALS[:2]), _evidence_by_kind(rows)])
    )


def _evidence_by_kind(rows: pl.DataFrame) -> pl.LazyFrame:
    """Each kind's count cites only the fees of that kind."""
    return (
        rows.lazy()
        .group_by(*KEYS, "fee_kind")
        .agg(
            pl.col("account_id").unique().sort().alias("account_ids"),
            pl.col("transaction_id").sort().alias("transaction_ids"),
            pl.len().alias("transaction_count"),
        )
        .with_columns(pl.concat_list(pl.format("{}_fee_count", "fee_kind")).alias("signals"))
        .select(provenance.COLUMNS)
    )
