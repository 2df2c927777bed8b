"""Who may reach a customer's data: one set of rules for the API and the Lambda handlers alike.

A customer reaches only their own user id; an operator (one that still exists) reaches
every customer. Reading or processing a customer's data also needs their consent. This
module imports no web framework and no password hashing (argon2 hashes at import), so the
small Lambda functions can use it as it is.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from spendsense.auth.errors import Forbidden, NotAuthenticated
from spendsense.auth.tokens import Principal
from spendsense.consent.service import require_consent
from spendsense.kit.errors import NotFound
from spendsense.models import Consent, Operator, User


def ensure_may_read(principal: Principal, user_id: str) -> None:
    """403 before any lookup, so a customer cannot even learn whether another id exists."""
    if not principal.may_read(user_id):
        raise Forbidden("a customer can only reach their own data")


def require_operator_exists(session: Session, principal: Principal) -> None:
    # A removed operator's tokens stop working at once rather than when they expire.
    if session.get(Operator, principal.subject) is None:
        raise NotAuthenticated("this operator no longer exists")


def _may_reach(session: Session, principal: Principal, user_id: str) -> None:
    ensure_may_read(principal, user_id)
    if principal.is_operator:
        require_operator_exists(session, principal)


def check_readable(session: Session, principal: Principal, user_id: str) -> None:
    """The owner or an existing operator, of a user who exists."""
    _may_reach(session, principal, user_id)
    if session.get(User, user_id) is None:
        raise NotFound(f"no user {user_id!r}", user_id=user_id)


def check_consented(session: Session, principal: Principal, user_id: str) -> None:
    """`check_readable`, and the user's consent is granted (403 consent_required otherwise)."""
    _may_reach(session, principal, user_id)
    # One query for "exists and granted", the common case; any refusal comes from the consent domain's own check.
    query = select(User.user_id, Consent.granted).outerjoin(Consent, Consent.user_id == User.user_id)
    found = session.execute(query.where(User.user_id == user_id)).one_or_none()
    if found is None:
        raise NotFound(f"no user {user_id!r}", user_id=user_id)
    if not found.granted:
        require_consent(session, user_id)
