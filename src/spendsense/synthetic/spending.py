"""Discretionary spending, cash withdrawals and refunds, for all users of a chunk at once.

Counts are Poisson per (user, category), days uniform over the user's history, merchants from
two favourites per category, amounts around the user's budget. Each merchant's amounts cycle
small / medium / large in date order (`income.unstable_amounts`), so a user's weekly grocery
run never passes the recurring rules, however regular its days happen to be.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from spendsense.synthetic import population as p
from spendsense.synthetic.accounts import CARD, CARD2, CHECKING
from spendsense.synthetic.events import Events
from spendsense.synthetic.income import unstable_amounts
from spendsense.synthetic.recurring import Context
from spendsense.synthetic.schedule import occurrence_rank

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
DAYS_PER_MONTH = 30.44
MAX_LAG = 3  # card purchases post 0-2 days after authorization
CASH_LEVELS = np.array([[2_000, 4_000], [10_000, 12_000], [26_000, 30_000]], dtype=np.int64)


def _rank_by_merchant(user: IntArray, merchant: IntArray, day: IntArray) -> IntArray:
    """Each purchase's place in its (user, merchant) history, in date order."""
    group = (user << 12) | merchant  # fewer than 4096 merchants
    order = np.argsort((group << 12) | day, kind="stable")  # histories shorter than 4096 days
    rank = np.empty_like(order)
    rank[order] = occurrence_rank(group[order])
    return rank


def _accounts(ctx: Context, user: IntArray) -> IntArray:
    """Card share: most spending on the card(s) when there is one; very little on a minimum-payment card."""
    pop, rng = ctx.pop, ctx.rng
    share = np.where(pop.card == p.CARD_MIN, 0.05, rng.uniform(0.45, 0.85, len(pop)))
    card, card2, checking = (ctx.plan.of(k)[user] for k in (CARD, CARD2, CHECKING))
    draw = rng.random(user.shape[0])
    on_card = (card >= 0) & (draw < share[user])
    on_second = on_card & (card2 >= 0) & (draw < 0.3 * share[user])
    return np.where(on_second, card2, np.where(on_card, card, checking))


def discretionary(ctx: Context, budget: FloatArray) -> Events:
    """`budget` is each user's discretionary spending per month, in cents."""
    d, rng, pop = ctx.cat.discretionary, ctx.rng, ctx.pop
    n, categories = len(pop), d.rate.shape[0]
    span = ctx.history.days - pop.start
    activity = rng.uniform(0.8, 1.2, n)
    counts = rng.poisson(d.rate[None, :] * (activity * span / DAYS_PER_MONTH)[:, None])
    user = np.repeat(np.repeat(np.arange(n), categories), counts.ravel())
    category = np.repeat(np.tile(np.arange(categories), n), counts.ravel())
    authorized = pop.start[user] + np.floor(rng.random(user.shape[0]) * span[user]).astype(np.int64)
    favourite = rng.integers(0, 60, size=(n, categories))
    pick = favourite[user, category] + rng.integers(0, 2, user.shape[0])
    merchant = d.first[category] + pick % d.count[category]
    per_event = budget[user] * d.share[category] / (d.rate[category] * activity[user])
    lag = rng.integers(0, MAX_LAG, user.shape[0])
    # The cycle follows posting dates: those are the dates a detector orders a merchant's rows by.
    rank = _rank_by_merchant(user, merchant, authorized + lag) + (user + merchant) % 3
    amount = unstable_amounts(rng, per_event, rank)
    return Events.make(_accounts(ctx, user), authorized + lag, amount, merchant, -1, lag)


def cash_withdrawals(ctx: Context) -> Events:
    """ATM cash (a transfer out, not spending) about once a month, in round amounts that cycle
    small / medium / large in date order: rounded to $20 notes, `UNSTABLE` multipliers could land
    on neighbouring notes, so the three levels are set far apart instead."""
    rng, pop = ctx.rng, ctx.pop
    span = ctx.history.days - pop.start
    user = np.repeat(np.arange(len(pop)), rng.poisson(0.8 * span / DAYS_PER_MONTH))
    day = pop.start[user] + np.floor(rng.random(user.shape[0]) * span[user]).astype(np.int64)
    order = np.argsort((user << 12) | day, kind="stable")  # by user, then date: the amount pattern follows dates
    user, day = user[order], day[order]
    level = (occurrence_rank(user) + rng.integers(0, 3, len(pop))[user]) % 3
    amount = CASH_LEVELS[level, rng.integers(0, 2, user.shape[0])]
    return Events.make(ctx.plan.of(CHECKING)[user], day, amount, ctx.cat.one("atm"))


def refunds(ctx: Context, purchases: Events) -> Events:
    """About one refund per user, never more than two (three could look like a recurring series).

    `purchases` come grouped by user, as `discretionary` makes them.
    """
    rng, days = ctx.rng, ctx.history.days
    candidate = np.flatnonzero(rng.random(len(purchases)) < len(ctx.pop) / max(1, len(purchases)))
    user = ctx.plan.user[purchases.account[candidate]]
    source = purchases.take(candidate[occurrence_rank(user) < 2])
    day = source.day + rng.integers(3, 16, len(source))
    keep = day < days
    amount = -np.rint(source.amount * rng.uniform(0.3, 1.0, len(source))).astype(np.int64)
    return Events.make(source.account[keep], day[keep], amount[keep], source.merchant[keep])
