"""Demographic parity of personas and offers across age band, gender, income tier and region.

For each attribute and outcome, the rate per group and the ratio of the lowest rate to the
highest; a ratio under 0.8 is flagged (the four-fifths rule). A flag asks for an explanation,
not automatically a fix: personas describe behaviour, which differs between groups.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import polars as pl

ATTRIBUTES = ("age_band", "gender", "income_tier", "region")
FOUR_FIFTHS = 0.8
# Lending products: where income floors and utilization ceilings decide, so where disparity would bite.
CREDIT_CATEGORIES = frozenset({"balance_transfer_card", "debt_consolidation_loan", "credit_builder_loan"})


@dataclass(frozen=True)
class Parity:
    attribute: str
    outcome: str
    rates: dict[str, float]
    sizes: dict[str, int]
    ratio: float | None

    @property
    def flagged(self) -> bool:
        return self.ratio is not None and self.ratio < FOUR_FIFTHS

    def to_dict(self) -> dict[str, Any]:
        return {
            "attribute": self.attribute,
            "outcome": self.outcome,
            "ratio": self.ratio,
            "flagged": self.flagged,
            "rates": self.rates,
            "sizes": self.sizes,
        }


def outcomes_frame(
    users: pl.DataFrame, primary: Mapping[str, str | None], offers: Mapping[str, frozenset[str]]
) -> pl.DataFrame:
    """One row per evaluated user: demographics, primary persona, whether any offer and any credit offer was chosen."""
    evaluated = users.filter(pl.col("user_id").is_in(list(primary)))
    credit = {user: bool(categories & CREDIT_CATEGORIES) for user, categories in offers.items()}
    return evaluated.select("user_id", *ATTRIBUTES).with_columns(
        pl.col("user_id").replace_strict(dict(primary), default=None, return_dtype=pl.String).alias("persona"),
        pl.col("user_id").replace_strict({u: bool(c) for u, c in offers.items()}, default=False).alias("has_offer"),
        pl.col("user_id").replace_strict(credit, default=False, return_dtype=pl.Boolean).alias("has_credit_offer"),
    )


def parity(frame: pl.DataFrame, attribute: str, outcome: str, hit: pl.Expr) -> Parity:
    groups = (
        frame.with_columns(pl.col(attribute).fill_null("unknown"))
        .group_by(attribute)
        .agg(pl.len().alias("n"), hit.mean().alias("rate"))
        .sort(attribute)
    )
    rates = {row[attribute]: float(row["rate"]) for row in groups.to_dicts()}
    sizes = {row[attribute]: int(row["n"]) for row in groups.to_dicts()}
    top = max(rates.values(), default=0.0)
    ratio = min(rates.values()) / top if top > 0 and len(rates) > 1 else None
    return Parity(attribute, outcome, rates, sizes, ratio)


def fairness(frame: pl.DataFrame, personas: tuple[str, ...]) -> list[Parity]:
    outcomes = {f"persona:{p}": pl.col("persona").fill_null("") == p for p in personas}
    outcomes["offer"] = pl.col("has_offer")
    outcomes["credit_offer"] = pl.col("has_credit_offer")
    return [parity(frame, attribute, name, hit) for attribute in ATTRIBUTES for name, hit in outcomes.items()]
