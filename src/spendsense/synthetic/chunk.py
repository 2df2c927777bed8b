"""One chunk of users, start to finish: population -> accounts -> events -> ledger -> balances -> frames + labels.

Each chunk has its own random stream, seeded from (seed, chunk number), so chunks are
independent and the whole run is deterministic for a fixed chunk size.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import polars as pl

from spendsense.synthetic import banking, business, cards, fees, income, spending, taxes
from spendsense.synthetic import population as p
from spendsense.synthetic.accounts import AccountPlan, plan_accounts
from spendsense.synthetic.balances import BalanceRules
from spendsense.synthetic.calendar import History
from spendsense.synthetic.catalog import catalog
from spendsense.synthetic.events import Events, SeriesBook
from spendsense.synthetic.frames import account_frame, balance_rules, consent_frame, settle_balances, user_frame
from spendsense.synthetic.labels import fee_events, label_lines, series_stats
from spendsense.synthetic.ledger import Ledger, build_ledger
from spendsense.synthetic.liabilities import LiabilityContext, liabilities
from spendsense.synthetic.recurring import Context
from spendsense.synthetic.schedule import concat, expand, monthly_outflow
from spendsense.synthetic.truth import Inputs, personas

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Chunk:
    tables: dict[str, pl.DataFrame]  # spendsense.tables name -> frame
    label_lines: list[str]
    users_csv: pl.DataFrame
    mismatches: int  # users whose labelled primary persona is not the one they were designed for


def chunk_rng(seed: int, number: int) -> np.random.Generator:
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence([seed, number])))


def _budget(rng: np.random.Generator, pop: p.Population, fixed: FloatArray) -> FloatArray:
    """Discretionary spending per month: what is left after fixed outflows, mostly spent."""
    n = len(pop)
    spent = rng.uniform(0.85, 0.97, n)
    spent = np.where(np.isin(pop.card, (p.CARD_REVOLVE, p.CARD_OVERDUE, p.CARD_MIN)), rng.uniform(0.95, 1.05, n), spent)
    spent = np.where(pop.archetype == p.VI, rng.uniform(0.98, 1.08, n), spent)
    return np.asarray(np.maximum(0.25 * pop.income, (pop.income - fixed) * spent), dtype=np.float64)


def _events(ctx: Context, savings_opening: npt.NDArray[np.int64], rules: BalanceRules) -> Events:
    """Every event of the chunk; card payments last (they pay what was charged), then estimated taxes.

    The parts are concatenated once, at the end: the steps that read earlier events take only
    the rows they need from each part.
    """
    terms, days = ctx.terms, ctx.history.days
    personal = concat(banking.all_specs(ctx))
    specs = concat([personal, business.business_specs(ctx)])
    purchases = spending.discretionary(ctx, _budget(ctx.rng, ctx.pop, monthly_outflow(personal, len(ctx.pop))))
    parts = [
        expand(specs, ctx.history, ctx.rng),
        income.side_gigs(ctx),
        income.freelance(ctx),
        purchases,
        spending.refunds(ctx, purchases),
        spending.cash_withdrawals(ctx),
        banking.savings_moves(ctx, savings_opening),
        fees.overdrafts(ctx),
        fees.single_fees(ctx),
        cards.late_fees(ctx.rng, terms, ctx.history, ctx.cat),
        business.business_events(ctx),
    ]
    is_card = np.zeros(len(ctx.plan), dtype=bool)
    is_card[terms.account] = True
    charges = Events.concat_where(parts, lambda e: is_card[e.account] & (e.day < days))
    parts.append(cards.card_payments(ctx.rng, terms, ctx.plan, charges, ctx.history, ctx.pop.start, ctx.cat))
    parts.append(taxes.estimated_taxes(ctx, parts, rules))
    return Events.concat(parts)


def _savings_opening(rng: np.random.Generator, pop: p.Population, plan: AccountPlan) -> npt.NDArray[np.int64]:
    months = np.where(pop.saving == p.SAVE_BUILD, rng.uniform(0.5, 5.0, len(pop)), rng.uniform(0.3, 4.0, len(pop)))
    months = np.where(pop.thin & (pop.saving == p.SAVE_BUILD), rng.uniform(0.0, 0.5, len(pop)), months)
    return np.rint(pop.income[plan.user] * months[plan.user] / 100).astype(np.int64) * 100


def build_chunk(seed: int, number: int, first_user: int, n_users: int, history: History) -> Chunk:
    rng, cat = chunk_rng(seed, number), catalog()
    pop = p.draw_population(rng, seed, first_user, n_users, history)
    plan = plan_accounts(rng, pop)
    terms = cards.card_terms(rng, pop, plan, history)
    book = SeriesBook()
    ctx = Context(rng, pop, plan, terms, history, book, cat)
    savings_opening = _savings_opening(rng, pop, plan)
    rules = balance_rules(rng, ctx, savings_opening)
    events = _events(ctx, savings_opening, rules)
    user_ids = pl.Series("user_id", pop.user_ids, dtype=pl.String)
    ledger = build_ledger(rng, events, plan, user_ids, history, cat)
    settle_balances(rng, ctx, ledger, rules)
    frames = {
        "users": user_frame(pop),
        "consent": consent_frame(pop),
        "accounts": account_frame(plan, user_ids),
        "transactions": ledger.transactions,
        "liabilities": liabilities(LiabilityContext(rng, terms, plan, ledger.posted, history, cat, user_ids)),
    }
    return _with_labels(frames, ctx, ledger)


def _with_labels(frames: dict[str, pl.DataFrame], ctx: Context, ledger: Ledger) -> Chunk:
    """Labels from the finished frames: streams from the series book, personas from the data."""
    pop, history, plan = ctx.pop, ctx.history, ctx.plan
    stats = series_stats(ledger, ctx.book.table(), plan, history, ctx.cat)
    user_ids = frames["users"]["user_id"]
    truth = personas(Inputs(ledger.posted, plan, user_ids, history, ctx.cat, frames["liabilities"], stats))
    people = truth.with_columns(edge_cases=p.edge_cases(pop), consent=pl.Series(pop.consent))
    intended = pl.Series(np.array(p.PERSONAS)[pop.archetype])
    mismatches = int((people["primary_persona"].fill_null("") != intended).sum())
    lines = label_lines(people, stats, fee_events(ledger, plan, ctx.cat))
    users_csv = frames["users"].with_columns(consent=pl.Series(pop.consent))
    return Chunk(tables=frames, label_lines=lines, users_csv=users_csv, mismatches=mismatches)
