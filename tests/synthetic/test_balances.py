from __future__ import annotations

import numpy as np

from spendsense.synthetic.balances import BalanceRules, account_flows, settle
from spendsense.synthetic.events import Events

CHECKING, CARD = 0, 1


def ledger() -> Events:
    """Checking: +$10 pay, -$8 rent, -$3 groceries, then on day 4 $5 in and $5 out. Card: $0.50 bought, paid."""
    account = np.array([CHECKING, CHECKING, CHECKING, CHECKING, CHECKING, CARD, CARD])
    day = np.array([1, 2, 3, 4, 4, 2, 5])
    amount = np.array([-1000, 800, 300, 500, -500, 50, -50])  # Plaid sign: positive = money out
    return Events.make(account, day, amount, merchant=0)


def no_pending() -> Events:
    return Events.make(np.array([CHECKING]), np.array([0]), 0, merchant=0).take(np.array([], dtype=np.int64))


class TestAccountFlows:
    def test_running_sums_take_money_in_before_money_out_on_a_day(self) -> None:
        flows = account_flows(np.array([False, True]), ledger(), no_pending())
        # checking: +1000, -800, -300 -> -100; day 4 in first: +400, then -100 again. Never -600.
        assert flows.total.tolist() == [-100, 0]
        assert flows.low.tolist() == [-100, 0]
        assert flows.high.tolist() == [1000, 50]

    def test_pending_money_out_is_summed_per_account(self) -> None:
        pending = Events.make(np.array([CARD, CARD]), np.array([6, 6]), np.array([1200, 300]), merchant=0)
        assert account_flows(np.array([False, True]), ledger(), pending).pending.tolist() == [0, 1500]


class TestSettle:
    def rules(self, target: int) -> BalanceRules:
        return BalanceRules(
            target=np.array([target, 0]),
            opening=np.array([0, 0]),
            uses_target=np.array([True, False]),
            floor=np.array([0, 0]),
        )

    def test_the_target_is_met_when_history_stays_above_the_floor(self) -> None:
        flows = account_flows(np.array([False, True]), ledger(), no_pending())
        opening, current = settle(flows, self.rules(200))
        assert (opening.tolist(), current.tolist()) == ([300, 0], [200, 0])

    def test_the_floor_wins_over_a_target_too_low(self) -> None:
        flows = account_flows(np.array([False, True]), ledger(), no_pending())
        opening, current = settle(flows, self.rules(-50))
        # Opening 50 would dip to -50 after groceries: it is raised to 100, and today's balance to 0.
        assert (opening.tolist(), current.tolist()) == ([100, 0], [0, 0])
