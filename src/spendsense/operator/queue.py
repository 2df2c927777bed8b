"""Reading recommendations: the operator's queue, a user's full list, and what the customer may see."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from spendsense.consent.service import require_consent
from spendsense.models import Feedback, Recommendation
from spendsense.models.recommendation import VISIBLE_STATUSES

QUEUE_STATUSES = ("pending", "flagged")
_ORDER = (Recommendation.user_id, Recommendation.window, Recommendation.kind, Recommendation.rank)


def review_queue(session: Session, limit: int | None = None) -> Sequence[Recommendation]:
    """What waits for an operator: pending items and flagged ones, oldest first."""
    query = select(Recommendation).where(Recommendation.status.in_(QUEUE_STATUSES))
    query = query.order_by(Recommendation.created_at, *_ORDER)
    return session.scalars(query.limit(limit) if limit else query).all()


def for_user(session: Session, user_id: str) -> Sequence[Recommendation]:
    """Every stored recommendation of a user, whatever its status (the operator's view)."""
    return session.scalars(select(Recommendation).where(Recommendation.user_id == user_id).order_by(*_ORDER)).all()


def visible_for_user(session: Session, user_id: str) -> Sequence[Recommendation]:
    """What the customer sees: approved items they have not dismissed. Without consent, nothing (403)."""
    require_consent(session, user_id)
    dismissed = exists().where(Feedback.recommendation_id == Recommendation.id, Feedback.kind == "dismissed")
    query = select(Recommendation).where(
        Recommendation.user_id == user_id, Recommendation.status.in_(VISIBLE_STATUSES), ~dismissed
    )
    return session.scalars(query.order_by(*_ORDER)).all()


def to_dict(row: Recommendation, *, with_trace: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": row.id,
        "window": row.window,
        "kind": row.kind,
        "item_id": row.item_id,
        "title": row.title,
        "status": row.status,
        "rationale": row.rationale,
        "disclosure": row.disclosure,
        "cited_signals": list(row.cited_signals),
        "origin": row.origin,
        "replaces_id": row.replaces_id,
        "as_of": row.as_of.isoformat() if row.as_of else None,
    }
    if with_trace:
        out["trace"] = row.trace
    return out
