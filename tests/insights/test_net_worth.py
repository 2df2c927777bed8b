from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from spendsense.insights.net_worth import NetWorth, compute_net_worth
from tests.insights.builders import BUSINESS, CARD, CHECKING, SAVINGS, account, txn, user_data

AS_OF = date(2026, 7, 15)
CHK, CRD, SAV = CHECKING["account_id"], CARD["account_id"], SAVINGS["account_id"]
LOAN = account("loan-0005", "loan", "student", 1_500_000)
FUND = account("inv-0006", "investment", "401k", 2_000_000)
ACCOUNTS = [CHECKING, SAVINGS, CARD, LOAN, FUND, BUSINESS]
# Now: assets 250000 (checking) + 1000000 (savings) + 2000000 (401k) = 3250000;
# liabilities 40000 (card, owed) + 1500000 (student loan) = 1540000; net worth 1710000.


def _moves() -> list[dict[str, Any]]:
    card_payment = ("LOAN_PAYMENTS", "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT")
    return [
        txn("coffee", CHK, date(2026, 7, 15), 500, "FOOD_AND_DRINK"),
        txn("shoes", CRD, date(2026, 7, 10), 10000),
        txn("pay-out", CHK, date(2026, 7, 5), 20000, *card_payment),
        txn("pay-in", CRD, date(2026, 7, 5), -20000, *card_payment),
        txn("save-out", CHK, date(2026, 7, 3), 50000, "TRANSFER_OUT"),
        txn("save-in", SAV, date(2026, 7, 3), -50000, "TRANSFER_IN"),
        txn("paycheck", CHK, date(2026, 7, 1), -300000, "INCOME", "INCOME_WAGES"),
        txn("pending", CHK, date(2026, 7, 14), 7777, pending=True),
        txn("business", BUSINESS["account_id"], date(2026, 7, 14), 8888),
    ]


def _worth(as_of: date = AS_OF) -> NetWorth:
    return compute_net_worth(user_data(ACCOUNTS, _moves()), as_of)


def _point(worth: NetWorth, day: date) -> tuple[int, int, int]:
    point = next(p for p in worth.history if p.date == day)
    return (point.assets_cents, point.liabilities_cents, point.net_worth_cents)


class TestComputeNetWorth:
    def test_assets_minus_liabilities_with_plaid_signs(self) -> None:
        worth = _worth()
        assert (worth.assets_cents, worth.liabilities_cents, worth.net_worth_cents) == (3250000, 1540000, 1710000)

    def test_accounts_with_their_side(self) -> None:
        sides = {a.account_id: (a.side, a.balance_cents) for a in _worth().accounts}
        assert sides == {
            CHK: ("asset", 250000),
            SAV: ("asset", 1000000),
            FUND["account_id"]: ("asset", 2000000),
            CRD: ("liability", 40000),
            LOAN["account_id"]: ("liability", 1500000),
        }

    def test_history_is_rebuilt_backwards(self) -> None:
        worth = _worth()
        assert _point(worth, date(2026, 7, 15)) == (3250000, 1540000, 1710000)
        # before the coffee (500 out of checking): checking held 500 more
        assert _point(worth, date(2026, 7, 14)) == (3250500, 1540000, 1710500)
        # before the shoes (10000 on the card): the card owed 10000 less
        assert _point(worth, date(2026, 7, 9)) == (3250500, 1530000, 1720500)
        # before the paycheck (300000 into checking): 300000 less in assets
        assert _point(worth, date(2026, 6, 30)) == (2970500, 1550000, 1420500)
        assert worth.change_cents == 1710000 - 1420500  # 300000 - 500 - 10000

    def test_card_payment_and_transfer_do_not_move_net_worth(self) -> None:
        worth = _worth()
        # before the card payment (Jul 5) both checking and the debt were 20000 higher; the transfer only
        # moved money between checking and savings (Jul 3)
        assert _point(worth, date(2026, 7, 4)) == (3270500, 1550000, 1720500)
        assert _point(worth, date(2026, 7, 2)) == (3270500, 1550000, 1720500)

    def test_daily_points_over_180_days(self) -> None:
        history = _worth().history
        assert len(history) == 180
        assert (history[0].date, history[-1].date) == (AS_OF - timedelta(days=179), AS_OF)

    def test_an_earlier_as_of_rolls_back_later_transactions(self) -> None:
        worth = _worth(date(2026, 7, 9))
        assert (worth.assets_cents, worth.liabilities_cents, worth.net_worth_cents) == (3250500, 1530000, 1720500)
        balances = {a.account_id: a.balance_cents for a in worth.accounts}
        assert (balances[CHK], balances[CRD]) == (250500, 30000)

    def test_without_current_the_available_balance_counts(self) -> None:
        accounts = [account("a1", current=None, available=12300)]
        worth = compute_net_worth(user_data(accounts, []), AS_OF)
        assert ([a.balance_cents for a in worth.accounts], worth.net_worth_cents) == ([12300], 12300)

    def test_an_account_without_any_balance_is_listed_but_not_counted(self) -> None:
        accounts = [account("a1", current=5000), account("a2", current=None, available=None)]
        rows = [txn("t1", "a2", AS_OF, 700), txn("t2", "a1", AS_OF, 200)]
        worth = compute_net_worth(user_data(accounts, rows), AS_OF)
        assert [(a.account_id, a.balance_cents) for a in worth.accounts] == [("a1", 5000), ("a2", None)]
        # only a1 counts: 5000 now, 5000 + 200 the day before
        assert (worth.net_worth_cents, worth.history[-2].net_worth_cents) == (5000, 5200)

    def test_without_accounts(self) -> None:
        worth = compute_net_worth(user_data([], []), AS_OF)
        assert (worth.net_worth_cents, worth.change_cents, worth.accounts, len(worth.history)) == (0, 0, [], 180)
