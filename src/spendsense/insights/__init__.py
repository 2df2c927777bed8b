"""Insights for one customer: pure functions of their frames and an as-of date, returning typed results.

`service.compute_insight` (session in, checks consent) is what the API, the CLI and the
Lambda functions call; `repository` holds the reads and writes. The functions re-exported
here take an `InsightData` and never touch a database.
"""

from spendsense.insights.budgets import BudgetTracking, SuggestedBudget, suggest_budget, track_budget
from spendsense.insights.net_worth import NetWorth, compute_net_worth
from spendsense.insights.spending import SpendingAnalysis, analyze_spending
from spendsense.insights.subscriptions import Subscriptions, list_subscriptions
from spendsense.insights.types import InsightData, InsightResult
from spendsense.insights.weekly_recap import WeeklyRecap, build_weekly_recap

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
