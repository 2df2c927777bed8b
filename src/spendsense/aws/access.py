"""Authentication for handlers that run without FastAPI; the access rules are the API's own (`auth.access`)."""

from __future__ import annotations

from spendsense.auth.access import check_consented
from spendsense.auth.errors import NotAuthenticated
from spendsense.auth.tokens import Principal, decode_token

__all__ = ["authenticate", "check_consented"]


def authenticate(token: str | None, secret: str) -> Principal:
    if token is None:
        raise NotAuthenticated("log in first: send the header `Authorization: Bearer <token>`")
    return decode_token(token, secret)
