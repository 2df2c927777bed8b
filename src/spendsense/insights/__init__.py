"""Insights for one customer: pure functions of their frames and an as-of date, returning typed results.

`service.compute_insight` (session in, checks consent) is what the API, the CLI and the
Lambda functions call; `repository` holds the reads and writes. The functions re-exported
here take an `InsightData` and never touch a database.

The result models come from `results`, which has no Polars; the functions (and `InsightData`)
load their modules, and Polars with them, on first use: the API imports this package on
every cold start and computes an insight only when one is asked for (docs/decisions.md).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from spendsense.insights.results import (
    BudgetTracking,
    InsightResult,
    NetWorth,
    SpendingAnalysis,
    Subscriptions,
    SuggestedBudget,
    WeeklyRecap,
)

if TYPE_CHECKING:
    from spendsense.insights.budgets import suggest_budget, track_budget
    from spendsense.insights.net_worth import compute_net_worth
    from spendsense.insights.spending import analyze_spending
    from spendsense.insights.subscriptions import list_subscriptions
    from spendsense.insights.types import InsightData
    from spendsense.insights.weekly_recap import build_weekly_recap

_LAZY = {
    "InsightData": "types",
    "analyze_spending": "spending",
    "build_weekly_recap": "weekly_recap",
    "compute_net_worth": "net_worth",
    "list_subscriptions": "subscriptions",
    "suggest_budget": "budgets",
    "track_budget": "budgets",
}

__all__ = [
    "BudgetTracking",
    "InsightData",
    "InsightResult",
    "NetWorth",
    "SpendingAnalysis",
    "Subscriptions",
    "SuggestedBudget",
    "WeeklyRecap",
    "analyze_spending",
    "build_weekly_recap",
    "compute_net_worth",
    "list_subscriptions",
    "suggest_budget",
    "track_budget",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{module}"), name)
