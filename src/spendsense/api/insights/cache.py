"""An insight as a view (`api.views`): its key, its body, and what versions its inputs.

An insight is a pure function of the customer's accounts, transactions, liabilities and
budgets (and the as-of day). Ingest stores every raw payload before the rows it yields,
including the bulk loader, so the newest raw payload id moves whenever the first three
change; budgets carry their own `updated_at`. Together they version the inputs in one
indexed read, far cheaper than loading the frames and computing again.
"""

from __future__ import annotations

from datetime import date
from functools import partial

from sqlalchemy import func
from sqlalchemy.orm import Session

from spendsense.api.views import ViewSource, freshness, per_user
from spendsense.insights.results import InsightKind
from spendsense.models import Budget, RawPayload

FRESHNESS = freshness(
    *per_user(RawPayload, func.max(RawPayload.id)),
    *per_user(Budget, func.count(), func.max(Budget.updated_at)),
)


def _insight_json(session: Session, user_id: str, kind: InsightKind, as_of: date | None) -> bytes:
    from spendsense.insights.service import compute_insight  # Polars: loaded by the first insight, not a cold start

    return compute_insight(session, user_id, kind, as_of).model_dump_json().encode()


def insight_source(user_id: str, kind: InsightKind, as_of: date | None) -> ViewSource:
    build = partial(_insight_json, kind=kind, as_of=as_of)
    return ViewSource(key=("insight", user_id, kind, as_of), build=build, freshness=FRESHNESS)
