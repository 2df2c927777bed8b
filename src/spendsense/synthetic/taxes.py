"""Freelancers pay estimated tax: the last step that keeps a variable earner's buffer under a month.

A freelancer's checking balance depends on how the last invoice and the weeks since it fell.
Before the ledger is built, this looks at where each variable earner's balance would end and,
if the buffer (checking / average monthly spending over 180 days) would reach 0.7 months, adds
an estimated-tax payment in the final days sized to bring it to about half a month. The tax is
spending, as for the signal engine.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from spendsense.synthetic import population as p
from spendsense.synthetic.accounts import BUSINESS, CHECKING
from spendsense.synthetic.balances import BalanceRules, account_flows, is_credit, settle
from spendsense.synthetic.calendar import LOOKBACK_DAYS
from spendsense.synthetic.events import Events
from spendsense.synthetic.recurring import Context

IntArray = npt.NDArray[np.int64]
RAISE_AT = 0.7
AIM = 0.5


def estimated_taxes(ctx: Context, parts: Sequence[Events], rules: BalanceRules) -> Events:
    """`parts` are all the chunk's events so far; `rules` the balance rules `frames.settle_balances`
    will apply to the finished ledger."""
    plan, days = ctx.plan, ctx.history.days
    variable = ctx.pop.pay == p.PAY_VARIABLE
    user = np.flatnonzero(variable)
    # Only these users' posted events matter here.
    posted = Events.concat_where(parts, lambda e: variable[plan.user[e.account]] & (e.day < days))
    _, current = settle(account_flows(is_credit(plan), posted, posted.take(np.zeros(len(posted), bool))), rules)
    counted = ctx.cat.rules.spending[posted.merchant] & (posted.day >= days - LOOKBACK_DAYS)
    counted &= plan.kind[posted.account] != BUSINESS
    owner = plan.user[posted.account[counted]]
    spend = np.bincount(owner, weights=posted.amount[counted], minlength=len(ctx.pop))[user]
    balance = current[plan.of(CHECKING)[user]]
    monthly = spend / (LOOKBACK_DAYS / 30)
    # Pay X so that (balance - X) / ((spend + X) / 6) = AIM.
    tax = np.ceil((balance - AIM * monthly) / (1 + AIM / 6) / 100) * 100
    due = (monthly > 0) & (balance >= RAISE_AT * monthly) & (tax > 0)
    day = days - ctx.rng.integers(3, 11, user.shape[0])
    return Events.make(plan.of(CHECKING)[user[due]], day[due], tax[due].astype(np.int64), ctx.cat.one("tax"))
