"""Liabilities (credit cards, student loans, mortgages) that agree with the ledger and balances.

Field mapping from Plaid's `/liabilities/get` (the Plaid writer emits the inverse):
credit: `aprs` -> aprs_json (Plaid's list, dollars), `minimum_payment_amount`,
`last_payment_amount`/`_date`, `last_statement_balance`, `is_overdue`, `next_payment_due_date`;
student: the same plus `interest_rate_percentage`; mortgage: `interest_rate.percentage`,
`next_monthly_payment` -> minimum_payment_cents, `last_payment_*`, `next_payment_due_date`
(no statement balance, no overdue flag: Plaid's mortgage object has neither).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import polars as pl

from spendsense import tables
from spendsense.synthetic import population as p
from spendsense.synthetic.accounts import MORTGAGE, STUDENT, AccountPlan
from spendsense.synthetic.calendar import History
from spendsense.synthetic.cards import CardTerms
from spendsense.synthetic.catalog import Catalog
from spendsense.synthetic.events import Events

IntArray = npt.NDArray[np.int64]
DUE_AFTER_STATEMENT = 25


@dataclass(frozen=True)
class Last:
    day: IntArray  # -1 when there is none
    amount: IntArray


def last_of(events: Events, mask: npt.NDArray[np.bool_], key: IntArray, size: int) -> Last:
    """Per key (0..size-1): the latest masked event's day and absolute amount."""
    sel = np.flatnonzero(mask)
    order = sel[np.lexsort((events.day[sel], key[sel]))]
    day, amount = np.full(size, -1, np.int64), np.zeros(size, np.int64)
    day[key[order]] = events.day[order]  # later rows overwrite earlier ones: the last day wins
    amount[key[order]] = np.abs(events.amount[order])
    return Last(day, amount)


def _aprs(apr: float, balance: int, interest: int) -> str:
    rows = [
        {"apr_percentage": apr, "apr_type": "purchase_apr", "balance_subject_to_apr": balance / 100,
         "interest_charge_amount": interest / 100},
        {"apr_percentage": 29.99, "apr_type": "cash_apr", "balance_subject_to_apr": 0.0, "interest_charge_amount": 0.0},
    ]  # fmt: skip
    return json.dumps(rows)


def statement_day(history: History, day_of_month: IntArray) -> IntArray:
    """The latest day with this day of month on or before the as-of date."""
    candidates = history.month_firsts[None, :] + day_of_month[:, None] - 1
    return np.asarray(np.where(candidates < history.days, candidates, -1).max(axis=1), dtype=np.int64)


def _frame(history: History, plan: AccountPlan, account: IntArray, kind: str, **cols: object) -> pl.DataFrame:
    """Rows of tables.LIABILITIES; -1 stands for a missing amount or day."""

    def cents(name: str) -> pl.Series:
        values = np.asarray(cols[name])
        return pl.Series(values).set(pl.Series(values < 0), None)

    def day(name: str) -> pl.Series:
        return (cents(name) + history.epoch_offset).cast(pl.Int32).cast(pl.Date)

    n = account.shape[0]
    overdue = cols["overdue"]
    return pl.DataFrame(
        {
            "account_id": plan.ids.gather(account),
            "user_id": cols["user_ids"],
            "kind": pl.repeat(kind, n, eager=True),
            "aprs_json": cols.get("aprs", ["[]"] * n),
            "interest_rate_pct": cols.get("rate", pl.repeat(None, n, dtype=pl.Float64, eager=True)),
            "minimum_payment_cents": cents("minimum"),
            "last_payment_cents": cents("last_amount"),
            "last_payment_date": day("last_day"),
            "last_statement_balance_cents": cents("statement"),
            "is_overdue": pl.repeat(None, n, dtype=pl.Boolean, eager=True) if overdue is None else overdue,
            "next_payment_due_date": day("due"),
        },
        schema=tables.LIABILITIES,
    )


