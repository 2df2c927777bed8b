"""An insight as a view (`api.views`): its key, its body, and a version of its inputs.

An insight is a pure function of the customer's accounts, transactions, liabilities and
budgets (and the as-of day). Ingest stores every raw payload before the rows it yields,
including the bulk loader, so the newest raw payload id moves whenever the first three
change; budgets carry their own `updated_at`. Together they version the inputs in one
indexed query, far cheaper than loading the frames and computing again.
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date
from functools import partial

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from spendsense.api.views import ViewSource
from spendsense.insights.service import InsightKind, compute_insight
from spendsense.models import Budget, RawPayload


def data_version(session: Session, user_id: str) -> tuple[Hashable, ...]:
    raw = select(func.max(RawPayload.id)).where(RawPayload.user_id == user_id).scalar_subquery()
    budgets = select(func.count(Budget.id), func.max(Budget.updated_at), raw).where(Budget.user_id == user_id)
    return tuple(session.execute(budgets).one())


def _insight_json(session: Session, user_id: str, kind: InsightKind, as_of: date | None) -> bytes:
    return compute_insight(session, user_id, kind, as_of).model_dump_json().encode()


def insight_source(user_id: str, kind: InsightKind, as_of: date | None) -> ViewSource:
    build = partial(_insight_json, kind=kind, as_of=as_of)
    return ViewSource(key=("insight", user_id, kind, as_of), build=build, version=data_version)
