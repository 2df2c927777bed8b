"""Grant, revoke and read consent. Every change appends to the history; nothing is erased."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from spendsense.kit.clock import utcnow
from spendsense.kit.errors import NotFound, SpendSenseError
from spendsense.models import Consent, ConsentEvent, User


class ConsentRequired(SpendSenseError):
    status_code = 403
    error = "consent_required"


@dataclass(frozen=True)
class ConsentStatus:
    user_id: str
    granted: bool
    source: str | None
    updated_at: datetime | None
    history: list[ConsentEvent]


def _require_user(session: Session, user_id: str) -> None:
    if session.get(User, user_id) is None:
        raise NotFound(f"no user {user_id!r}", user_id=user_id)


def record(
    session: Session, user_id: str, granted: bool, source: str, actor: str | None = None, note: str | None = None
) -> ConsentStatus:
    """Set the current state and append the change to the history (even a repeat, as an audit trail)."""
    _require_user(session, user_id)
    now = utcnow()
    state = session.get(Consent, user_id)
    if state is None:
        session.add(Consent(user_id=user_id, granted=granted, source=source, updated_at=now))
    else:
        state.granted, state.source, state.updated_at = granted, source, now
    action = "grant" if granted else "revoke"
    session.add(ConsentEvent(user_id=user_id, action=action, source=source, actor=actor, note=note, at=now))
    session.flush()
    return status(session, user_id)


def status(session: Session, user_id: str) -> ConsentStatus:
    _require_user(session, user_id)
    state = session.get(Consent, user_id)
    history = list(
        session.scalars(select(ConsentEvent).where(ConsentEvent.user_id == user_id).order_by(ConsentEvent.id))
    )
    if state is None:
        return ConsentStatus(user_id, False, None, None, history)
    return ConsentStatus(user_id, state.granted, state.source, state.updated_at, history)


def has_consent(session: Session, user_id: str) -> bool:
    state = session.get(Consent, user_id)
    return bool(state and state.granted)


def require_consent(session: Session, user_id: str) -> None:
    if not has_consent(session, user_id):
        raise ConsentRequired(f"consent is required before SpendSense can use the data of user {user_id!r}")


def consented_user_ids(session: Session) -> list[str]:
    return list(session.scalars(select(Consent.user_id).where(Consent.granted.is_(True)).order_by(Consent.user_id)))
