"""Every fixed-cadence series a user has, as specs: payroll, housing, loans, services, savings
transfers, minimum card payments, interest and maintenance fees. Each labelled series gets an id
from the `SeriesBook`; both legs of an own-account move are separate series (and streams).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from spendsense.synthetic import calendar as cal
from spendsense.synthetic import merchants
from spendsense.synthetic import population as p
from spendsense.synthetic.accounts import CARD, CHECKING, AccountPlan
from spendsense.synthetic.cards import CardTerms
from spendsense.synthetic.catalog import BIWEEKLY, MONTHLY, SEMI_MONTHLY, WEEKLY, Catalog
from spendsense.synthetic.events import KINDS, SeriesBook
from spendsense.synthetic.schedule import Spec, spec

IntArray = npt.NDArray[np.int64]
PAYS_PER_YEAR = {WEEKLY: 52, BIWEEKLY: 26, SEMI_MONTHLY: 24, MONTHLY: 12}
BILL_CATEGORIES = (
    "RENT_AND_UTILITIES_TELEPHONE",
    "RENT_AND_UTILITIES_INTERNET_AND_CABLE",
    "GENERAL_SERVICES_INSURANCE",
)


@dataclass(frozen=True)
class Context:
    rng: np.random.Generator
    pop: p.Population
    plan: AccountPlan
    terms: CardTerms
    history: cal.History
    book: SeriesBook
    cat: Catalog

    def day_of_month(self, n: int) -> IntArray:
        return self.history.recent_days_of_month(self.rng, n)


def payroll(ctx: Context) -> Spec:
    user = np.flatnonzero(ctx.pop.pay != p.PAY_VARIABLE)
    n, cadence = user.shape[0], ctx.pop.pay[user]
    account = ctx.plan.of(CHECKING)[user]
    merchant = ctx.rng.choice(ctx.cat.groups["payroll"], n)
    per_year = np.array([PAYS_PER_YEAR[c] for c in range(4)])[cadence]
    phase = ctx.history.friday + 7 * ctx.rng.integers(0, 2, n) * (cadence == BIWEEKLY)
    anchor = np.where(cadence == MONTHLY, ctx.day_of_month(n), phase)
    hourly = (cadence <= BIWEEKLY) & (ctx.rng.random(n) < 0.5)  # hourly pay moves a little each period
    return spec(
        user,
        series=ctx.book.add(user, account, merchant, "payroll", cadence),
        account=account,
        merchant=merchant,
        cadence=cadence,
        anchor=anchor,
        lo=ctx.pop.start[user],
        amount=np.rint(ctx.pop.income[user] * 12 / per_year),
        sign=-1,
        jitter=np.where(hourly, 0.04, 0.0),
    )


def _monthly_out(ctx: Context, user: IntArray, group: str, kind: str, amount: npt.NDArray[np.float64]) -> Spec:
    account = ctx.plan.of(CHECKING)[user]
    merchant = ctx.rng.choice(ctx.cat.groups[group], user.shape[0])
    return spec(
        user,
        series=ctx.book.add(user, account, merchant, kind, MONTHLY),
        account=account,
        merchant=merchant,
        cadence=MONTHLY,
        anchor=ctx.day_of_month(user.shape[0]),
        lo=ctx.pop.start[user],
        amount=np.rint(amount),
    )


def housing_and_loans(ctx: Context) -> list[Spec]:
    pop, rng = ctx.pop, ctx.rng
    renters, owners = np.flatnonzero(~pop.mortgage), np.flatnonzero(pop.mortgage)
    students, drivers = np.flatnonzero(pop.student), np.flatnonzero(pop.car)
    rent = np.rint(pop.income[renters] * rng.uniform(0.25, 0.33, renters.shape[0]) / 500) * 500
    car = np.minimum(rng.uniform(25_000, 50_000, drivers.shape[0]), pop.income[drivers] * 0.12)
    return [
        _monthly_out(ctx, renters, "rent", "rent", rent),
        _monthly_out(ctx, owners, "mortgage", "loan", pop.income[owners] * rng.uniform(0.22, 0.3, owners.shape[0])),
        _monthly_out(ctx, students, "student", "loan", rng.uniform(15_000, 45_000, students.shape[0])),
        _monthly_out(ctx, drivers, "car", "loan", car),
    ]


def _chosen_services(ctx: Context) -> tuple[IntArray, IntArray]:
    """(user, service) pairs: 1-2 services each, 3-6 for heavy subscribers (Netflix and one big one)."""
    services, n = ctx.cat.services, len(ctx.pop)
    big = np.flatnonzero((services.low >= merchants.BIG_SERVICE_CENTS) | (services.cadence == WEEKLY))
    keys = ctx.rng.random((n, services.index.shape[0]))
    heavy = ctx.pop.heavy_subs
    keys[heavy, 0] = -2.0  # Netflix, whose price rises mid-history
    keys[np.flatnonzero(heavy), ctx.rng.choice(big, int(heavy.sum()))] = -1.0
    rank = np.argsort(np.argsort(keys, axis=1), axis=1)
    count = np.where(heavy, ctx.rng.integers(3, 7, n), ctx.rng.integers(1, 3, n))
    user, service = np.nonzero(rank < count[:, None])
    return user.astype(np.int64), service.astype(np.int64)


def services(ctx: Context) -> Spec:
    user, service = _chosen_services(ctx)
    rng, svc, n = ctx.rng, ctx.cat.services, user.shape[0]
    price = svc.low[service] + rng.random(n) * (svc.high - svc.low)[service]
    price = np.where(svc.high[service] > svc.low[service], np.floor(price / 100) * 100 + 99, price)
    card = ctx.plan.of(CARD)[user]
    on_card = (card >= 0) & (ctx.pop.card[user] != p.CARD_MIN) & (rng.random(n) < 0.6)
    account = np.where(on_card, card, ctx.plan.of(CHECKING)[user])
    merchant = svc.index[service]
    detailed = ctx.cat.frame["pfc_detailed"].to_numpy()[merchant]
    kind = np.where(np.isin(detailed, BILL_CATEGORIES), KINDS.index("bill"), KINDS.index("subscription"))
    netflix = merchant == svc.netflix
    return spec(
        user,
        series=ctx.book.add(user, account, merchant, kind, svc.cadence[service]),
        account=account,
        merchant=merchant,
        cadence=svc.cadence[service],
        anchor=np.where(svc.cadence[service] == WEEKLY, rng.integers(0, 7, n), ctx.day_of_month(n)),
        lo=ctx.pop.start[user],
        amount=price,
        rise_day=np.where(netflix, ctx.history.days // 2, -1),
        rise_amount=merchants.NETFLIX_RISE_CENTS,
    )


def utilities(ctx: Context) -> Spec:
    """Electricity: monthly, but its amount swings with the season, so it is never a stream (nor labelled)."""
    user = np.arange(len(ctx.pop), dtype=np.int64)
    return spec(
        user,
        account=ctx.plan.of(CHECKING)[user],
        merchant=ctx.rng.choice(ctx.cat.groups["utility"], user.shape[0]),
        cadence=MONTHLY,
        anchor=ctx.day_of_month(user.shape[0]),
        lo=ctx.pop.start[user],
        amount=ctx.rng.uniform(7_000, 15_000, user.shape[0]),
        jitter=0.05,
        swing=True,
    )
