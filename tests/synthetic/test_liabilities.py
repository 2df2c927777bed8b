from __future__ import annotations

from typing import Any

import polars as pl


def card_payments(tables: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """The card side of every posted card payment, latest per card."""
    rows = tables["transactions"].filter(
        (pl.col("pfc_detailed") == "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT")
        & (pl.col("amount_cents") < 0)
        & ~pl.col("pending")
    )
    return rows.sort("date").group_by("account_id").agg(pl.col("date").last(), -pl.col("amount_cents").last())


class TestLiabilities:
    def test_last_card_payment_matches_the_ledger(self, tables: dict[str, pl.DataFrame]) -> None:
        credit = tables["liabilities"].filter((pl.col("kind") == "credit") & pl.col("last_payment_cents").is_not_null())
        joined = credit.join(card_payments(tables), on="account_id")
        assert joined.height == credit.height > 0
        assert (joined["last_payment_cents"] == joined["amount_cents"]).all()
        assert (joined["last_payment_date"] == joined["date"]).all()

    def test_minimum_payment_only_cards_pay_a_labelled_fixed_minimum(
        self, tables: dict[str, pl.DataFrame], labels: dict[str, Any]
    ) -> None:
        credit = tables["liabilities"].filter(pl.col("kind") == "credit")
        minimum_only = credit.filter(pl.col("last_payment_cents") <= pl.col("minimum_payment_cents") + 100)
        assert minimum_only.height > 0
        for user_id, account_id, minimum in minimum_only.select(
            "user_id", "account_id", "minimum_payment_cents"
        ).iter_rows():
            streams = labels["users"][user_id]["recurring_streams"]
            assert any(
                s["account_id"] == account_id and s["kind"] == "card_payment" and s["amount_cents"] == minimum
                for s in streams
            )

    def test_cards_stay_within_their_limits(self, tables: dict[str, pl.DataFrame]) -> None:
        cards = tables["accounts"].filter(pl.col("type") == "credit")
        assert (cards["current_cents"] <= cards["limit_cents"]).all()
        assert (cards["available_cents"] <= cards["limit_cents"] - cards["current_cents"]).all()

    def test_overdue_cards_carry_a_late_fee(self, tables: dict[str, pl.DataFrame]) -> None:
        overdue = tables["liabilities"].filter(pl.col("is_overdue").fill_null(False))["account_id"]
        late = tables["transactions"].filter(pl.col("pfc_detailed") == "BANK_FEES_LATE_FEES")["account_id"]
        assert overdue.len() > 0
        assert set(overdue) <= set(late)
