"""One entry point for every caller (CLI, API, the insight Lambda functions): checks, load, compute.

Reading a customer's data needs their consent, so this is where it is required; the
computation modules stay pure and never see a session.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy.orm import Session

from spendsense.consent.service import require_consent
from spendsense.insights.budgets import suggest_budget, track_budget
from spendsense.insights.net_worth import compute_net_worth
from spendsense.insights.repository import load_insight_data, require_user
from spendsense.insights.results import InsightKind, InsightResult
from spendsense.insights.spending import analyze_spending
from spendsense.insights.subscriptions import list_subscriptions
from spendsense.insights.types import InsightData
from spendsense.insights.weekly_recap import build_weekly_recap
from spendsense.kit.clock import utcnow
from spendsense.kit.errors import InvalidInput

COMPUTE: dict[str, Callable[[InsightData, date], InsightResult]] = {
    InsightKind.WEEKLY_RECAP: build_weekly_recap,
    InsightKind.SPENDING_ANALYSIS: analyze_spending,
    InsightKind.SUGGESTED_BUDGET: suggest_budget,
    InsightKind.BUDGET_TRACKING: track_budget,
    InsightKind.NET_WORTH: compute_net_worth,
    InsightKind.SUBSCRIPTIONS: list_subscriptions,
}
# Months and weeks are counted back from the as-of date; these bounds keep that far from the calendar's ends.
EARLIEST_AS_OF, LATEST_AS_OF = date(1970, 1, 1), date(2100, 12, 31)


def default_as_of(data: InsightData) -> date:
    """The user's newest transaction date (today for a user without any): insights describe the data we have."""
    return data.newest_transaction_date() or utcnow().date()


def compute_insight(session: Session, user_id: str, kind: str, as_of: date | None = None) -> InsightResult:
    """One insight for one user. Raises NotFound (no such user), ConsentRequired, InvalidInput (unknown kind, date).

    Reads only: nothing is written, whatever the kind.
    """
    compute = COMPUTE.get(kind)
    if compute is None:
        raise InvalidInput(f"unknown insight {kind!r}; expected one of {', '.join(InsightKind)}", kind=kind)
    if as_of is not None and not EARLIEST_AS_OF <= as_of <= LATEST_AS_OF:
        raise InvalidInput(f"as-of date {as_of} is outside {EARLIEST_AS_OF} .. {LATEST_AS_OF}", as_of=str(as_of))
    require_user(session, user_id)
    require_consent(session, user_id)
    data = load_insight_data(session, user_id)
    return compute(data, as_of or default_as_of(data))
