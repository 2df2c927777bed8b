"""Filtered, paged reads for the operator's screens: the review queue and the audit log."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from spendsense.models import OperatorAction, PersonaAssignment, Recommendation
from spendsense.operator.queue import QUEUE_STATUSES


@dataclass(frozen=True)
class QueueFilters:
    status: str | None = None  # one of QUEUE_STATUSES; None: all of them
    kind: str | None = None
    window: str | None = None
    user_id: str | None = None
    persona: str | None = None  # the user's primary persona in the item's window


@dataclass(frozen=True)
class AuditFilters:
    user_id: str | None = None
    recommendation_id: str | None = None
    actor: str | None = None
    action: str | None = None


def _page(session: Session, query: Select[Any], limit: int, offset: int) -> tuple[Sequence[Any], int]:
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    return session.scalars(query.limit(limit).offset(offset)).all(), total


def queue_page(
    session: Session, filters: QueueFilters, limit: int, offset: int
) -> tuple[Sequence[Recommendation], int]:
    """What waits for an operator (pending and flagged items), oldest first, as `operator.queue` orders it."""
    statuses = (filters.status,) if filters.status else QUEUE_STATUSES
    conditions: list[ColumnElement[bool]] = [Recommendation.status.in_(statuses)]
    for column, value in (
        (Recommendation.kind, filters.kind),
        (Recommendation.window, filters.window),
        (Recommendation.user_id, filters.user_id),
    ):
        if value is not None:
            conditions.append(column == value)
    query = select(Recommendation).where(*conditions)
    if filters.persona is not None:
        query = query.join(
            PersonaAssignment,
            (PersonaAssignment.user_id == Recommendation.user_id) & (PersonaAssignment.window == Recommendation.window),
        ).where(PersonaAssignment.primary_persona == filters.persona)
    order = (Recommendation.created_at, Recommendation.user_id, Recommendation.window, Recommendation.rank)
    return _page(session, query.order_by(*order, Recommendation.id), limit, offset)


def audit_page(
    session: Session, filters: AuditFilters, limit: int, offset: int
) -> tuple[Sequence[OperatorAction], int]:
    """The audit log, newest first."""
    conditions: list[ColumnElement[bool]] = []
    for column, value in (
        (OperatorAction.user_id, filters.user_id),
        (OperatorAction.recommendation_id, filters.recommendation_id),
        (OperatorAction.actor, filters.actor),
        (OperatorAction.action, filters.action),
    ):
        if value is not None:
            conditions.append(column == value)
    query = select(OperatorAction).where(*conditions).order_by(OperatorAction.id.desc())
    return _page(session, query, limit, offset)
