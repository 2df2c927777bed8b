"""Eligibility: an offer is served only to a user it fits, and never for a product the user already has.

Rules are data on each offer (`offer_rules.EligibilityRules`); each rule is a small function that
returns the failing rule with the values that decided it, or None.
"""

from __future__ import annotations

from collections.abc import Callable

from spendsense.guardrails.offer_rules import EligibilityRules
from spendsense.guardrails.types import Candidate, Check, ReviewContext
from spendsense.kit.money import format_usd

Failure = tuple[str, str, dict[str, object]]
Rule = Callable[[EligibilityRules, ReviewContext], Failure | None]


def _min_income(rules: EligibilityRules, context: ReviewContext) -> Failure | None:
    floor = rules.min_monthly_income_cents
    if floor is None:
        return None
    income = context.monthly_income_cents
    if income is None or income < floor:
        # Unknown income fails: an offer with an income floor must not be a guess.
        shown = "unknown" if income is None else format_usd(income)
        return (
            "min_monthly_income",
            f"monthly income {shown} is below {format_usd(floor)}",
            {"actual": income, "minimum": floor},
        )
    return None


def _max_utilization(rules: EligibilityRules, context: ReviewContext) -> Failure | None:
    ceiling = rules.max_utilization
    actual = context.max_utilization or 0.0  # no card, or no limit reported: nothing used
    if ceiling is not None and actual > ceiling:
        return (
            "max_utilization",
            f"utilization {actual:.0%} is above {ceiling:.0%}",
            {"actual": actual, "maximum": ceiling},
        )
    return None


def _requires(rules: EligibilityRules, context: ReviewContext) -> Failure | None:
    missing = sorted(set(rules.requires_products) - context.products)
    if missing:
        return "requires_products", f"needs {', '.join(missing)}", {"missing": missing}
    return None


def _excludes(rules: EligibilityRules, context: ReviewContext) -> Failure | None:
    held = sorted(set(rules.excludes_products) & context.products)
    if held:
        return "excludes_products", f"already has {', '.join(held)}", {"already_has": held}
    return None


def _not_overdue(rules: EligibilityRules, context: ReviewContext) -> Failure | None:
    if rules.not_overdue and context.is_overdue:
        return "not_overdue", "a card payment is overdue", {"is_overdue": True}
    return None


RULES: tuple[Rule, ...] = (_min_income, _max_utilization, _requires, _excludes, _not_overdue)


def check_eligibility(candidate: Candidate, context: ReviewContext) -> Check:
    """Every failing rule is recorded, not only the first, so the operator sees the whole picture."""
    if candidate.kind != "offer" or candidate.eligibility is None:
        return Check("eligibility", True)
    failures = [f for rule in RULES if (f := rule(candidate.eligibility, context)) is not None]
    if not failures:
        return Check("eligibility", True)
    reason = "; ".join(f"{name}: {text}" for name, text, _ in failures)
    return Check("eligibility", False, reason, {"failed_rules": [{"rule": n, **d} for n, _, d in failures]})
