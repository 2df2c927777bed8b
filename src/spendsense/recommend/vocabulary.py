"""The names the catalog may use: persona ids (docs/personas.md) and signal names (docs/signals.md).

A signal is *detected* for a user when its value says the behaviour is there; the
predicates below decide that once, for selection (fit) and for the evaluation (relevance).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Literal

PersonaId = Literal["high_utilization", "variable_income", "fee_saver", "subscription_heavy", "savings_builder"]
PERSONAS: tuple[PersonaId, ...] = (
    "high_utilization",
    "variable_income",
    "fee_saver",
    "subscription_heavy",
    "savings_builder",
)

SignalValue = float | int | bool | str | None
Values = Mapping[str, SignalValue]
Predicate = Callable[[Values], bool]


def _num(values: Values, name: str) -> float | None:
    value = values.get(name)
    return float(value) if isinstance(value, int | float) else None


def _at_least(name: str, floor: float) -> Predicate:
    return lambda values: (v := _num(values, name)) is not None and v >= floor


def _above(name: str, floor: float) -> Predicate:
    return lambda values: (v := _num(values, name)) is not None and v > floor


def _below(name: str, ceiling: float) -> Predicate:
    return lambda values: (v := _num(values, name)) is not None and v < ceiling


def _with_subscriptions(name: str, floor: float) -> Predicate:
    # One streaming service is 100% of the subscription share of a light spender: amount and
    # share count only alongside the three recurring merchants the persona asks for.
    many, enough = _at_least("recurring_merchant_count", 3), _at_least(name, floor)
    return lambda values: many(values) and enough(values)


# Thresholds follow docs/signals.md and docs/personas.md; money is in cents, flags read as 0/1.
DETECTED: Mapping[str, Predicate] = {
    "max_utilization": _at_least("max_utilization", 0.30),
    "util_ge_30": _at_least("util_ge_30", 1),
    "util_ge_50": _at_least("util_ge_50", 1),
    "util_ge_80": _at_least("util_ge_80", 1),
    "interest_charges": _above("interest_charges", 0),
    "minimum_payment_only": _at_least("minimum_payment_only", 1),
    "is_overdue": _at_least("is_overdue", 1),
    "recurring_merchant_count": _at_least("recurring_merchant_count", 3),
    "monthly_recurring_spend": _with_subscriptions("monthly_recurring_spend", 5_000),
    "subscription_share": _with_subscriptions("subscription_share", 0.10),
    "savings_net_inflow_monthly": _above("savings_net_inflow_monthly", 0),
    "savings_growth_rate": _at_least("savings_growth_rate", 0.02),
    "emergency_fund_months": _below("emergency_fund_months", 3),
    "median_pay_gap_days": _above("median_pay_gap_days", 45),
    "income_variability": _at_least("income_variability", 0.25),
    "cash_flow_buffer_months": _below("cash_flow_buffer_months", 1),
    "fee_count": _at_least("fee_count", 1),
    "fee_total": _above("fee_total", 0),
}

# Names a rationale may cite beyond the detectable signals: plain data about the user.
CONTEXT_NAMES = frozenset({"monthly_income", "monthly_spending", "savings_balance", "accounts"})
SIGNAL_NAMES = frozenset(DETECTED)
CITABLE = SIGNAL_NAMES | CONTEXT_NAMES


def detected_signals(values: Values) -> frozenset[str]:
    """The signals whose values show the behaviour; a missing or None value is not detected."""
    return frozenset(name for name, holds in DETECTED.items() if holds(values))
