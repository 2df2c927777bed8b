"""Profiles from the engine's output: one per consenting user and window, ready for `select`.

Eligibility reads the 180-day monthly income for both windows: a month of deposits can
miss a paycheck or hold two, and an income floor must not flip with the calendar.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import polars as pl

from spendsense.guardrails.types import ReviewContext
from spendsense.recommend import lookups
from spendsense.recommend.facts import Count, Day, Facts, Money, Months, Percent, Text, join_names
from spendsense.recommend.profile import Profile
from spendsense.signals.window import Window

Row = Mapping[str, Any]
INCOME_WINDOW = "180d"


@dataclass(frozen=True)
class EngineOutput:
    """What the signal and persona stages produced, plus the frames they read."""

    signals: pl.DataFrame
    cards: pl.DataFrame
    recurring_streams: pl.DataFrame
    assignments: pl.DataFrame
    criteria: pl.DataFrame
    accounts: pl.DataFrame
    transactions: pl.DataFrame


def _money(row: Row, name: str) -> Money | None:
    value = row.get(name)
    return Money(int(value)) if value is not None else None


def _text(row: Row, name: str) -> Text | None:
    value = row.get(name)
    return Text(str(value)) if value else None


def _number(value: Any, kind: type[Percent] | type[Months]) -> Percent | Months | None:
    return kind(float(value)) if value is not None else None


def _signal_facts(signals: Row, window: Window) -> Facts:
    gap = signals.get("median_pay_gap_days")
    return Facts.of(
        window=Count(window.days, "day"),
        lookback=Count(window.lookback_days, "day"),
        interest_charges=_money(signals, "interest_charges"),
        subscription_count=Count(int(signals.get("recurring_merchant_count") or 0), "recurring charge"),
        monthly_recurring_spend=_money(signals, "monthly_recurring_spend"),
        subscription_share=_number(signals.get("subscription_share"), Percent),
        savings_inflow_monthly=_money(signals, "savings_net_inflow_monthly"),
        savings_growth=_number(signals.get("savings_growth_rate"), Percent),
        savings_total=_money(signals, "savings_balance"),
        emergency_fund=_number(signals.get("emergency_fund_months"), Months),
        median_pay_gap=Count(round(gap), "day") if gap is not None else None,
        cash_flow_buffer=_number(signals.get("cash_flow_buffer_months"), Months),
        checking_balance=_money(signals, "checking_balance"),
        monthly_income=_money(signals, "monthly_income"),
        fee_count=Count(int(signals.get("fee_count") or 0), "fee"),
        fee_total=_money(signals, "fee_total"),
        monthly_spend=_money(signals, "monthly_spending"),
    )


def _target_balance(user: Row) -> Money | None:
    """The whole-dollar balance under 30% of the card's limit, when the card is above it."""
    balance, limit = user.get("card_balance"), user.get("card_limit")
    if not balance or not limit or balance <= limit * 0.3:
        return None
    return Money(int(limit * 0.3) // 100 * 100)


def _row_facts(user: Row, window_row: Row, subscriptions: Row) -> Facts:
    names = [str(n) for n in subscriptions.get("subscription_names") or []]
    last_fee, last_income = window_row.get("last_fee_date"), window_row.get("last_income_date")
    texts = ("card_name", "card_mask", "min_card_name", "min_card_mask", "overdue_card_name", "overdue_card_mask")
    amounts = ("card_balance", "card_limit", "min_card_last_payment", "min_card_minimum", "overdue_minimum")
    return Facts.of(
        **{
            name: _text(user, name)
            for name in (*texts, "checking_name", "checking_mask", "savings_name", "savings_mask")
        },
        **{name: _money(user, name) for name in amounts},
        card_utilization=_number(user.get("card_utilization"), Percent),
        card_target_balance=_target_balance(user),
        account_count=Count(int(user.get("account_count") or 0), "account"),
        subscription_merchants=Text(join_names(names)),
        top_subscription=_text(subscriptions, "top_subscription"),
        top_subscription_amount=_money(subscriptions, "top_subscription_amount"),
        last_fee=_text(window_row, "last_fee"),
        last_fee_amount=_money(window_row, "last_fee_amount"),
        last_fee_date=Day(last_fee) if isinstance(last_fee, date) else None,
        smallest_deposit=_money(window_row, "smallest_deposit"),
        largest_deposit=_money(window_row, "largest_deposit"),
        last_income_amount=_money(window_row, "last_income_amount"),
        last_income_date=Day(last_income) if isinstance(last_income, date) else None,
        top_category=_text(window_row, "top_category"),
        top_category_spend=_money(window_row, "top_category_spend"),
    )


def _by(frame: pl.DataFrame, *keys: str) -> dict[tuple[Any, ...], dict[str, Any]]:
    return {tuple(row[k] for k in keys): row for row in frame.to_dicts()}


def _decisions(criteria: pl.DataFrame) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """(user, window, persona) -> the criteria of that persona, for the recommendation's trace."""
    found: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    columns = ("signal", "op", "threshold", "value", "result")
    for row in criteria.sort("user_id", "window", "persona_id", "criterion").iter_rows(named=True):
        key = (row["user_id"], row["window"], row["persona_id"])
        found.setdefault(key, []).append({name: row[name] for name in columns})
    return found


def _primary_criteria(output: EngineOutput) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    primary = output.assignments.select("user_id", "window", pl.col("primary_persona").alias("persona_id"))
    return _decisions(output.criteria.join(primary, on=["user_id", "window", "persona_id"], how="semi"))


def _user_lookup(output: EngineOutput) -> dict[tuple[Any, ...], dict[str, Any]]:
    users = lookups.card_facts(output.cards).join(
        lookups.account_facts(output.accounts), on="user_id", how="full", coalesce=True
    )
    return _by(users, "user_id")


@dataclass(frozen=True)
class Lookups:
    """Everything a profile reads besides its signals row, computed once for all users."""

    users: dict[tuple[Any, ...], dict[str, Any]]
    subscriptions: dict[tuple[Any, ...], dict[str, Any]]
    windows: dict[str, dict[tuple[Any, ...], dict[str, Any]]]
    personas: dict[tuple[Any, ...], dict[str, Any]]
    decisions: dict[tuple[str, str, str], list[dict[str, Any]]]
    income: dict[str, Any]
    consented: frozenset[str]


def prepare_lookups(output: EngineOutput, consented: Collection[str]) -> Lookups:
    """The vectorized half: a few Polars passes over all users at once."""
    as_of: date = output.signals["as_of"].max()  # type: ignore[assignment]
    labels = output.signals["window"].unique().sort().to_list()
    per_window = {
        label: _by(lookups.window_facts(output.transactions, output.accounts, as_of, int(label[:-1])), "user_id")
        for label in labels
    }
    long_window = output.signals.filter(pl.col("window") == INCOME_WINDOW)
    return Lookups(
        users=_user_lookup(output),
        subscriptions=_by(lookups.subscription_facts(output.recurring_streams), "user_id", "window"),
        windows=per_window,
        personas=_by(output.assignments, "user_id", "window"),
        decisions=_primary_criteria(output),
        income={
            row["user_id"]: row["monthly_income"] for row in long_window.select("user_id", "monthly_income").to_dicts()
        },
        consented=frozenset(consented),
    )


def profile_for(row: Row, found: Lookups) -> Profile:
    """One (user, window) row of the signals frame -> its profile: dictionary look-ups only."""
    user_id, label = row["user_id"], row["window"]
    signals = {k: v for k, v in row.items() if k not in ("user_id", "window", "as_of")}
    user = found.users.get((user_id,), {})
    facts = _signal_facts(signals, Window(int(label[:-1]), row["as_of"])).merged(
        _row_facts(user, found.windows[label].get((user_id,), {}), found.subscriptions.get((user_id, label), {}))
    )
    persona = found.personas.get((user_id, label), {})
    primary = persona.get("primary_persona")
    context = ReviewContext(
        user_id=user_id,
        consent_granted=user_id in found.consented,
        monthly_income_cents=found.income.get(user_id, signals.get("monthly_income")),
        max_utilization=signals.get("max_utilization"),
        products=frozenset(user.get("products") or ()),
        is_overdue=bool(signals.get("is_overdue")),
    )
    return Profile(
        user_id=user_id,
        window=label,
        primary_persona=primary,
        personas=tuple(persona.get("personas") or ()),
        signals=signals,
        facts=facts,
        context=context,
        as_of=row["as_of"],
        persona_trace={"criteria": found.decisions.get((user_id, label, primary), [])} if primary else {},
    )


def build_profiles(output: EngineOutput, consented: Collection[str]) -> list[Profile]:
    """One profile per (user, window) row of the signals frame, in user then window order."""
    if output.signals.is_empty():
        return []
    found = prepare_lookups(output, consented)
    return [profile_for(row, found) for row in output.signals.sort("user_id", "window").iter_rows(named=True)]
