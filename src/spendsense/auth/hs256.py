"""A strict, standard-library check of the tokens `auth.tokens.issue_token` makes, for a cold start's hot path.

PyJWT (with the `cryptography` it loads) costs a Lambda cold start more than the whole
insight cache hit it guards. This check accepts only tokens exactly as SpendSense issues
them: header `{"alg": "HS256", "typ": "JWT"}`, a valid HMAC-SHA256 signature, our issuer and
audience, a role, a subject, an integer `iat` not in the future and an integer `exp` not
yet passed. It is stricter than `auth.tokens.decode_token`, never looser: anything it does
not accept (None) goes to that full check, whose answer (and error) is the API's. A test
holds the two to the same verdict on every token it accepts.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
from typing import Any, TypeGuard

from spendsense.auth.principal import ALGORITHM, AUDIENCE, ISSUER, ROLES, Principal

HEADER = {"alg": ALGORITHM, "typ": "JWT"}
SEGMENT = re.compile(r"[A-Za-z0-9_-]+")
"""Unpadded base64url, as PyJWT requires of every segment."""


def _encoded(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _json(part: str) -> Any:
    raw = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
    if _encoded(raw) != part:  # only the canonical spelling of these bytes, as PyJWT
        raise ValueError("not canonical base64url")
    return json.loads(raw)


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _signed_claims(token: str, secret: str) -> Any:
    """The claims of a token in our exact header, signed with `secret`; None otherwise."""
    try:
        header, claims, signature = token.split(".")
        if not all(SEGMENT.fullmatch(part) for part in (header, claims, signature)):
            return None
        expected = _encoded(hmac.new(secret.encode(), f"{header}.{claims}".encode(), hashlib.sha256).digest())
        # The signature as text: one spelling per signature, so no variant of a token passes here and fails there.
        if not hmac.compare_digest(expected, signature) or _json(header) != HEADER:
            return None
        return _json(claims)
    except (ValueError, binascii.Error, UnicodeError):
        return None


def accepted_principal(token: str, secret: str, now: float) -> Principal | None:
    """The principal of a well-formed, correctly signed, current SpendSense token; None for anything else."""
    body = _signed_claims(token, secret)
    if not isinstance(body, dict) or body.get("iss") != ISSUER or body.get("aud") != AUDIENCE or "nbf" in body:
        return None
    issued, expires, role, subject = body.get("iat"), body.get("exp"), body.get("role"), body.get("sub")
    if not (_is_int(issued) and _is_int(expires)) or not issued <= now < expires:
        return None
    if role not in ROLES or not isinstance(subject, str) or not subject:
        return None
    return Principal(role=role, subject=subject)
