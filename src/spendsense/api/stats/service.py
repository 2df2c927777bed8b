"""Counts for the operator's overview: customers, consent, personas, recommendations, feedback."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from spendsense.api.stats.schemas import Stats
from spendsense.models import Consent, Feedback, OperatorAction, PersonaAssignment, Recommendation, User
from spendsense.operator.queue import QUEUE_STATUSES


def _counts(session: Session, column: Any) -> dict[str, int]:
    rows = session.execute(select(column, func.count()).group_by(column).order_by(column)).all()
    return {str(key): count for key, count in rows}


def _personas(session: Session) -> dict[str, dict[str, int]]:
    query = (
        select(PersonaAssignment.window, PersonaAssignment.primary_persona, func.count())
        .group_by(PersonaAssignment.window, PersonaAssignment.primary_persona)
        .order_by(PersonaAssignment.window, PersonaAssignment.primary_persona)
    )
    table: dict[str, dict[str, int]] = {}
    for window, persona, count in session.execute(query):
        table.setdefault(window, {})[persona or "none"] = count
    return table


def collect(session: Session) -> Stats:
    by_status = _counts(session, Recommendation.status)
    return Stats(
        users=session.scalar(select(func.count()).select_from(User)) or 0,
        users_with_consent=session.scalar(select(func.count()).where(Consent.granted.is_(True))) or 0,
        personas=_personas(session),
        recommendations=by_status,
        review_queue=sum(by_status.get(status, 0) for status in QUEUE_STATUSES),
        feedback=_counts(session, Feedback.kind),
        operator_actions=session.scalar(select(func.count()).select_from(OperatorAction)) or 0,
    )
