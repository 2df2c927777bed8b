"""Customer feedback per item: helpful, not helpful or dismissed, with an optional comment."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from spendsense.consent.service import require_consent
from spendsense.kit.errors import InvalidInput
from spendsense.models import Feedback, Recommendation
from spendsense.models.recommendation import FEEDBACK_KINDS, VISIBLE_STATUSES
from spendsense.operator.errors import NotVisible

MAX_COMMENT = 1000


def record_feedback(
    session: Session, user_id: str, recommendation_id: str, kind: str, comment: str | None, now: datetime
) -> Feedback:
    """Feedback only on an item this customer can see; a dismissed item then leaves their list."""
    require_consent(session, user_id)
    if kind not in FEEDBACK_KINDS:
        raise InvalidInput(f"feedback must be one of {', '.join(FEEDBACK_KINDS)}", kind=kind)
    if comment is not None and len(comment) > MAX_COMMENT:
        raise InvalidInput(f"a comment has at most {MAX_COMMENT} characters")
    row = session.get(Recommendation, recommendation_id)
    if row is None or row.user_id != user_id or row.status not in VISIBLE_STATUSES:
        # The same answer for "not yours" and "not there": no probing of other users' items.
        raise NotVisible(f"no visible recommendation {recommendation_id!r} for this user")
    entry = Feedback(recommendation_id=recommendation_id, user_id=user_id, kind=kind, comment=(comment or None), at=now)
    session.add(entry)
    session.flush()
    return entry


def feedback_for(session: Session, user_id: str | None = None) -> Sequence[Feedback]:
    query = select(Feedback).order_by(Feedback.id)
    if user_id is not None:
        query = query.where(Feedback.user_id == user_id)
    return session.scalars(query).all()


def to_dict(entry: Feedback) -> dict[str, Any]:
    return {
        "id": entry.id,
        "recommendation_id": entry.recommendation_id,
        "kind": entry.kind,
        "comment": entry.comment,
        "at": entry.at.isoformat(),
    }
