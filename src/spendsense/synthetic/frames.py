"""The `spendsense.tables` frames for users, consent and accounts, and the balances behind them."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import polars as pl

from spendsense import tables
from spendsense.synthetic import population as p
from spendsense.synthetic.accounts import (
    BUSINESS,
    CARD,
    CARD2,
    CHECKING,
    KIND_INFO,
    MORTGAGE,
    SAVINGS,
    STUDENT,
    AccountPlan,
    names,
)
from spendsense.synthetic.balances import BalanceRules, account_flows, is_credit, settle
from spendsense.synthetic.cards import card_limits
from spendsense.synthetic.ledger import Ledger
from spendsense.synthetic.recurring import Context

IntArray = npt.NDArray[np.int64]
NO_FLOOR = -(1 << 50)


def user_frame(pop: p.Population) -> pl.DataFrame:
    columns: dict[str, object] = {"user_id": pop.user_ids, "name": pop.names, "email": pop.emails}
    for key, (values, _) in p.DEMOGRAPHICS.items():
        columns[key] = pl.Series(values).gather(pop.demographics[key])
    return pl.DataFrame(columns, schema=tables.USERS)


def consent_frame(pop: p.Population) -> pl.DataFrame:
    return pl.DataFrame(
        {"user_id": pop.user_ids, "granted": pop.consent, "source": ["generator"] * len(pop)}, schema=tables.CONSENT
    )


def account_frame(plan: AccountPlan, user_ids: pl.Series) -> pl.DataFrame:
    display, official = names(plan)
    kind_type = np.array([info[0] for info in KIND_INFO])[plan.kind]
    business = plan.kind == BUSINESS
    loan = kind_type == "loan"
    return pl.DataFrame(
        {
            "account_id": plan.ids,
            "user_id": user_ids.gather(plan.user),
            "name": display,
            "official_name": official,
            "mask": plan.masks,
            "type": kind_type,
            "subtype": plan.subtype,
            "holder_category": np.where(business, "business", "personal"),
            "is_business": business,
            "iso_currency_code": ["USD"] * len(plan),
            "available_cents": pl.Series(plan.available).set(pl.Series(loan), None),
            "current_cents": plan.current,
            "limit_cents": pl.Series(plan.limit).set(pl.Series(kind_type != "credit"), None),
        },
        schema=tables.ACCOUNTS,
    )


def _checking_terms(rng: np.random.Generator, pop: p.Population) -> tuple[npt.NDArray[np.float64], IntArray]:
    """(balance wanted today in months of income, floor in cents) per user."""
    n = len(pop)
    target = np.where(pop.archetype == p.VI, rng.uniform(0.1, 0.35, n), rng.uniform(0.4, 2.0, n))
    floor = np.where(pop.archetype == p.VI, rng.integers(2_000, 8_000, n), rng.integers(5_000, 30_000, n))
    overdrawn = pop.fee == p.FEE_OVERDRAFT  # these users do go below zero: that is what the fees are for
    target = np.where(overdrawn, rng.uniform(0.05, 0.3, n), target)
    floor = np.where(overdrawn, -rng.integers(2_000, 15_000, n), floor)
    return target, floor


def balance_rules(rng: np.random.Generator, ctx: Context, savings_opening: IntArray) -> BalanceRules:
    """Checking and business accounts and revolving cards aim at a balance today; savings start
    from `savings_opening`; pay-in-full cards start at zero."""
    plan, pop, terms = ctx.plan, ctx.pop, ctx.terms
    kind, user, n = plan.kind, plan.user, len(plan)
    months, floor = _checking_terms(rng, pop)
    target, lowest = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64)
    checking, biz = kind == CHECKING, kind == BUSINESS
    target[checking] = np.rint(pop.income[user[checking]] * months[user[checking]])
    lowest[checking] = floor[user[checking]]
    target[biz] = rng.integers(300_000, 1_500_000, int(biz.sum()))
    lowest[biz] = 20_000
    revolving = terms.account[terms.revolving()]
    target[revolving] = terms.target[terms.revolving()]
    # A card paid in full starts owing nothing; a refund after a payment leaves a credit balance.
    lowest[terms.account[~terms.revolving()]] = NO_FLOOR
    uses_target = checking | biz
    uses_target[revolving] = True
    opening = np.where(kind == SAVINGS, savings_opening, 0)
    return BalanceRules(target=target, opening=opening, uses_target=uses_target, floor=lowest)


def settle_balances(rng: np.random.Generator, ctx: Context, ledger: Ledger, rules: BalanceRules) -> None:
    """Fill `plan.current`, `.available` and `.limit` so they agree with the ledger."""
    plan, terms, kind = ctx.plan, ctx.terms, ctx.plan.kind
    flows = account_flows(is_credit(plan), ledger.posted, ledger.pending_only)
    opening, current = settle(flows, rules)
    student, mortgage = kind == STUDENT, kind == MORTGAGE
    current[student] = rng.integers(800_000, 6_000_000, int(student.sum()))
    current[mortgage] = rng.integers(12_000_000, 45_000_000, int(mortgage.sum()))
    limit = np.zeros(len(plan), dtype=np.int64)
    limit[terms.account] = card_limits(rng, terms, current[terms.account], (opening + flows.high)[terms.account])
    credit = (kind == CARD) | (kind == CARD2)
    plan.current[:] = current
    plan.limit[:] = limit
    plan.available[:] = np.where(credit, limit - current - flows.pending, current - flows.pending)
