from __future__ import annotations

import itertools

import polars as pl

from spendsense import rules
from spendsense.synthetic.catalog import catalog
from spendsense.synthetic.spending import CASH_LEVELS
from tests.synthetic.reference import stable


class TestSpending:
    def test_refunds_are_negative_spending_at_most_two_per_user(self, tables: dict[str, pl.DataFrame]) -> None:
        refunds = tables["transactions"].filter(rules.is_spending() & (pl.col("amount_cents") < 0))
        assert refunds.height > 0
        assert refunds.group_by("user_id").len()["len"].max() <= 2

    def test_only_card_style_purchases_go_pending(self, tables: dict[str, pl.DataFrame]) -> None:
        cat = catalog()
        purchase_names = set(cat.frame.filter(pl.Series(cat.pendable))["name"])
        pending = tables["transactions"].filter(pl.col("pending"))
        assert set(pending["name"]) <= purchase_names
        assert (pending["amount_cents"] > 0).all()

    def test_about_45_transactions_per_user_and_month(self, tables: dict[str, pl.DataFrame]) -> None:
        per_user_month = tables["transactions"].height / tables["users"].height / 6
        assert 40 <= per_user_month <= 60

    def test_cash_withdrawals_never_look_recurring(self) -> None:
        """Every run of 3-6 withdrawals, from any level, with any of the two notes at each level."""
        for length in range(3, 7):
            for first in range(3):
                levels = [(first + k) % 3 for k in range(length)]
                for notes in itertools.product((0, 1), repeat=length):
                    amounts = [int(CASH_LEVELS[level, note]) for level, note in zip(levels, notes, strict=True)]
                    assert not stable(amounts), amounts
