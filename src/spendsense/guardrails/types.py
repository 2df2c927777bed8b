"""What a guardrail reviews (a candidate in its user's context) and what it answers (checks, a verdict)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from spendsense.guardrails.offer_rules import EligibilityRules

ItemKind = Literal["education", "offer"]


@dataclass(frozen=True)
class Candidate:
    """One item proposed to one user for one window, with every string the customer would read."""

    user_id: str
    window: str  # 30d | 180d
    kind: ItemKind
    item_id: str
    title: str
    summary: str
    body: tuple[str, ...]
    rationale: str
    disclosure: str
    category: str
    cited_signals: tuple[str, ...] = ()
    eligibility: EligibilityRules | None = None
    apr_max_pct: float | None = None
    partner: str | None = None

    def texts(self) -> tuple[str, ...]:
        """Every customer-facing string: the tone guardrail reads all of them."""
        return (self.title, self.summary, *self.body, self.rationale)


@dataclass(frozen=True)
class ReviewContext:
    """What the guardrails need to know about the user, and nothing more."""

    user_id: str
    consent_granted: bool
    monthly_income_cents: int | None = None
    max_utilization: float | None = None
    products: frozenset[str] = frozenset()
    is_overdue: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "consent_granted": self.consent_granted,
            "monthly_income_cents": self.monthly_income_cents,
            "max_utilization": self.max_utilization,
            "products": sorted(self.products),
            "is_overdue": self.is_overdue,
        }


@dataclass(frozen=True)
class Check:
    """One guardrail's answer: passed or not, and if not, why (with the values that decided it)."""

    guardrail: str
    passed: bool
    reason: str | None = None
    details: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "guardrail": self.guardrail,
            "passed": self.passed,
            "reason": self.reason,
            "details": dict(self.details),
        }


@dataclass(frozen=True)
class Verdict:
    """Every check that ran, in order. An item may be shown only when every check passed."""

    checks: tuple[Check, ...]

    @cached_property
    def passed(self) -> bool:
        return all(check.passed for check in self.checks)

    @property
    def blocked_by(self) -> tuple[str, ...]:
        return tuple(check.guardrail for check in self.checks if not check.passed)

    @property
    def reasons(self) -> tuple[str, ...]:
        return tuple(f"{check.guardrail}: {check.reason}" for check in self.checks if not check.passed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "blocked_by": list(self.blocked_by),
            "checks": [c.to_dict() for c in self.checks],
        }
