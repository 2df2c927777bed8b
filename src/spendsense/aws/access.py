"""Who may read a customer's data, for handlers that run without FastAPI: the API's rules, step for step.

The API decides this in `spendsense.api.deps` (a bearer token, the owner or an existing
operator, the user exists, consent granted); the insight and WebSocket functions must
answer exactly as it does without importing FastAPI, so the same steps are taken here
from the same framework-free parts (`auth.tokens`, `consent.service`, the models).
`tests/aws/test_insight_handlers.py` checks both answer alike.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from spendsense.auth.errors import Forbidden, NotAuthenticated
from spendsense.auth.tokens import Principal, decode_token
from spendsense.consent.service import require_consent
from spendsense.kit.errors import NotFound
from spendsense.models import Operator, User


def authenticate(token: str | None, secret: str) -> Principal:
    if token is None:
        raise NotAuthenticated("log in first: send the header `Authorization: Bearer <token>`")
    return decode_token(token, secret)


def require_reader(session: Session, principal: Principal, user_id: str) -> None:
    """The owner or an operator who still exists, of a user who exists (403 before any lookup for others)."""
    if not principal.may_read(user_id):
        raise Forbidden("a customer can only reach their own data")
    # auth.service.operator_exists would pull in argon2 (a hash at import) for a primary-key lookup.
    if principal.is_operator and session.get(Operator, principal.subject) is None:
        raise NotAuthenticated("this operator no longer exists")
    if session.get(User, user_id) is None:
        raise NotFound(f"no user {user_id!r}", user_id=user_id)


def require_consented_reader(session: Session, principal: Principal, user_id: str) -> None:
    require_reader(session, principal, user_id)
    require_consent(session, user_id)
