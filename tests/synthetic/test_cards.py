from __future__ import annotations

from typing import Any

import polars as pl


def cards_with_flows(tables: dict[str, pl.DataFrame]) -> pl.DataFrame:
    posted = tables["transactions"].filter(~pl.col("pending"))
    payment = pl.col("pfc_detailed") == "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT"
    flows = posted.group_by("account_id").agg(
        charged=pl.col("amount_cents").filter(~payment).sum(), paid=-pl.col("amount_cents").filter(payment).sum()
    )
    cards = tables["accounts"].filter(pl.col("type") == "credit")
    return cards.join(flows, on="account_id", how="left").fill_null(0)


class TestCards:
    def test_pay_in_full_cards_owe_only_what_is_not_paid_yet(
        self, tables: dict[str, pl.DataFrame], labels: dict[str, Any]
    ) -> None:
        interest = set(
            tables["transactions"].filter(pl.col("pfc_detailed") == "BANK_FEES_INTEREST_CHARGE")["account_id"]
        )
        full = cards_with_flows(tables).filter(~pl.col("account_id").is_in(list(interest)))
        assert full.height > 0
        # They start the history owing nothing: today's balance is what was charged less what was paid.
        assert (full["current_cents"] == full["charged"] - full["paid"]).all()
        assert (full["current_cents"] < 0.3 * full["limit_cents"]).all()

    def test_revolving_cards_carry_a_balance_and_pay_interest(self, tables: dict[str, pl.DataFrame]) -> None:
        interest = tables["transactions"].filter(pl.col("pfc_detailed") == "BANK_FEES_INTEREST_CHARGE")
        revolving = cards_with_flows(tables).filter(pl.col("account_id").is_in(interest["account_id"].implode()))
        assert revolving.height > 0
        assert (revolving["current_cents"] > 0).all()
        assert (revolving["current_cents"] - revolving["charged"] + revolving["paid"] >= 0).all()  # opening owed
