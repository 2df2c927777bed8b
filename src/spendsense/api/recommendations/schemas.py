"""Recommendations as a customer sees them, and the feedback they send."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict

DISCLOSURE = "This is educational content, not financial advice. Consult a licensed advisor for personalized guidance."
EXAMPLE: JsonDict = {
    "id": "7hQ2mX9aLk3PzR8sTv4WbN6c",
    "window": "30d",
    "kind": "education",
    "item_id": "edu_credit_utilization",
    "title": "How credit utilization works",
    "status": "approved",
    "rationale": "We noticed your Visa ending in 4523 is at 68% utilization ($3,400 of a $5,000 limit).",
    "disclosure": DISCLOSURE,
    "cited_signals": ["max_utilization"],
    "origin": "pipeline",
    "replaces_id": None,
    "as_of": "2025-01-31",
}


class RecommendationView(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [EXAMPLE]})

    id: str
    window: str
    kind: str = Field(description="`education` or `offer`.")
    item_id: str
    title: str
    status: str
    rationale: str = Field(description="Why this item: cites the customer's own numbers.")
    disclosure: str
    cited_signals: list[str]
    origin: str = Field(description="`pipeline`, or `operator` for an override's replacement.")
    replaces_id: str | None
    as_of: date | None


class TracedRecommendation(RecommendationView):
    model_config = ConfigDict(json_schema_extra={"examples": [{**EXAMPLE, "trace": {"persona": "high_utilization"}}]})

    trace: dict[str, Any] = Field(description="The decision trace: persona, signals cited, guardrail verdicts.")


class RecommendationList(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"user_id": "cust_1001", "items": [EXAMPLE]}]})

    user_id: str
    items: list[RecommendationView]


class FeedbackRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"recommendation_id": "7hQ2mX9aLk3PzR8sTv4WbN6c", "kind": "helpful", "comment": "Clear, thanks"}
            ]
        },
    )

    recommendation_id: str = Field(min_length=1, max_length=32)
    kind: Literal["helpful", "not_helpful", "dismissed"]
    comment: str | None = Field(default=None, max_length=1000)


class FeedbackView(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 1,
                    "recommendation_id": "7hQ2mX9aLk3PzR8sTv4WbN6c",
                    "kind": "helpful",
                    "comment": "Clear, thanks",
                    "at": "2025-01-31T12:00:00Z",
                }
            ]
        }
    )

    id: int
    recommendation_id: str
    kind: str
    comment: str | None
    at: datetime
