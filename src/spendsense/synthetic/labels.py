"""Ground truth per user, as labels.json: personas, recurring and income streams, fee events.

Streams describe what a correct detector sees in the 180-day lookback `(as_of - 180, as_of]`:
each generated fixed-cadence series with at least 3 posted occurrences there, with exactly
those transaction ids. Income streams are payroll series (their cadence, or `irregular` with
only two deposits) and the irregular gig / freelance payers with at least two deposits.
"""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import polars as pl

from spendsense.synthetic.accounts import BUSINESS, AccountPlan
from spendsense.synthetic.calendar import LOOKBACK_DAYS, History
from spendsense.synthetic.catalog import Catalog
from spendsense.synthetic.events import FREQUENCIES, IRREGULAR, KINDS, SeriesTable
from spendsense.synthetic.ledger import Ledger

STREAM_FIELDS = (
    "account_id", "name", "merchant_name", "merchant_entity_id", "direction", "frequency", "kind", "amount_cents",
    "last_amount_cents", "transaction_ids",
)  # fmt: skip
INCOME_FIELDS = ("account_id", "name", "merchant_name", "frequency", "amount_cents", "transaction_ids")


def series_stats(ledger: Ledger, table: SeriesTable, plan: AccountPlan, history: History, cat: Catalog) -> pl.DataFrame:
    """One row per series with its posted occurrences in the lookback (ids in date order)."""
    since = history.as_of - timedelta(days=LOOKBACK_DAYS)
    rows = ledger.transactions.with_columns(series=pl.Series(ledger.series)).filter(
        (pl.col("series") >= 0) & ~pl.col("pending") & (pl.col("date") > since)
    )
    amount = pl.col("amount_cents").abs()
    stats = rows.group_by("series", maintain_order=True).agg(
        user_id=pl.col("user_id").first(),
        direction=pl.when(pl.col("amount_cents").first() > 0).then(pl.lit("outflow")).otherwise(pl.lit("inflow")),
        count=pl.len(),
        amount_cents=amount.median().round().cast(pl.Int64),
        last_amount_cents=amount.last(),
        mean_cents=amount.mean(),
        total_cents=amount.sum(),
        transaction_ids=pl.col("transaction_id"),
    )
    info = pl.DataFrame(
        {
            "series": np.arange(table.user.shape[0]),
            "account_id": plan.ids.gather(table.account),
            "frequency_code": table.frequency,
            "kind": pl.Series(np.array(KINDS)[table.kind]),
        }
    ).hstack(
        cat.frame[table.merchant].select("name", "merchant_name", "merchant_entity_id", "pfc_primary", "pfc_detailed")
    )
    return stats.join(info, on="series", how="left").with_columns(
        frequency=pl.col("frequency_code").replace_strict(dict(enumerate(FREQUENCIES)), return_dtype=pl.String),
        regular=pl.col("frequency_code") != IRREGULAR,
    )


def recurring_streams(stats: pl.DataFrame) -> pl.DataFrame:
    return stats.filter(pl.col("regular") & (pl.col("count") >= 3))


def income_streams(stats: pl.DataFrame) -> pl.DataFrame:
    income = stats.filter(pl.col("kind").is_in(["payroll", "income"]) & (pl.col("count") >= 2))
    cadence_seen = pl.col("regular") & (pl.col("count") >= 3)
    return income.with_columns(frequency=pl.when(cadence_seen).then("frequency").otherwise(pl.lit("irregular")))


def fee_events(ledger: Ledger, plan: AccountPlan, cat: Catalog) -> pl.DataFrame:
    """Every posted fee on a personal account, whatever its date (kinds as `rules.fee_kind`)."""
    amount = ledger.transactions["amount_cents"].to_numpy()
    posted = ~ledger.transactions["pending"].to_numpy()
    fee = cat.rules.fee[ledger.merchant] & (amount > 0) & posted & (plan.kind[ledger.account] != BUSINESS)
    return ledger.transactions.filter(pl.Series(fee)).select(
        "user_id",
        "transaction_id",
        kind=pl.Series(cat.rules.fee_kind[ledger.merchant[fee]], dtype=pl.String),
        amount_cents="amount_cents",
        date=pl.col("date").cast(pl.String),
    )


def _nested(frame: pl.DataFrame, fields: tuple[str, ...], name: str) -> pl.DataFrame:
    return frame.group_by("user_id", maintain_order=True).agg(pl.struct(list(fields)).alias(name))


def label_lines(people: pl.DataFrame, stats: pl.DataFrame, fees: pl.DataFrame) -> list[str]:
    """`"user_id":{...}` per user, in the order of `people`
    (user_id, primary_persona, personas, edge_cases, consent)."""
    nested = (
        people.join(_nested(recurring_streams(stats), STREAM_FIELDS, "recurring_streams"), on="user_id", how="left")
        .join(_nested(income_streams(stats), INCOME_FIELDS, "income_streams"), on="user_id", how="left")
        .join(_nested(fees, ("transaction_id", "kind", "amount_cents", "date"), "fee_events"), on="user_id", how="left")
    )
    lists = ("recurring_streams", "income_streams", "fee_events")
    nested = nested.with_columns(pl.col(name).fill_null(pl.lit([], dtype=nested.schema[name])) for name in lists)
    body = pl.struct("primary_persona", "personas", "edge_cases", "consent", *lists).struct.json_encode()
    line = pl.concat_str(pl.lit('"'), pl.col("user_id"), pl.lit('":'), body)
    return nested.select(line.alias("line"))["line"].to_list()
