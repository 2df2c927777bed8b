"""The bank's own flows: savings transfers (both legs), minimum card payments (both legs), card
interest, maintenance fees, and the one-off moves between a user's accounts.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from spendsense.synthetic import population as p
from spendsense.synthetic import recurring
from spendsense.synthetic.accounts import CHECKING, SAVINGS
from spendsense.synthetic.catalog import BIWEEKLY, MONTHLY
from spendsense.synthetic.events import Events
from spendsense.synthetic.recurring import Context
from spendsense.synthetic.schedule import Spec, spec

IntArray = npt.NDArray[np.int64]
SMALLEST_MONTHLY_SAVING = 30_000  # $300 a month keeps net savings inflow above $200/month in any 180-day window


def savings_transfers(ctx: Context) -> Spec:
    """Builders move a fixed amount to savings monthly or biweekly: two streams (out of checking, into savings)."""
    user = np.flatnonzero((ctx.pop.saving == p.SAVE_BUILD) & ~ctx.pop.thin)
    n, rng, groups = user.shape[0], ctx.rng, ctx.cat.groups
    monthly = np.maximum(SMALLEST_MONTHLY_SAVING, ctx.pop.income[user] * rng.uniform(0.08, 0.2, n))
    cadence = np.where(rng.random(n) < 0.6, MONTHLY, BIWEEKLY)
    amount = np.rint(np.where(cadence == MONTHLY, monthly, monthly / 2) / 1000) * 1000
    checking, savings = ctx.plan.of(CHECKING)[user], ctx.plan.of(SAVINGS)[user]
    out_ids = ctx.book.add(user, checking, groups["to_savings"][0], "transfer", cadence)
    in_ids = ctx.book.add(user, savings, groups["from_checking"][0], "transfer", cadence)
    anchor = np.where(cadence == MONTHLY, ctx.day_of_month(n), rng.integers(0, 14, n))
    return spec(
        user,
        series=out_ids,
        account=checking,
        merchant=groups["to_savings"][0],
        cadence=cadence,
        anchor=anchor,
        lo=ctx.pop.start[user],
        amount=amount,
        mirror_series=in_ids,
        mirror_account=savings,
        mirror_merchant=groups["from_checking"][0],
    )


def minimum_payments(ctx: Context) -> Spec:
    """A minimum-payment-only card: the same minimum every month, a stream on both accounts."""
    terms = ctx.terms
    card = np.flatnonzero(terms.mode == p.CARD_MIN)
    user, issuer = terms.user[card], terms.issuer[card]
    checking = ctx.plan.of(CHECKING)[user]
    out_merchant = ctx.cat.groups["card_payment_out"][issuer]
    in_merchant = ctx.cat.groups["card_payment_in"][issuer]
    return spec(
        user,
        series=ctx.book.add(user, checking, out_merchant, "card_payment", MONTHLY),
        account=checking,
        merchant=out_merchant,
        cadence=MONTHLY,
        anchor=ctx.day_of_month(card.shape[0]),
        lo=ctx.pop.start[user],
        amount=terms.minimum[card],
        mirror_series=ctx.book.add(user, terms.account[card], in_merchant, "card_payment", MONTHLY),
        mirror_account=terms.account[card],
        mirror_merchant=in_merchant,
    )


def interest(ctx: Context) -> Spec:
    """Revolving cards charge interest on the statement day: a steady monthly stream on the card."""
    terms = ctx.terms
    card = np.flatnonzero(terms.revolving())
    user, merchant = terms.user[card], ctx.cat.one("interest")
    return spec(
        user,
        series=ctx.book.add(user, terms.account[card], merchant, "interest", MONTHLY),
        account=terms.account[card],
        merchant=merchant,
        cadence=MONTHLY,
        anchor=terms.statement_day[card],
        lo=ctx.pop.start[user],
        amount=np.maximum(100, np.rint(terms.target[card] * terms.apr[card] / 1200)),
        jitter=0.03,
    )


def maintenance_fees(ctx: Context) -> Spec:
    """A checking account below its minimum balance pays the same maintenance fee every month."""
    user = np.flatnonzero(ctx.pop.fee == p.FEE_SERVICE)
    account, merchant = ctx.plan.of(CHECKING)[user], ctx.cat.one("service_fee")
    return spec(
        user,
        series=ctx.book.add(user, account, merchant, "fee", MONTHLY),
        account=account,
        merchant=merchant,
        cadence=MONTHLY,
        anchor=ctx.day_of_month(user.shape[0]),
        lo=ctx.pop.start[user],
        amount=ctx.rng.choice([1_200, 1_500], user.shape[0]),
    )


def savings_moves(ctx: Context, opening: IntArray) -> Events:
    """One-off moves: a thin-file saver's first deposit, and occasional withdrawals from savings."""
    pop, rng, groups, days = ctx.pop, ctx.rng, ctx.cat.groups, ctx.history.days
    first = np.flatnonzero((pop.saving == p.SAVE_BUILD) & pop.thin)
    first_day = pop.start[first] + rng.integers(1, 6, first.shape[0])
    first_amount = rng.integers(150, 301, first.shape[0]) * 1_000
    takers = np.flatnonzero(pop.saving == p.SAVE_WITHDRAW)
    taker = np.repeat(takers, rng.integers(1, 3, takers.shape[0]))  # at most two: never a stream
    lo = pop.start[taker] + 3
    take_day = lo + np.floor(rng.random(taker.shape[0]) * np.maximum(1, days - 3 - lo)).astype(np.int64)
    take_amount = np.rint(opening[ctx.plan.of(SAVINGS)[taker]] * rng.uniform(0.1, 0.25, taker.shape[0]) / 1000) * 1000
    out = Events.concat(
        [
            Events.make(ctx.plan.of(CHECKING)[first], first_day, first_amount, groups["to_savings"][0]),
            Events.make(ctx.plan.of(SAVINGS)[taker], take_day, take_amount.astype(np.int64), groups["to_checking"][0]),
        ]
    )
    back_account = np.concatenate([ctx.plan.of(SAVINGS)[first], ctx.plan.of(CHECKING)[taker]])
    back_merchant = np.concatenate(
        [np.full(first.shape[0], groups["from_checking"][0]), np.full(taker.shape[0], groups["from_savings"][0])]
    )
    return Events.concat([out, out.mirrored(back_account, back_merchant)])


def all_specs(ctx: Context) -> list[Spec]:
    return [
        recurring.payroll(ctx),
        *recurring.housing_and_loans(ctx),
        recurring.services(ctx),
        recurring.utilities(ctx),
        savings_transfers(ctx),
        minimum_payments(ctx),
        interest(ctx),
        maintenance_fees(ctx),
    ]
