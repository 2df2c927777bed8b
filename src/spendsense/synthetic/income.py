"""Income that has no fixed cadence: side-gig payouts and a freelancer's lumpy invoices.

Both are registered as series (labelled as `irregular` income streams) but are built so that
they can never pass the recurring rules: gig payouts alternate short and long gaps with
unstable amounts; freelance invoices arrive 50-75 days apart.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from spendsense.synthetic import calendar as cal
from spendsense.synthetic import population as p
from spendsense.synthetic.accounts import CHECKING
from spendsense.synthetic.events import IRREGULAR, UNSTABLE, Events
from spendsense.synthetic.recurring import Context
from spendsense.synthetic.schedule import occurrence_rank

IntArray = npt.NDArray[np.int64]


def unstable_amounts(rng: np.random.Generator, base: npt.NDArray[np.float64], rank: IntArray) -> IntArray:
    """Amounts that cycle small / medium / large (with a little noise), so they never look like a stream."""
    noise = np.exp(np.clip(rng.normal(0.0, 0.08, base.shape[0]), -0.2, 0.2))
    amounts = np.maximum(100, np.rint(base * UNSTABLE[rank % 3] / UNSTABLE.mean() * noise))
    return np.asarray(amounts, dtype=np.int64)


def side_gigs(ctx: Context) -> Events:
    user = np.flatnonzero(ctx.pop.side_gig)
    n, rng = user.shape[0], ctx.rng
    account = ctx.plan.of(CHECKING)[user]
    merchant = rng.choice(ctx.cat.groups["gig"], n)
    series = ctx.book.add(user, account, merchant, "income", IRREGULAR)
    gaps = cal.alternating_gaps(rng, n, ctx.history.days // 2 + 2, short=(2, 4), long=(19, 24))
    row, day = cal.walk(ctx.pop.start[user] + rng.integers(0, 10, n), gaps, ctx.pop.start[user], ctx.history.days)
    base = rng.uniform(6_000, 25_000, n)[row]
    amount = unstable_amounts(rng, base, occurrence_rank(row) + rng.integers(0, 3, n)[row])
    return Events.make(account[row], day, -amount, merchant[row], series[row])


def freelance(ctx: Context) -> Events:
    """Variable income: invoices paid 50-62 days apart, the last one 42-56 days before the as-of date.

    Each invoice pays for the days since the previous one at 75-90% of the user's income rate,
    so the checking balance runs down between invoices and, with the last invoice six weeks
    back, the cash-flow buffer stays under a month.
    """
    user = np.flatnonzero(ctx.pop.pay == p.PAY_VARIABLE)
    n, rng, days = user.shape[0], ctx.rng, ctx.history.days
    account = ctx.plan.of(CHECKING)[user]
    merchant = rng.choice(ctx.cat.groups["freelance"], n)
    series = ctx.book.add(user, account, merchant, "income", IRREGULAR)
    gaps = rng.integers(50, 63, size=(n, days // 50 + 2))
    last = days - 1 - rng.integers(42, 57, n)
    row, day = cal.walk(last, -gaps, ctx.pop.start[user], days)
    covered = gaps[row, occurrence_rank(row)]
    amount = np.rint(covered * ctx.pop.income[user][row] / 30 * rng.uniform(0.75, 0.9, row.shape[0]))
    return Events.make(account[row], day, -amount.astype(np.int64), merchant[row], series[row])