def _cards(ctx: LiabilityContext) -> pl.DataFrame:
    terms, plan, posted, cat = ctx.terms, ctx.plan, ctx.posted, ctx.cat
    size, card = len(plan), terms.account
    payment = last_of(posted, np.isin(posted.merchant, cat.groups["card_payment_in"]), posted.account, size)
    interest = last_of(posted, posted.merchant == cat.one("interest"), posted.account, size)
    current, stmt_day = plan.current[card], statement_day(ctx.history, terms.statement_day)
    card_of = np.full(size, -1, np.int64)
    card_of[card] = np.arange(card.shape[0])
    which = card_of[posted.account]
    after = (which >= 0) & (posted.day > stmt_day[which])
    since = np.bincount(which[after], weights=posted.amount[after], minlength=card.shape[0]).astype(np.int64)
    full, paid = terms.mode == p.CARD_FULL, payment.day[card] >= 0
    # Pay-in-full: the statement is what was paid; revolving: the balance on the statement day.
    stmt = np.where(full, payment.amount[card], np.maximum(0, current - since))
    stmt_day = np.where(full, payment.day[card] - 2, stmt_day)
    formula = np.minimum(stmt, np.maximum(2_500, stmt // 100 + np.where(full, 0, interest.amount[card])))
    has_statement = paid | ~full
    return _frame(
        ctx.history,
        plan,
        card,
        "credit",
        user_ids=ctx.user_ids.gather(terms.user),
        aprs=[_aprs(a, int(c), int(i)) for a, c, i in zip(terms.apr, current, interest.amount[card], strict=True)],
        minimum=np.where(has_statement, np.where(terms.mode == p.CARD_MIN, terms.minimum, formula), -1),
        last_amount=np.where(paid, payment.amount[card], -1),
        last_day=np.where(paid, payment.day[card], -1),
        statement=np.where(has_statement, stmt, -1),
        due=np.where(has_statement, stmt_day + DUE_AFTER_STATEMENT, -1),
        overdue=pl.Series(terms.mode == p.CARD_OVERDUE),
    )


def _loans(ctx: LiabilityContext, kind: int, group: str) -> pl.DataFrame:
    plan, posted = ctx.plan, ctx.posted
    user = np.flatnonzero(plan.of(kind) >= 0)
    account = plan.of(kind)[user]
    paid_by = np.isin(posted.merchant, ctx.cat.groups[group])
    last = last_of(posted, paid_by, plan.user[posted.account], int(plan.user.max(initial=0)) + 1)
    day, amount = last.day[user], np.where(last.day[user] >= 0, last.amount[user], -1)
    student = kind == STUDENT
    rate = ctx.rng.uniform(3.5, 7.5, user.shape[0]) if student else ctx.rng.uniform(2.75, 7.25, user.shape[0])
    return _frame(
        ctx.history,
        plan,
        account,
        "student" if student else "mortgage",
        user_ids=ctx.user_ids.gather(user),
        rate=np.round(rate, 2),
        minimum=amount,
        last_amount=amount,
        last_day=day,
        statement=plan.current[account] if student else np.full(user.shape[0], -1),
        due=np.where(day >= 0, day + 30, -1),
        overdue=pl.Series(np.zeros(user.shape[0], bool)) if student else None,
    )


@dataclass(frozen=True)
class LiabilityContext:
    rng: np.random.Generator
    terms: CardTerms
    plan: AccountPlan
    posted: Events
    history: History
    cat: Catalog
    user_ids: pl.Series


def liabilities(ctx: LiabilityContext) -> pl.DataFrame:
    """One row per card, student loan and mortgage, in the order of the accounts table."""
    frame = pl.concat([_cards(ctx), _loans(ctx, STUDENT, "student"), _loans(ctx, MORTGAGE, "mortgage")])
    position = pl.DataFrame({"account_id": ctx.plan.ids, "position": np.arange(len(ctx.plan))})
    return frame.join(position, on="account_id").sort("position").drop("position")
