"""The personas each user really matches: docs/personas.md evaluated on the generated data.

Every user is designed for an intended primary persona; this module checks the design against
the written definitions (docs/signals.md, 180-day window ending at the as-of date), so that
labels.json states what the data shows, overlaps included. Recurring streams come from the
generator's own series (what a correct detector finds). Everything else is summed per user
with numpy over the posted events, using `spendsense.rules` evaluated once per merchant
(`catalog.MerchantRules`): the same definitions the signal engine applies per transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import polars as pl

from spendsense import rules
from spendsense.synthetic.accounts import BUSINESS, KIND_INFO, AccountPlan
from spendsense.synthetic.calendar import LOOKBACK_DAYS, History
from spendsense.synthetic.catalog import Catalog
from spendsense.synthetic.events import Events
from spendsense.synthetic.population import PERSONAS

FloatArray = npt.NDArray[np.float64]
MONTHS = LOOKBACK_DAYS / 30


@dataclass(frozen=True)
class Inputs:
    posted: Events
    plan: AccountPlan
    user_ids: pl.Series
    history: History
    cat: Catalog
    liabilities: pl.DataFrame
    streams: pl.DataFrame  # labels.series_stats


def _per_user(inputs: Inputs, weights: FloatArray, mask: npt.NDArray[np.bool_]) -> FloatArray:
    owner = inputs.plan.user[inputs.posted.account[mask]]
    return np.bincount(owner, weights=weights[mask], minlength=inputs.user_ids.len()).astype(np.float64)


def _window_sums(inputs: Inputs) -> dict[str, FloatArray]:
    ev, plan, rule = inputs.posted, inputs.plan, inputs.cat.rules
    personal = plan.kind[ev.account] != BUSINESS  # depository and credit: loans carry no events
    mask = personal & (ev.day >= inputs.history.days - LOOKBACK_DAYS)
    amount = ev.amount.astype(np.float64)
    fee = rule.fee[ev.merchant] & (ev.amount > 0)
    savings_like = np.isin(np.array(plan.subtype), rules.SAVINGS_SUBTYPES)[ev.account]
    return {
        "spend": _per_user(inputs, amount, mask & rule.spending[ev.merchant]),
        "fee_count": _per_user(inputs, np.ones_like(amount), mask & fee),
        "fee_total": _per_user(inputs, amount, mask & fee),
        "interest": _per_user(inputs, amount, mask & rule.interest[ev.merchant]),
        "savings_inflow": -_per_user(inputs, amount, mask & savings_like),
    }


def _balances(plan: AccountPlan, n_users: int) -> dict[str, FloatArray]:
    kind_type = np.array([info[0] for info in KIND_INFO])[plan.kind]
    personal = plan.kind != BUSINESS
    savings = personal & (kind_type == "depository") & np.isin(np.array(plan.subtype), rules.SAVINGS_SUBTYPES)
    checking = personal & (kind_type == "depository") & ~savings
    card = personal & (kind_type == "credit") & (plan.limit > 0)
    utilization = np.full(n_users, np.nan)
    np.fmax.at(utilization, plan.user[card], plan.current[card] / np.maximum(plan.limit[card], 1))
    return {
        "checking": np.bincount(plan.user[checking], weights=plan.current[checking], minlength=n_users),
        "savings": np.bincount(plan.user[savings], weights=plan.current[savings], minlength=n_users),
        "max_utilization": utilization,
    }


def _pay_gaps(inputs: Inputs) -> FloatArray:
    """Per user: the median gap between income deposit dates in the lookback plus the last deposit
    before it (NaN with fewer than two)."""
    ev, start = inputs.posted, inputs.history.days - LOOKBACK_DAYS
    income = inputs.cat.rules.income[ev.merchant] & (ev.amount < 0) & (inputs.plan.kind[ev.account] != BUSINESS)
    deposits = pl.DataFrame({"user": inputs.plan.user[ev.account[income]], "day": ev.day[income]}).unique()
    before = deposits.filter(pl.col("day") < start).group_by("user").agg(pl.col("day").max())
    days = pl.concat([before, deposits.filter(pl.col("day") >= start)]).sort("user", "day")
    gaps = days.with_columns(gap=pl.col("day").diff().over("user")).drop_nulls("gap")
    median = gaps.group_by("user").agg(pl.col("gap").median())
    out = np.full(inputs.user_ids.len(), np.nan)
    out[median["user"].to_numpy()] = median["gap"].to_numpy()
    return out


def _cards(liabilities: pl.DataFrame) -> pl.DataFrame:
    last, minimum = pl.col("last_payment_cents"), pl.col("minimum_payment_cents")
    return (
        liabilities.filter(pl.col("kind") == "credit")
        .group_by("user_id")
        .agg(
            minimum_only=((minimum > 0) & (last <= minimum + 100)).any(),
            overdue=pl.col("is_overdue").fill_null(False).any(),
        )
    )


def _subscriptions(streams: pl.DataFrame) -> pl.DataFrame:
    """Subscription streams: outflow, weekly or monthly, not rent, loans, card payments or transfers
    (every generated stream is active: it runs up to the as-of date)."""
    subs = streams.filter(
        (pl.col("count") >= 3)
        & (pl.col("direction") == "outflow")
        & pl.col("frequency").is_in(["weekly", "monthly"])
        & rules.is_subscription_category()
    )
    per_month = pl.when(pl.col("frequency") == "weekly").then(52 / 12).otherwise(1.0)
    return subs.group_by("user_id").agg(
        subscription_count=pl.len(),
        monthly_recurring=(pl.col("mean_cents") * per_month).sum(),
        subscription_total=pl.col("total_cents").sum(),
    )


def signals(inputs: Inputs) -> pl.DataFrame:
    """The 180-day signals the persona criteria read, one row per user."""
    n = inputs.user_ids.len()
    values = pl.DataFrame(
        {
            "user_id": inputs.user_ids,
            **_window_sums(inputs),
            **_balances(inputs.plan, n),
            "median_gap": _pay_gaps(inputs),
        }
    )
    return (
        values.with_columns(pl.col("max_utilization", "median_gap").fill_nan(None))
        .join(_cards(inputs.liabilities), on="user_id", how="left")
        .join(_subscriptions(inputs.streams), on="user_id", how="left")
        .with_columns(pl.col("subscription_count").fill_null(0))
    )


def _criteria() -> dict[str, pl.Expr]:
    c = pl.col
    buffer = pl.when(c("spend") > 0).then(c("checking") / (c("spend") / MONTHS))
    start_balance = c("savings") - c("savings_inflow")
    growth = pl.when(start_balance > 0).then(c("savings_inflow") / start_balance)
    share = pl.when(c("spend") > 0).then(c("subscription_total") / c("spend")).otherwise(0.0)
    return {
        "high_utilization": (c("max_utilization") >= 0.5) | (c("interest") > 0) | c("minimum_only") | c("overdue"),
        "variable_income": (c("median_gap") > 45) & (buffer < 1),
        "fee_saver": (c("fee_count") >= 2) | (c("fee_total") >= 5_000),
        "subscription_heavy": (c("subscription_count") >= 3) & ((c("monthly_recurring") >= 5_000) | (share >= 0.10)),
        "savings_builder": ((growth >= 0.02) | (c("savings_inflow") / MONTHS >= 20_000))
        & (c("max_utilization").fill_null(0.0) < 0.3),
    }


def personas(inputs: Inputs) -> pl.DataFrame:
    """user_id, personas (priority order) and primary_persona (None when nothing matches)."""
    flags = _criteria()
    listed = pl.concat_list([pl.when(flags[name].fill_null(False)).then(pl.lit(name)) for name in PERSONAS])
    return (
        signals(inputs)
        .select("user_id", personas=listed.list.drop_nulls())
        .with_columns(primary_persona=pl.col("personas").list.first())
    )
