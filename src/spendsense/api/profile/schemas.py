"""A customer's profile: accounts, and per window the signals and personas the engine found."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict

from spendsense.api.users.schemas import Window

EXAMPLE_WINDOW: JsonDict = {
    "as_of": "2025-01-31",
    "signals": {"max_utilization": 0.68, "monthly_recurring_spend": 5497, "behaviour_count": 4},
    "primary_persona": "high_utilization",
    "personas": ["high_utilization", "subscription_heavy"],
}


class AccountSummary(BaseModel):
    account_id: str
    name: str
    mask: str | None
    type: str
    subtype: str | None
    is_business: bool = Field(description="Business accounts are left out of the personal analysis.")
    current_cents: int | None
    limit_cents: int | None


class WindowProfile(BaseModel):
    as_of: date | None = Field(description="The day the window ends (None: not computed yet).")
    signals: dict[str, Any] = Field(description="Every signal by name; money in cents, ratios 0-1.")
    primary_persona: str | None
    personas: list[str] = Field(description="Every persona that matched, in priority order.")


class ProfileView(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "user_id": "cust_1001",
                    "accounts": [
                        {
                            "account_id": "acc_visa",
                            "name": "Visa Signature",
                            "mask": "4523",
                            "type": "credit",
                            "subtype": "credit card",
                            "is_business": False,
                            "current_cents": 340000,
                            "limit_cents": 500000,
                        }
                    ],
                    "windows": {"30d": EXAMPLE_WINDOW, "180d": EXAMPLE_WINDOW},
                }
            ]
        }
    )

    user_id: str
    accounts: list[AccountSummary]
    windows: dict[Window, WindowProfile]


class WindowSignals(BaseModel):
    """The operator's view of one window: the signals with what they were computed from."""

    as_of: date | None
    signals: dict[str, Any]
    evidence: list[dict[str, Any]] = Field(description="Which accounts and transactions each signal rests on.")
    cards: list[dict[str, Any]] = Field(description="Per card: balance, limit, utilization, payments, overdue.")
    recurring_streams: list[dict[str, Any]]
    income_streams: list[dict[str, Any]]


class SignalsView(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "user_id": "cust_1001",
                    "windows": {
                        "30d": {
                            "as_of": "2025-01-31",
                            "signals": {"max_utilization": 0.68},
                            "evidence": [{"signals": ["max_utilization"], "account_ids": ["acc_visa"]}],
                            "cards": [{"account_id": "acc_visa", "utilization": 0.68}],
                            "recurring_streams": [],
                            "income_streams": [],
                        }
                    },
                }
            ]
        }
    )

    user_id: str
    windows: dict[Window, WindowSignals]
