from __future__ import annotations

import polars as pl


class TestOwnAccountMoves:
    def test_every_transfer_to_savings_has_its_other_leg(self, tables: dict[str, pl.DataFrame]) -> None:
        rows = tables["transactions"].join(tables["accounts"].select("account_id", "subtype"), on="account_id")
        out = rows.filter(pl.col("pfc_detailed") == "TRANSFER_OUT_SAVINGS")
        back = rows.filter(pl.col("pfc_detailed") == "TRANSFER_IN_SAVINGS")
        assert out.height == back.height > 0
        assert set(out["subtype"]) == {"checking"}
        assert set(back["subtype"]) - {"checking"} == set(back["subtype"])
        key = ["user_id", "date"]
        paired = out.with_columns(pl.col("amount_cents").alias("size")).join(
            back.with_columns((-pl.col("amount_cents")).alias("size")), on=[*key, "size"], how="inner"
        )
        assert paired.height == out.height

    def test_every_card_payment_leaves_checking_and_reaches_the_card(self, tables: dict[str, pl.DataFrame]) -> None:
        rows = tables["transactions"].join(tables["accounts"].select("account_id", "type"), on="account_id")
        payments = rows.filter(pl.col("pfc_detailed") == "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT")
        from_checking = payments.filter(pl.col("type") == "depository")
        on_card = payments.filter(pl.col("type") == "credit")
        assert (from_checking["amount_cents"] > 0).all()
        assert (on_card["amount_cents"] < 0).all()
        assert sorted(from_checking["amount_cents"]) == sorted(-on_card["amount_cents"])
