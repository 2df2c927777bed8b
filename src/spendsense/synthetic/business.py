"""A sole proprietor's business checking: deposits, supplies, a software bill and two overdrafts.

None of it may reach personal analysis (accounts with `holder_category = business` are left
out), and it is built so that it would show if it did: its fees alone would make a Fee Saver.
"""

from __future__ import annotations

import numpy as np

from spendsense.synthetic import calendar as cal
from spendsense.synthetic.accounts import BUSINESS
from spendsense.synthetic.catalog import MONTHLY
from spendsense.synthetic.events import Events
from spendsense.synthetic.fees import OVERDRAFT_CENTS
from spendsense.synthetic.recurring import Context
from spendsense.synthetic.schedule import Spec, spec


def business_specs(ctx: Context) -> Spec:
    user = np.flatnonzero(ctx.pop.business)
    return spec(
        user,
        account=ctx.plan.of(BUSINESS)[user],
        merchant=ctx.cat.groups["business_out"][0],
        cadence=MONTHLY,
        anchor=ctx.day_of_month(user.shape[0]),
        amount=1_440,
    )


def business_events(ctx: Context) -> Events:
    user = np.flatnonzero(ctx.pop.business)
    n, rng, days = user.shape[0], ctx.rng, ctx.history.days
    account = ctx.plan.of(BUSINESS)[user]
    gaps = cal.alternating_gaps(rng, n, days // 2 + 2, short=(2, 4), long=(9, 12))
    row, day = cal.walk(rng.integers(0, 5, n), gaps, np.zeros(n, np.int64), days)
    received = np.negative(rng.integers(40_000, 300_000, size=row.shape[0], dtype=np.int64))
    deposits = Events.make(account[row], day, received, ctx.cat.one("business_in"))
    supplies = np.repeat(np.arange(n), rng.poisson(2.0 * days / 30.44, n))
    supply_day = rng.integers(0, days, supplies.shape[0])
    merchant = rng.choice(ctx.cat.groups["business_out"][1:], supplies.shape[0])
    spend = Events.make(account[supplies], supply_day, rng.integers(1_500, 60_000, supplies.shape[0]), merchant)
    fee_day = days - rng.integers(5, 40, n)
    fees = Events.make(
        np.concatenate([account, account]),
        np.concatenate([fee_day, fee_day + 1]),
        OVERDRAFT_CENTS,
        ctx.cat.one("overdraft"),
    )
    return Events.concat([deposits, spend, fees])
