"""Small hand-made profiles and candidates whose right answers can be checked by eye."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from spendsense.guardrails.disclosure import DISCLOSURE
from spendsense.guardrails.offer_rules import EligibilityRules
from spendsense.guardrails.types import Candidate, ReviewContext
from spendsense.recommend.facts import Count, Day, Facts, Money, Percent, Text
from spendsense.recommend.profile import Profile

HIGH_UTILIZATION_SIGNALS: dict[str, Any] = {
    "max_utilization": 0.68,
    "util_ge_30": True,
    "util_ge_50": True,
    "util_ge_80": False,
    "interest_charges": 8_734,
    "minimum_payment_only": False,
    "is_overdue": False,
    "monthly_spending": 250_000,
    "monthly_income": 400_000,
}


def rich_facts(**extra: Any) -> Facts:
    base: dict[str, Any] = {
        "window": Count(30, "day"),
        "lookback": Count(90, "day"),
        "card_name": Text("Visa"),
        "card_mask": Text("4523"),
        "card_utilization": Percent(0.68),
        "card_balance": Money(340_000),
        "card_limit": Money(500_000),
        "interest_charges": Money(8_734),
        "monthly_spend": Money(250_000),
        "monthly_income": Money(400_000),
        "checking_name": Text("Everyday Checking"),
        "checking_mask": Text("0001"),
        "checking_balance": Money(120_000),
        "account_count": Count(3, "account"),
        "top_category": Text("food and drink"),
        "top_category_spend": Money(61_250),
        "last_fee_date": Day(date(2026, 3, 4)),
    }
    base.update(extra)
    return Facts.of(**base)


def context(user_id: str = "u1", **overrides: Any) -> ReviewContext:
    values: dict[str, Any] = {
        "consent_granted": True,
        "monthly_income_cents": 400_000,
        "max_utilization": 0.68,
        "products": frozenset({"checking", "credit_card"}),
        "is_overdue": False,
    }
    values.update(overrides)
    return ReviewContext(user_id=user_id, **values)


def profile(user_id: str = "u1", window: str = "30d", **overrides: Any) -> Profile:
    values: dict[str, Any] = {
        "primary_persona": "high_utilization",
        "personas": ("high_utilization",),
        "signals": dict(HIGH_UTILIZATION_SIGNALS),
        "facts": rich_facts(),
        "context": context(user_id),
        "as_of": date(2026, 3, 31),
        "persona_trace": {"matched": ["max_utilization >= 0.5"]},
    }
    values.update(overrides)
    return Profile(user_id=user_id, window=window, **values)


def candidate(**overrides: Any) -> Candidate:
    base = Candidate(
        user_id="u1",
        window="30d",
        kind="offer",
        item_id="offer_test",
        title="A fair card",
        summary="A card with a fixed rate.",
        body=("Rates from 12% APR.",),
        rationale="We noticed your Visa ending in 4523 is at 68% utilization ($3,400 of a $5,000 limit).",
        disclosure=DISCLOSURE,
        category="balance_transfer_card",
        cited_signals=("max_utilization",),
        eligibility=EligibilityRules(),
        apr_max_pct=19.99,
        partner="Northwind Bank",
    )
    return replace(base, **overrides)
