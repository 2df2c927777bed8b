"""POST /api/auth/login: a password for an access token."""

from __future__ import annotations

from fastapi import APIRouter

from spendsense.api.auth.schemas import LoginRequest, Token
from spendsense.api.deps import SessionDep, StateDep
from spendsense.api.errors import error_responses
from spendsense.auth import service
from spendsense.auth.tokens import issue_token
from spendsense.kit.clock import utcnow

router = APIRouter(tags=["auth"])


@router.post("/auth/login", response_model=Token, responses=error_responses(401, 422), summary="Log in")
def login(body: LoginRequest, session: SessionDep, state: StateDep) -> Token:
    """Customers log in with their user id, operators with their name; both get a bearer token."""
    principal = service.authenticate(session, body.username, body.password, body.role)
    token = issue_token(principal, state.secret, state.token_ttl, utcnow())
    return Token(
        access_token=token,
        expires_in=int(state.token_ttl.total_seconds()),
        role=principal.role,
        subject=principal.subject,
    )
