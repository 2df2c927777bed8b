"""Who may reach a customer's data, decided in one place for dependencies and hot reads alike.

A customer reaches only their own user id; an operator (one that still exists) reaches
every customer. Reading or processing a customer's data also needs their consent.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from spendsense.auth.errors import Forbidden, NotAuthenticated
from spendsense.auth.service import operator_exists
from spendsense.auth.tokens import Principal
from spendsense.consent.service import require_consent
from spendsense.kit.db import session_scope
from spendsense.kit.errors import NotFound
from spendsense.models import Consent, User

T = TypeVar("T")


def ensure_may_read(principal: Principal, user_id: str) -> None:
    """403 before any lookup, so a customer cannot even learn whether another id exists."""
    if not principal.may_read(user_id):
        raise Forbidden("a customer can only reach their own data")


def require_operator_exists(session: Session, principal: Principal) -> None:
    # A removed operator's tokens stop working at once rather than when they expire.
    if not operator_exists(session, principal.subject):
        raise NotAuthenticated("this operator no longer exists")


def _may_reach(session: Session, principal: Principal, user_id: str) -> None:
    ensure_may_read(principal, user_id)
    if principal.is_operator:
        require_operator_exists(session, principal)


def check_readable(session: Session, principal: Principal, user_id: str) -> None:
    _may_reach(session, principal, user_id)
    if session.get(User, user_id) is None:
        raise NotFound(f"no user {user_id!r}", user_id=user_id)


def check_consented(session: Session, principal: Principal, user_id: str) -> None:
    _may_reach(session, principal, user_id)
    # One query for "exists and granted", the common case; any refusal comes from the consent domain's own check.
    query = select(User.user_id, Consent.granted).outerjoin(Consent, Consent.user_id == User.user_id)
    found = session.execute(query.where(User.user_id == user_id)).one_or_none()
    if found is None:
        raise NotFound(f"no user {user_id!r}", user_id=user_id)
    if not found.granted:
        require_consent(session, user_id)


def _checked_read(engine: Engine, principal: Principal, user_id: str, read: Callable[[Session, str], T]) -> T:
    with session_scope(engine) as session:
        check_consented(session, principal, user_id)
        return read(session, user_id)


async def read_consented(engine: Engine, principal: Principal, user_id: str, read: Callable[[Session, str], T]) -> T:
    """Check access and consent, then `read(session, user_id)`: one unit of work, one trip to the thread pool.

    For the customer GET routes that are read the most: the dependency chain (session,
    access, consent, route) would take four trips to the pool, and those trips cost a
    quarter of such a request's CPU.
    """
    return await run_in_threadpool(_checked_read, engine, principal, user_id, read)
