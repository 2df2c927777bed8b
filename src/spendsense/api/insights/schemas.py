"""Request bodies of the insight routes; results are the insight models themselves."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from spendsense.insights.results import MAX_BUDGET_CENTS


class BudgetUpdate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"month": "2025-02", "amounts": {"FOOD_AND_DRINK": 40000, "ENTERTAINMENT": 8000}},
            ]
        },
    )

    month: str = Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])$", description="YYYY-MM")
    amounts: dict[str, int] = Field(
        max_length=64,
        description=f"Cents per primary category (1 to {MAX_BUDGET_CENTS}); categories left out lose their budget.",
    )
    iso_currency_code: str = Field(default="USD", pattern=r"^[A-Z]{3}$")
