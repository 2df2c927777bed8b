"""Credit cards: terms per card, then the payments that depend on what was charged.

Pay-in-full cards pay what was charged up to two days before each payment; revolving cards
pay roughly that much (never close to the minimum) and carry a balance that charges interest;
minimum-payment cards pay a fixed minimum monthly (a labelled stream, see `recurring`).
Irregular payment dates alternate short and long gaps, so card payments of varying amounts are
never a recurring stream.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from spendsense.synthetic import calendar as cal
from spendsense.synthetic import population as p
from spendsense.synthetic.accounts import CARD, CARD2, CHECKING, AccountPlan
from spendsense.synthetic.catalog import Catalog
from spendsense.synthetic.events import Events

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
REVOLVING = (p.CARD_REVOLVE, p.CARD_REVOLVE_LOW, p.CARD_MIN, p.CARD_OVERDUE)
TARGET_UTILIZATION = {
    p.CARD_REVOLVE: (0.55, 0.9),
    p.CARD_OVERDUE: (0.55, 0.9),
    p.CARD_MIN: (0.55, 0.85),
    p.CARD_REVOLVE_LOW: (0.1, 0.22),
}
SMALLEST_FULL_PAYMENT = 5_000  # below $50 the pay-in-full user waits for the next cycle
DAY_KEY = 1 << 20  # composite (card, day) keys for searchsorted


@dataclass(frozen=True)
class CardTerms:
    account: IntArray  # card account rows
    user: IntArray
    mode: IntArray  # CARD_* (a second card is always paid in full)
    issuer: IntArray
    base_limit: IntArray
    target: IntArray  # balance a revolving card carries now (cents); 0 when paid in full
    apr: FloatArray  # purchase APR, percent
    statement_day: IntArray
    minimum: IntArray  # monthly minimum payment of a revolving card: interest + 1% (at least $35)

    def revolving(self) -> npt.NDArray[np.bool_]:
        return np.isin(self.mode, REVOLVING)


def card_terms(rng: np.random.Generator, pop: p.Population, plan: AccountPlan, history: cal.History) -> CardTerms:
    account = np.flatnonzero((plan.kind == CARD) | (plan.kind == CARD2)).astype(np.int64)
    user = plan.user[account]
    mode = np.where(plan.kind[account] == CARD, pop.card[user], p.CARD_FULL)
    n = account.shape[0]
    base_limit = np.maximum(50_000, np.rint(pop.income[user] * rng.uniform(0.8, 2.5, n) / 10_000) * 10_000)
    lo, hi = np.full(n, 0.0), np.full(n, 0.0)
    for m, (a, b) in TARGET_UTILIZATION.items():
        lo, hi = np.where(mode == m, a, lo), np.where(mode == m, b, hi)
    target = np.rint(base_limit * rng.uniform(lo, hi)).astype(np.int64)
    apr = np.round(rng.uniform(17.99, 29.99, n), 2)
    minimum = np.maximum(3_500, np.rint(target * (apr / 1200 + 0.01) / 100) * 100).astype(np.int64)
    return CardTerms(
        account=account,
        user=user,
        mode=mode.astype(np.int64),
        issuer=plan.issuer[account],
        base_limit=base_limit.astype(np.int64),
        target=target,
        apr=apr,
        statement_day=history.recent_days_of_month(rng, n),
        minimum=np.where(np.isin(mode, REVOLVING), minimum, 0),
    )


def _charged_until(charges: Events, card: IntArray, terms: CardTerms, cutoff: IntArray) -> IntArray:
    """Per row: the sum of everything charged on `card` (an index into `terms`) up to and including `cutoff`."""
    rank_of_account = np.full(int(charges.account.max(initial=0)) + 1, -1, dtype=np.int64)
    on_card = terms.account < rank_of_account.shape[0]
    rank_of_account[terms.account[on_card]] = np.flatnonzero(on_card)
    rank = rank_of_account[charges.account]
    keys = rank[rank >= 0] * DAY_KEY + charges.day[rank >= 0] + 1
    order = np.argsort(keys, kind="stable")
    keys, cumulative = keys[order], np.concatenate([[0], np.cumsum(charges.amount[rank >= 0][order])])
    upto = cumulative[np.searchsorted(keys, card * DAY_KEY + cutoff + 1, side="right")]
    return np.asarray(upto - cumulative[np.searchsorted(keys, card * DAY_KEY, side="right")], dtype=np.int64)


def card_payments(
    rng: np.random.Generator,
    terms: CardTerms,
    plan: AccountPlan,
    charges: Events,
    history: cal.History,
    start: IntArray,
    cat: Catalog,
) -> Events:
    """Irregular payments (both legs) for every card that is not on fixed minimum payments."""
    paying = np.flatnonzero(terms.mode != p.CARD_MIN)
    n = paying.shape[0]
    steps = history.days // 19 + 2
    gaps = cal.alternating_gaps(rng, n, steps, short=(19, 23), long=(38, 43))
    lo = start[terms.user[paying]]
    hi = np.where(terms.mode[paying] == p.CARD_OVERDUE, history.days - 40, history.days)
    first = lo + rng.integers(12, 26, n)
    row, day = cal.walk(first, gaps, lo, history.days)
    keep = day < hi[row]
    row, day = row[keep], day[keep]
    cutoff = day - 2
    card = paying[row]
    until = _charged_until(charges, card, terms, cutoff)
    previous = np.where(np.concatenate([[False], row[1:] == row[:-1]]), np.roll(until, 1), 0)
    accrued = until - previous
    amount = _payment_amounts(rng, terms, card, accrued)
    keep = amount > 0
    return _both_legs(terms, plan, cat, card[keep], day[keep], amount[keep])


def _payment_amounts(rng: np.random.Generator, terms: CardTerms, card: IntArray, accrued: IntArray) -> IntArray:
    full = np.where(accrued >= SMALLEST_FULL_PAYMENT, accrued, 0)
    # Revolvers pay about what they charged, and always well above the minimum, so they never look min-payment-only.
    revolving = np.maximum(np.rint(accrued * rng.uniform(0.85, 1.15, card.shape[0])), 2 * terms.minimum[card])
    return np.where(terms.mode[card] == p.CARD_FULL, full, revolving).astype(np.int64)


def _both_legs(
    terms: CardTerms, plan: AccountPlan, cat: Catalog, card: IntArray, day: IntArray, amount: IntArray
) -> Events:
    checking = plan.of(CHECKING)[terms.user[card]]
    out = Events.make(checking, day, amount, cat.groups["card_payment_out"][terms.issuer[card]])
    back = out.mirrored(terms.account[card], cat.groups["card_payment_in"][terms.issuer[card]])
    return Events.concat([out, back])


def late_fees(rng: np.random.Generator, terms: CardTerms, history: cal.History, cat: Catalog) -> Events:
    """One late fee for each overdue card, in the last weeks (it missed its payment)."""
    overdue = np.flatnonzero(terms.mode == p.CARD_OVERDUE)
    day = history.days - rng.integers(5, 21, overdue.shape[0])
    return Events.make(terms.account[overdue], day, rng.integers(29, 41, overdue.shape[0]) * 100, cat.one("late"))


def card_limits(rng: np.random.Generator, terms: CardTerms, current: IntArray, peak: IntArray) -> IntArray:
    """Credit limits: the income-based limit, raised when the balance history needs it.

    Pay-in-full cards also get a limit that keeps today's utilization at 3-25% and the highest
    balance under 90%; revolving cards keep the balance they were designed with and stay under
    their limit at every point of the history.
    """
    full = terms.mode == p.CARD_FULL
    wanted = rng.uniform(0.03, 0.25, terms.account.shape[0])
    limit = np.where(
        full,
        np.maximum.reduce([terms.base_limit, np.ceil(peak / 0.9), np.ceil(np.maximum(current, 0) / wanted)]),
        np.maximum(terms.base_limit, np.ceil(peak / 0.98)),
    )
    return (np.ceil(limit / 10_000) * 10_000).astype(np.int64)
