"""The insights, each its own GET (reads only), subscriptions, and PUT budgets."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from spendsense.api.deps import ConsentedUserId, CurrentUser, SessionDep, StateDep, UserIdPath
from spendsense.api.errors import error_responses
from spendsense.api.insights.cache import insight_source
from spendsense.api.insights.schemas import BudgetUpdate
from spendsense.api.views import NOT_MODIFIED, IfNoneMatch, read_view
from spendsense.insights.results import (
    BudgetTracking,
    InsightKind,
    InsightResult,
    NetWorth,
    SavedBudget,
    SpendingAnalysis,
    Subscriptions,
    SuggestedBudget,
    WeeklyRecap,
)

router = APIRouter(tags=["insights"])
# Real outputs (cut to three items per list) for the docs; tests check they still validate against the models.
EXAMPLES: dict[str, Any] = json.loads((Path(__file__).parent / "examples.json").read_text(encoding="utf-8"))


def _documented(example: Any, *errors: int) -> dict[int | str, dict[str, Any]]:
    return {200: {"content": {"application/json": {"example": example}}}, **error_responses(*errors)}


def _documented_view(example: Any) -> dict[int | str, dict[str, Any]]:
    return {**_documented(example, 401, 403, 404, 422), **NOT_MODIFIED}


# Bounds keep date arithmetic (months back, weeks ahead) far from the calendar's ends.
AsOf = Annotated[
    date | None,
    Query(
        ge=date(1970, 1, 1),
        le=date(2100, 12, 31),
        description="Day to compute for (default: the customer's newest transaction date).",
    ),
]

INSIGHTS: tuple[tuple[str, InsightKind, type[InsightResult], str], ...] = (
    ("/insights/{user_id}/weekly-recap", InsightKind.WEEKLY_RECAP, WeeklyRecap, "Weekly recap"),
    ("/insights/{user_id}/spending-analysis", InsightKind.SPENDING_ANALYSIS, SpendingAnalysis, "Spending analysis"),
    ("/insights/{user_id}/suggested-budget", InsightKind.SUGGESTED_BUDGET, SuggestedBudget, "Suggested budget"),
    ("/insights/{user_id}/budget-tracking", InsightKind.BUDGET_TRACKING, BudgetTracking, "Budget tracking"),
    ("/insights/{user_id}/net-worth", InsightKind.NET_WORTH, NetWorth, "Net worth, now and history"),
    ("/users/{user_id}/subscriptions", InsightKind.SUBSCRIPTIONS, Subscriptions, "Subscriptions"),
)


def _reader(kind: InsightKind) -> Callable[..., Awaitable[Response]]:
    async def read(
        user_id: UserIdPath,
        principal: CurrentUser,
        state: StateDep,
        as_of: AsOf = None,
        if_none_match: IfNoneMatch = None,
    ) -> Response:
        view = await read_view(state.views, principal, user_id, insight_source(user_id, kind, as_of))
        # Already JSON of the documented model: returned as is, not validated and encoded again.
        return view.response(if_none_match)

    read.__doc__ = f"The {kind.value.replace('-', ' ')} insight for one customer (reads only, never writes)."
    return read


for path, kind, model, summary in INSIGHTS:
    router.add_api_route(
        path,
        _reader(kind),
        methods=["GET"],
        response_model=model,
        responses=_documented_view(EXAMPLES[kind.value]),
        summary=summary,
        operation_id=f"get_{kind.value.replace('-', '_')}",
    )


@router.put(
    "/insights/{user_id}/budgets",
    response_model=list[SavedBudget],
    responses=_documented(EXAMPLES["budgets"], 401, 403, 404, 422),
    summary="Save a month's budgets",
)
def put_budgets(user_id: ConsentedUserId, body: BudgetUpdate, session: SessionDep) -> list[SavedBudget]:
    """Make the month's budgets exactly `amounts`; budget tracking compares against them."""
    from spendsense.insights.repository import save_budgets  # Polars: loaded by the first write, not a cold start

    return save_budgets(session, user_id, body.month, body.amounts, body.iso_currency_code)
