"""Eligibility rules as data: each partner offer carries one of these in the catalog."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# Products a user can hold, as read from account types and subtypes (see recommend.profile).
Product = Literal[
    "checking",
    "savings",
    "money_market",
    "cash_management",
    "hsa",
    "cd",
    "credit_card",
    "mortgage",
    "student_loan",
    "auto_loan",
    "personal_loan",
    "brokerage",
    "retirement",
]


class EligibilityRules(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    min_monthly_income_cents: int | None = Field(default=None, ge=0)
    max_utilization: float | None = Field(default=None, ge=0, le=1)
    requires_products: tuple[Product, ...] = ()
    excludes_products: tuple[Product, ...] = ()
    not_overdue: bool = False
