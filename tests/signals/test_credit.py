from __future__ import annotations

from datetime import date

from spendsense.signals.credit import cards, credit_signals
from spendsense.signals.window import Window, prepare
from tests.signals.builders import AS_OF, account, accounts, liabilities, liability, transactions, txn

INTEREST = {"name": "INTEREST CHARGE", "primary": "BANK_FEES", "detailed": "BANK_FEES_INTEREST_CHARGE"}


def run(
    card_accounts: list[dict[str, object]], debts: list[dict[str, object]], *rows: dict[str, object]
) -> dict[str, object]:
    window = Window(30, AS_OF)
    frame = accounts(account(), *card_accounts)
    prepared = prepare(transactions(*rows), frame, AS_OF)
    family = credit_signals(prepared, cards(frame, liabilities(*debts)), window)
    (values,) = family.values.to_dicts()
    return values


def card(account_id: str, balance: int, limit: int | None) -> dict[str, object]:
    return account(account_id, type="credit", subtype="credit card", current=balance, limit=limit)


class TestUtilization:
    def test_per_card_and_the_highest_sets_the_flags(self) -> None:
        values = run([card("visa", 340000, 500000), card("amex", 50000, 1000000)], [])
        assert values["max_utilization"] == 0.68  # 3,400 of 5,000
        assert (values["util_ge_30"], values["util_ge_50"], values["util_ge_80"]) == (True, True, False)
        assert values["card_count"] == 2
        assert values["card_balance"] == 390000

    def test_exactly_thirty_percent_raises_the_thirty_flag(self) -> None:
        values = run([card("visa", 150000, 500000)], [])
        assert values["util_ge_30"] is True
        assert values["util_ge_50"] is False

    def test_a_card_without_limit_has_no_utilization(self) -> None:
        values = run([card("visa", 150000, None)], [])
        assert values["max_utilization"] is None
        assert values["util_ge_30"] is False

    def test_a_credit_balance_is_zero_utilization(self) -> None:
        values = run([card("visa", -2500, 500000)], [])
        assert values["max_utilization"] == 0.0

    def test_business_cards_are_left_out(self) -> None:
        business = {**card("corp", 490000, 500000), "is_business": True}
        mine = card("visa", 100000, 500000)
        assert cards(accounts(business, mine), liabilities())["account_id"].to_list() == ["visa"]


class TestPaymentsAndInterest:
    def test_minimum_payment_only_within_a_dollar(self) -> None:
        values = run([card("visa", 100000, 500000)], [liability("visa", minimum=3500, last=3600)])
        assert values["minimum_payment_only"] is True  # 36.00 <= 35.00 + 1.00

    def test_paying_more_than_the_minimum(self) -> None:
        values = run([card("visa", 100000, 500000)], [liability("visa", minimum=3500, last=25000)])
        assert values["minimum_payment_only"] is False

    def test_overdue(self) -> None:
        values = run([card("visa", 100000, 500000)], [liability("visa", minimum=3500, last=0, overdue=True)])
        assert values["is_overdue"] is True

    def test_interest_charges_in_the_window(self) -> None:
        rows = [
            txn("i1", date(2026, 6, 15), 4212, account_id="visa", **INTEREST),
            txn("i0", date(2026, 5, 15), 3900, account_id="visa", **INTEREST),  # before the 30-day window
        ]
        values = run([card("visa", 100000, 500000)], [], *rows)
        assert values["interest_charges"] == 4212
