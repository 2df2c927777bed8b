"""Creating customers and listing them for operators (no domain package owns users yet)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from spendsense.api.users.schemas import NewCustomer, UserSummary, Window
from spendsense.auth.service import set_customer_password
from spendsense.kit.clock import utcnow
from spendsense.kit.errors import InvalidInput, SpendSenseError
from spendsense.models import Consent, PersonaAssignment, User

NO_PERSONA = "none"


class UserExists(SpendSenseError):
    status_code = 409
    error = "user_exists"


def create_customer(session: Session, new: NewCustomer) -> UserSummary:
    """A customer with a password and no consent yet: processing starts when they opt in."""
    if session.get(User, new.user_id) is not None:
        raise UserExists(f"user {new.user_id!r} already exists", user_id=new.user_id)
    fields = new.model_dump(exclude={"password"})
    session.add(User(**fields, created_at=utcnow()))
    session.flush()
    set_customer_password(session, new.user_id, new.password)
    return list_page(session, None, "30d", 1, 0, user_id=new.user_id)[0][0]


def persona_ids() -> list[str]:
    from spendsense.personas.criteria import load_personas  # Polars: only a persona filter needs the catalogue

    return [persona.id for persona in load_personas()]


def _query(persona: str | None, window: Window, user_id: str | None) -> Select[User, bool, str | None, str | None]:
    p30, p180 = aliased(PersonaAssignment), aliased(PersonaAssignment)
    query = (
        select(User, Consent.granted, p30.primary_persona, p180.primary_persona)
        .outerjoin(Consent, Consent.user_id == User.user_id)
        .outerjoin(p30, (p30.user_id == User.user_id) & (p30.window == "30d"))
        .outerjoin(p180, (p180.user_id == User.user_id) & (p180.window == "180d"))
    )
    if user_id is not None:
        query = query.where(User.user_id == user_id)
    if persona is not None:
        column = (p30 if window == "30d" else p180).primary_persona
        query = query.where(column.is_(None) if persona == NO_PERSONA else column == persona)
    return query


def list_page(
    session: Session, persona: str | None, window: Window, limit: int, offset: int, user_id: str | None = None
) -> tuple[Sequence[UserSummary], int]:
    """One page of customers (by user id) and how many match; `persona` filters on that window's primary persona."""
    if persona is not None and persona != NO_PERSONA and persona not in persona_ids():
        raise InvalidInput(f"unknown persona {persona!r}; expected one of {', '.join([*persona_ids(), NO_PERSONA])}")
    query = _query(persona, window, user_id)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.execute(query.order_by(User.user_id).limit(limit).offset(offset)).all()
    items = [
        UserSummary(
            user_id=user.user_id,
            name=user.name,
            email=user.email,
            created_at=user.created_at,
            consent_granted=bool(granted),
            persona_30d=persona_30,
            persona_180d=persona_180,
        )
        for user, granted, persona_30, persona_180 in rows
    ]
    return items, total
