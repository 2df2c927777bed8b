"""The operator's views: the review queue, decisions, traces and the audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from spendsense.api.recommendations.schemas import EXAMPLE, RecommendationView, TracedRecommendation
from spendsense.api.users.schemas import Window


class QueueItem(RecommendationView):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{**EXAMPLE, "status": "pending", "user_id": "cust_1001"}]}
    )

    user_id: str


class Decision(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"reason": "matches the persona"}]})

    reason: str = Field(default="", max_length=1000, description="Why; required for reject and flag.")


class OverrideDecision(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"reason": "a card-payoff guide fits better", "replacement_item_id": "edu_debt_avalanche"}]
        },
    )

    reason: str = Field(min_length=1, max_length=1000)
    replacement_item_id: str = Field(min_length=1, max_length=64, description="The catalog item to show instead.")


class DecisionResult(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"recommendation_id": "7hQ2mX9aLk3PzR8sTv4WbN6c", "action": "approve", "status": "approved"}]
        }
    )

    recommendation_id: str
    action: str
    status: str
    replacement: RecommendationView | None = Field(default=None, description="For an override: the new item.")


class WindowTrace(BaseModel):
    as_of: str | None
    primary_persona: str | None
    personas: list[str]
    trace: list[dict[str, Any]] = Field(description="Per persona: the rule, and each criterion's value and threshold.")


class TraceView(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "user_id": "cust_1001",
                    "windows": {
                        "30d": {
                            "as_of": "2025-01-31",
                            "primary_persona": "high_utilization",
                            "personas": ["high_utilization"],
                            "trace": [{"persona": "high_utilization", "matched": True}],
                        }
                    },
                    "recommendations": [{**EXAMPLE, "trace": {"persona": "high_utilization"}}],
                }
            ]
        }
    )

    user_id: str
    windows: dict[Window, WindowTrace]
    recommendations: list[TracedRecommendation] = Field(description="Every stored item, whatever its status.")


class AuditEntry(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 1,
                    "at": "2025-01-31T12:00:00Z",
                    "actor": "operator:ops",
                    "action": "reject",
                    "recommendation_id": "7hQ2mX9aLk3PzR8sTv4WbN6c",
                    "user_id": "cust_1001",
                    "reason": "offer does not fit",
                    "before_status": "pending",
                    "after_status": "rejected",
                    "details": {},
                }
            ]
        }
    )

    id: int
    at: datetime
    actor: str
    action: str
    recommendation_id: str
    user_id: str
    reason: str
    before_status: str | None
    after_status: str | None
    details: dict[str, Any]
