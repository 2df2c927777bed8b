"""The operator's overview, and the evaluation metrics."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Stats(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "users": 100,
                    "users_with_consent": 91,
                    "personas": {"30d": {"high_utilization": 30, "none": 4}, "180d": {"high_utilization": 28}},
                    "recommendations": {"approved": 420, "pending": 55},
                    "review_queue": 55,
                    "feedback": {"helpful": 12},
                    "operator_actions": 130,
                }
            ]
        }
    )

    users: int
    users_with_consent: int
    personas: dict[str, dict[str, int]] = Field(description="Per window: primary persona (or `none`) -> customers.")
    recommendations: dict[str, int] = Field(description="Per status.")
    review_queue: int = Field(description="Items waiting for an operator (pending and flagged).")
    feedback: dict[str, int] = Field(description="Per kind.")
    operator_actions: int = Field(description="Entries in the audit log.")
