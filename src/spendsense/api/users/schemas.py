"""Customers as the API shows them to operators."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from spendsense.auth.passwords import MAX_LENGTH, MIN_LENGTH

USER_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"
Window = Literal["30d", "180d"]


class NewCustomer(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "user_id": "cust_1001",
                    "name": "Alex Example",
                    "email": "alex@example.com",
                    "password": "a long first passphrase",
                    "income_tier": "middle",
                }
            ]
        },
    )

    user_id: str = Field(pattern=USER_ID_PATTERN, description="The bank's customer id; letters, digits, `_.-`.")
    name: str = Field(min_length=1, max_length=200)
    email: str | None = Field(default=None, max_length=200, pattern=r"^[^@\s]+@[^@\s]+$")
    password: str = Field(min_length=MIN_LENGTH, max_length=MAX_LENGTH, description="The customer's first password.")
    age_band: str | None = Field(default=None, max_length=16)
    gender: str | None = Field(default=None, max_length=32)
    income_tier: str | None = Field(default=None, max_length=16)
    region: str | None = Field(default=None, max_length=32)


class UserSummary(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "user_id": "cust_1001",
                    "name": "Alex Example",
                    "email": "alex@example.com",
                    "created_at": "2025-01-31T12:00:00Z",
                    "consent_granted": True,
                    "persona_30d": "high_utilization",
                    "persona_180d": "savings_builder",
                }
            ]
        }
    )

    user_id: str
    name: str
    email: str | None
    created_at: datetime
    consent_granted: bool
    persona_30d: str | None = Field(description="Primary persona over 30 days (None: none matched, or not computed).")
    persona_180d: str | None
