"""The audit log: every change of a recommendation's status after it was first stored, oldest first.

Writing is `append` and nothing else: the table refuses updates and deletes (see
models.operator_action), so this module offers no way to try.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from spendsense.models import OperatorAction, Recommendation


def append(
    session: Session,
    recommendation: Recommendation,
    *,
    actor: str,
    action: str,
    reason: str,
    after_status: str | None,
    at: datetime,
    details: dict[str, Any] | None = None,
) -> OperatorAction:
    entry = OperatorAction(
        recommendation_id=recommendation.id,
        user_id=recommendation.user_id,
        actor=actor,
        action=action,
        reason=reason,
        before_status=recommendation.status,
        after_status=after_status,
        details=details or {},
        at=at,
    )
    session.add(entry)
    return entry


def set_status(
    session: Session,
    recommendation: Recommendation,
    status: str,
    *,
    actor: str,
    action: str,
    reason: str,
    at: datetime,
    details: dict[str, Any] | None = None,
) -> None:
    """Change a status and log it in one step, so no status changes without its audit entry."""
    append(
        session, recommendation, actor=actor, action=action, reason=reason, after_status=status, at=at, details=details
    )
    recommendation.status = status
    recommendation.updated_at = at


def entries(
    session: Session, *, user_id: str | None = None, recommendation_id: str | None = None, limit: int | None = None
) -> Sequence[OperatorAction]:
    query = select(OperatorAction).order_by(OperatorAction.id)
    if user_id is not None:
        query = query.where(OperatorAction.user_id == user_id)
    if recommendation_id is not None:
        query = query.where(OperatorAction.recommendation_id == recommendation_id)
    if limit is not None:
        query = query.limit(limit)
    return session.scalars(query).all()


def to_dict(entry: OperatorAction) -> dict[str, Any]:
    return {
        "id": entry.id,
        "at": entry.at.isoformat(),
        "actor": entry.actor,
        "action": entry.action,
        "recommendation_id": entry.recommendation_id,
        "user_id": entry.user_id,
        "reason": entry.reason,
        "before_status": entry.before_status,
        "after_status": entry.after_status,
        "details": entry.details,
    }
