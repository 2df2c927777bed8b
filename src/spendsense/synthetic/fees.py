"""Bank fees on checking: overdraft clusters for the users who pay them, a single small fee for some others.

Overdrafts come in pairs a day or two apart, the pairs 36-55 days apart: no gap ever falls in a
cadence's tolerance, so fees of the same amount never form a stream. The last pair lands in the
final weeks, so the 30-day window sees two fees too.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from spendsense.synthetic import calendar as cal
from spendsense.synthetic import population as p
from spendsense.synthetic.accounts import CHECKING
from spendsense.synthetic.events import Events
from spendsense.synthetic.recurring import Context

IntArray = npt.NDArray[np.int64]
OVERDRAFT_CENTS = 3_500
NSF_CENTS = 3_400


def overdrafts(ctx: Context) -> Events:
    user = np.flatnonzero(ctx.pop.fee == p.FEE_OVERDRAFT)
    n, rng, days = user.shape[0], ctx.rng, ctx.history.days
    lo = np.maximum(ctx.pop.start[user], ctx.history.lookback_start + 1)
    gaps = -rng.integers(36, 56, size=(n, days // 36 + 1))
    row, first = cal.walk(days - 3 - rng.integers(3, 20, n), gaps, lo, days - 2)
    second = first + rng.integers(1, 3, row.shape[0])
    last_pair = np.concatenate([[True], row[1:] != row[:-1]])  # walk goes backwards: the first row is the latest
    nsf = last_pair & (rng.random(row.shape[0]) < 0.5)
    merchant = np.where(nsf, ctx.cat.one("nsf"), ctx.cat.one("overdraft"))
    account = ctx.plan.of(CHECKING)[user][row]
    return Events.concat(
        [
            Events.make(account, first, OVERDRAFT_CENTS, ctx.cat.one("overdraft")),
            Events.make(account, second, np.where(nsf, NSF_CENTS, OVERDRAFT_CENTS), merchant),
        ]
    )


def single_fees(ctx: Context) -> Events:
    """One out-of-network ATM fee. Alone it gives a fee behaviour without making a Fee Saver; beside a
    monthly maintenance fee it lands in the last 25 days, so the 30-day window sees two fees too."""
    user = np.flatnonzero((ctx.pop.fee == p.FEE_ONE) | (ctx.pop.fee == p.FEE_SERVICE))
    recent = ctx.pop.fee[user] == p.FEE_SERVICE
    lo = np.maximum(ctx.pop.start[user], np.where(recent, ctx.history.days - 25, ctx.history.lookback_start + 1))
    day = lo + np.floor(ctx.rng.random(user.shape[0]) * (ctx.history.days - lo)).astype(np.int64)
    amount = ctx.rng.choice([300, 350], user.shape[0])
    return Events.make(ctx.plan.of(CHECKING)[user], day, amount, ctx.cat.one("atm_fee"))
