import polars as pl

from spendsense.recommend.lookups import account_facts, card_facts
from tests.signals import builders as b


class TestCardFacts:
    def test_most_used_minimum_only_and_overdue_cards(self) -> None:
        cards = pl.DataFrame(
            [
                {
                    "user_id": "u1",
                    "account_id": "a",
                    "name": "Visa",
                    "mask": "1",
                    "balance_cents": 100,
                    "limit_cents": 1_000,
                    "utilization": 0.1,
                    "minimum_payment_cents": 35,
                    "last_payment_cents": 35,
                    "minimum_payment_only": True,
                    "is_overdue": False,
                },
                {
                    "user_id": "u1",
                    "account_id": "b",
                    "name": "Amex",
                    "mask": "2",
                    "balance_cents": 900,
                    "limit_cents": 1_000,
                    "utilization": 0.9,
                    "minimum_payment_cents": 50,
                    "last_payment_cents": 500,
                    "minimum_payment_only": False,
                    "is_overdue": True,
                },
            ]
        )
        row = card_facts(cards).to_dicts()[0]
        assert (row["card_name"], row["min_card_name"], row["overdue_card_name"]) == ("Amex", "Visa", "Amex")


class TestAccountFacts:
    def test_products_and_main_accounts(self) -> None:
        accounts = b.accounts(
            b.account("chk", current=5_000),
            b.account("mm", subtype="money market", current=9_000),
            b.account("ira", type="investment", subtype="IRA", current=1),
            b.account("biz", subtype="savings", business=True),
        )
        row = account_facts(accounts).to_dicts()[0]
        assert row["products"] == ["checking", "money_market", "retirement"]
        assert (row["checking_name"], row["savings_name"], row["account_count"]) == ("chk", "mm", 3)
