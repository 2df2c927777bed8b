"""Operator actions: approve, reject, flag, override. Each is checked, applied and written to the audit log.

An operator decides among items the guardrails let through; nothing here can make a
blocked or consent-hidden item visible, and an override's replacement is reviewed by the
same guardrails as any pipeline item.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from spendsense.consent.service import has_consent
from spendsense.kit.errors import NotFound
from spendsense.models import Recommendation, RecommendationRun
from spendsense.operator import audit
from spendsense.operator.errors import InvalidTransition, ReasonRequired
from spendsense.operator.replacement import build_replacement

Action = Literal["approve", "reject", "flag", "override"]

# Which statuses each action may start from. Blocked and hidden are absent on purpose.
ALLOWED_FROM: dict[Action, tuple[str, ...]] = {
    "approve": ("pending", "flagged"),
    "reject": ("pending", "approved", "flagged"),
    "flag": ("pending", "approved"),
    "override": ("pending", "approved", "flagged", "rejected"),
}
RESULT: dict[Action, str] = {"approve": "approved", "reject": "rejected", "flag": "flagged", "override": "overridden"}


def _load(session: Session, recommendation_id: str, action: Action, actor: str, reason: str) -> Recommendation:
    if not actor.strip():
        raise ReasonRequired("an operator action needs the operator's name")
    if action != "approve" and not reason.strip():
        raise ReasonRequired(f"{action} needs a reason, for the audit log")
    row = session.get(Recommendation, recommendation_id)
    if row is None:
        raise NotFound(f"no recommendation {recommendation_id!r}", recommendation_id=recommendation_id)
    if row.status not in ALLOWED_FROM[action]:
        raise InvalidTransition(
            f"cannot {action} a recommendation that is {row.status}", status=row.status, action=action
        )
    if action == "approve" and not has_consent(session, row.user_id):
        raise InvalidTransition("cannot approve: the user has not granted consent", user_id=row.user_id)
    return row


def act(
    session: Session,
    recommendation_id: str,
    action: Literal["approve", "reject", "flag"],
    actor: str,
    reason: str,
    now: datetime,
) -> Recommendation:
    """Approve, reject or flag one recommendation, with the audit entry in the same unit of work."""
    row = _load(session, recommendation_id, action, actor, reason)
    audit.set_status(
        session, row, RESULT[action], actor=actor, action=action, reason=reason.strip() or "approved", at=now
    )
    session.flush()
    return row


def override(
    session: Session, recommendation_id: str, replacement_item_id: str, actor: str, reason: str, now: datetime
) -> Recommendation:
    """Replace an item with another catalog item; the replacement must pass every guardrail."""
    row = _load(session, recommendation_id, "override", actor, reason)
    run = session.scalars(
        select(RecommendationRun).where(
            RecommendationRun.user_id == row.user_id, RecommendationRun.window == row.window
        )
    ).one_or_none()
    if run is None:
        raise NotFound(f"no stored run for {row.user_id!r} and window {row.window}", user_id=row.user_id)
    replacement = build_replacement(session, row, run, replacement_item_id, actor, reason, now)
    details = {"replacement_id": replacement.id, "replacement_item_id": replacement_item_id}
    audit.append(
        session, row, actor=actor, action="override", reason=reason, after_status="overridden", at=now, details=details
    )
    row.status, row.updated_at = "overridden", now
    session.flush()
    return replacement
