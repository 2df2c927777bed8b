"""The evaluation's figures as the API returns them (from the report `spendsense eval` wrote)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class MetricView(BaseModel):
    value: float | None
    target: str
    passed: bool | None = Field(description="None: reported, no pass mark.")
    detail: str = ""


class EvaluationView(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "as_of": "2025-01-31",
                    "users_total": 100,
                    "users_evaluated": 91,
                    "persona_distribution": {"180d": {"high_utilization": 30, "none": 2}},
                    "metrics": {
                        "coverage_180d": {"value": 1.0, "target": ">= 100%", "passed": True, "detail": ""},
                        "explainability": {"value": 1.0, "target": ">= 100%", "passed": True, "detail": ""},
                    },
                    "fairness": [{"attribute": "age_band", "outcome": "persona:high_utilization", "ratio": 0.91}],
                }
            ]
        }
    )

    as_of: str | None = None
    users_total: int = 0
    users_evaluated: int = 0
    persona_distribution: dict[str, dict[str, int]] = Field(default_factory=dict)
    metrics: dict[str, MetricView] = Field(default_factory=dict)
    fairness: list[dict[str, Any]] = Field(default_factory=list, description="Demographic parity per attribute.")
