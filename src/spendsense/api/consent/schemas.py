"""Consent as the API shows it: the current state and the full history."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict

from spendsense.consent.service import ConsentStatus

EXAMPLE_EVENT: JsonDict = {
    "at": "2025-01-31T12:00:00Z",
    "action": "grant",
    "source": "api",
    "actor": "customer:cust_1001",
    "note": None,
}


class ConsentGrant(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"user_id": "cust_1001", "note": "opted in on the web"}]}
    )

    user_id: str = Field(min_length=1, max_length=64)
    note: str | None = Field(default=None, max_length=500, description="Why, kept in the history.")


class ConsentHistoryEntry(BaseModel):
    at: datetime
    action: str = Field(description="`grant` or `revoke`.")
    source: str
    actor: str | None
    note: str | None


class ConsentView(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "user_id": "cust_1001",
                    "granted": True,
                    "source": "api",
                    "updated_at": "2025-01-31T12:00:00Z",
                    "history": [EXAMPLE_EVENT],
                }
            ]
        }
    )

    user_id: str
    granted: bool
    source: str | None
    updated_at: datetime | None
    history: list[ConsentHistoryEntry]

    @classmethod
    def of(cls, status: ConsentStatus) -> ConsentView:
        history = [
            ConsentHistoryEntry(at=e.at, action=e.action, source=e.source, actor=e.actor, note=e.note)
            for e in status.history
        ]
        return cls(
            user_id=status.user_id,
            granted=status.granted,
            source=status.source,
            updated_at=status.updated_at,
            history=history,
        )
