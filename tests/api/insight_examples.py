"""Rewrite src/spendsense/api/insights/examples.json from real insight output: `python -m tests.api.insight_examples`.

Run it when an insight model changes (test_openapi's example check then fails): the
examples are computed for the card holder of `factories`, lists cut to three items.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from spendsense.insights.repository import save_budgets
from spendsense.insights.service import InsightKind, compute_insight
from spendsense.kit.db import make_engine, migrate, session_scope
from tests.api.factories import add_card_holder, add_customer

TARGET = Path(__file__).resolve().parents[2] / "src" / "spendsense" / "api" / "insights" / "examples.json"
USER = "cust_1001"
BUDGETS = {"ENTERTAINMENT": 2_000, "FOOD_AND_DRINK": 40_000}


def _cut(value: Any) -> Any:
    if isinstance(value, list):
        return [_cut(item) for item in value[:3]]
    if isinstance(value, dict):
        return {key: _cut(item) for key, item in value.items()}
    return value


def build() -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{folder}/examples.db")
        migrate(engine)
        add_customer(engine, USER)
        add_card_holder(engine, USER)
        with session_scope(engine) as session:
            saved = save_budgets(session, USER, "2025-03", BUDGETS)
            examples = {
                kind.value: _cut(compute_insight(session, USER, kind).model_dump(mode="json")) for kind in InsightKind
            }
        engine.dispose()
    examples["budgets"] = [budget.model_dump(mode="json") for budget in saved]
    return examples


if __name__ == "__main__":
    TARGET.write_text(json.dumps(build(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {TARGET}")
