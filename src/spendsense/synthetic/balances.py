"""Balances that agree with the transactions: current = opening + posted flows, for every account.

The opening balance is chosen per account (a target for today, or a starting amount) and then
raised if the running balance would ever fall below the account's floor, so histories stay
plausible: checking rarely overdrawn (only for users who pay overdraft fees), a card never
owes less than nothing, savings never negative.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from spendsense.synthetic.accounts import KIND_INFO, AccountPlan
from spendsense.synthetic.events import Events

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class Flows:
    """Per account, with the account's own sign (depository: money in is +; credit: amount owed is +)."""

    total: IntArray  # all posted flows
    low: IntArray  # lowest running sum of flows (0 before the first)
    high: IntArray  # highest running sum of flows
    pending: IntArray  # money out still pending (Plaid sign)


def is_credit(plan: AccountPlan) -> BoolArray:
    kind_type = np.array([info[0] for info in KIND_INFO])
    return np.asarray(kind_type[plan.kind] == "credit")


def account_flows(credit: BoolArray, posted: Events, pending: Events) -> Flows:
    """Flows of every account (`credit[i]`: account i is a card, whose balance is what is owed)."""
    n = credit.shape[0]
    sign = np.where(credit, 1, -1)
    # One int64 key (account, day, money in before money out on the same day): a single argsort.
    order = np.argsort((posted.account << 22) | (posted.day << 1) | (posted.amount > 0))
    account = posted.account[order]
    flow = sign[account] * posted.amount[order]
    running = np.cumsum(flow)
    starts = np.flatnonzero(np.concatenate([[True], account[1:] != account[:-1]])) if account.size else account
    before = np.concatenate([[0], running])[starts]  # running sum before each account's first flow
    total, low, high = np.zeros(n, np.int64), np.zeros(n, np.int64), np.zeros(n, np.int64)
    if account.size:
        local = running - np.repeat(before, np.diff(np.concatenate([starts, [account.size]])))
        owner = account[starts]
        total[owner] = local[np.concatenate([starts[1:], [account.size]]) - 1]
        low[owner] = np.minimum(0, np.minimum.reduceat(local, starts))
        high[owner] = np.maximum(0, np.maximum.reduceat(local, starts))
    pending_out = np.bincount(pending.account, weights=pending.amount, minlength=n).astype(np.int64)
    return Flows(total=total, low=low, high=high, pending=pending_out)


@dataclass(frozen=True)
class BalanceRules:
    """Per account: either a balance wanted today (`target`) or an opening balance, and a floor."""

    target: IntArray
    opening: IntArray
    uses_target: BoolArray
    floor: IntArray


def settle(flows: Flows, rules: BalanceRules) -> tuple[IntArray, IntArray]:
    """(opening, current): the wanted balance unless the running balance would dip below the floor."""
    desired = np.where(rules.uses_target, rules.target - flows.total, rules.opening)
    opening = np.maximum(desired, rules.floor - flows.low)
    return opening, opening + flows.total
