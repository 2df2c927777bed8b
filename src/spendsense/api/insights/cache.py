"""Insights as cached JSON, keyed by a version of their inputs.

An insight is a pure function of the customer's accounts, transactions, liabilities and
budgets (and the as-of day). Ingest stores every raw payload before the rows it yields,
including the bulk loader, so the newest raw payload id moves whenever the first three
change; budgets carry their own `updated_at`. Together they version the inputs in one
indexed query, far cheaper than loading the frames and computing again.
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from spendsense.api.cache import ResponseCache
from spendsense.insights.service import compute_insight
from spendsense.models import Budget, RawPayload


def data_version(session: Session, user_id: str) -> tuple[Hashable, ...]:
    raw = select(func.max(RawPayload.id)).where(RawPayload.user_id == user_id).scalar_subquery()
    budgets = select(func.count(Budget.id), func.max(Budget.updated_at), raw).where(Budget.user_id == user_id)
    return tuple(session.execute(budgets).one())


def insight_json(cache: ResponseCache, session: Session, user_id: str, kind: str, as_of: date | None) -> bytes:
    """The insight as JSON: from the cache when its inputs have not changed, computed otherwise."""
    key = ("insight", user_id, kind, as_of, data_version(session, user_id))
    return cache.get_or_make(key, lambda: compute_insight(session, user_id, kind, as_of).model_dump_json().encode())
