"""Access tokens: HS256 JWTs that name one principal (a customer's user id or an operator's name) and a role."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from functools import lru_cache

from spendsense.auth.errors import NotAuthenticated
from spendsense.auth.hs256 import accepted_principal
from spendsense.auth.principal import ALGORITHM, AUDIENCE, ISSUER, REQUIRED_CLAIMS, ROLES, Principal, Role

__all__ = ["ALGORITHM", "AUDIENCE", "ISSUER", "ROLES", "Principal", "Role", "decode_token", "issue_token"]


def issue_token(principal: Principal, secret: str, ttl: timedelta, now: datetime) -> str:
    claims = {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "sub": principal.subject,
        "role": principal.role,
        "iat": now,
        "exp": now + ttl,
    }
    import jwt  # here: a process that only checks tokens (an API cold start) never loads PyJWT

    return jwt.encode(claims, secret, algorithm=ALGORITHM)


@lru_cache(maxsize=4096)
def _verified_claims(token: str, secret: str) -> tuple[object, object, float]:
    """Role, subject and expiry of a token whose signature and issuer checked out.

    Cached, because a client sends the same token with every request and verifying it is a
    tenth of a small request's CPU. Only the expiry changes with time, so it is checked
    on every call (by `decode_token`), never here; a token that fails is not cached.
    """
    import jwt

    claims = jwt.decode(
        token,
        secret,
        algorithms=[ALGORITHM],
        audience=AUDIENCE,
        issuer=ISSUER,
        options={"require": REQUIRED_CLAIMS, "verify_exp": False},
    )
    return claims.get("role"), claims.get("sub"), float(claims["exp"])


def decode_token(token: str, secret: str) -> Principal:
    """The principal a valid token names; NotAuthenticated for anything else (expired, forged, malformed).

    A token exactly as `issue_token` makes it is accepted by `auth.hs256` (standard library,
    ~10 µs); anything that check declines goes through PyJWT, whose verdict and message stand.
    """
    accepted = accepted_principal(token, secret, time.time())
    if accepted is not None:
        return accepted
    import jwt

    try:
        role, subject, expires = _verified_claims(token, secret)
    except (jwt.InvalidTokenError, TypeError, ValueError):
        raise NotAuthenticated("the access token is not valid") from None
    if expires <= time.time():
        raise NotAuthenticated("the access token has expired; log in again")
    if role not in ROLES or not isinstance(subject, str) or not subject:
        raise NotAuthenticated("the access token is not valid")
    return Principal(role=role, subject=subject)
