"""The express lane's token check accepts only what the full check accepts, with the same principal."""

from __future__ import annotations

import base64
import json
import time
from datetime import UTC, datetime, timedelta

import jwt
import pytest
from hypothesis import given
from hypothesis import strategies as st

from spendsense.auth.errors import NotAuthenticated
from spendsense.auth.hs256 import accepted_principal
from spendsense.auth.tokens import AUDIENCE, ISSUER, Principal, decode_token, issue_token

SECRET = "s" * 64


def now() -> datetime:
    return datetime.now(UTC)


def _part(value: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()


def claims(**changes: object) -> dict[str, object]:
    issued = int(time.time())
    body: dict[str, object] = {"iss": ISSUER, "aud": AUDIENCE, "sub": "u1", "role": "customer"}
    body |= {"iat": issued, "exp": issued + 300}
    return {key: value for key, value in (body | changes).items() if value is not None}


@given(subject=st.text(min_size=1, max_size=40), role=st.sampled_from(["customer", "operator"]))
def test_every_token_we_issue_gives_the_same_principal(subject: str, role: str) -> None:
    token = issue_token(Principal(role, subject), SECRET, timedelta(minutes=5), now())  # type: ignore[arg-type]
    assert accepted_principal(token, SECRET, time.time()) == decode_token(token, SECRET)


@pytest.mark.parametrize(
    "token",
    [
        pytest.param(
            issue_token(Principal("customer", "u1"), SECRET, timedelta(minutes=5), now() - timedelta(hours=1)),
            id="expired",
        ),
        pytest.param(
            issue_token(Principal("customer", "u1"), "t" * 48, timedelta(minutes=5), now()), id="other-secret"
        ),
        pytest.param(jwt.encode(claims(aud="someone-else"), SECRET, algorithm="HS256"), id="audience"),
        pytest.param(jwt.encode(claims(iss="someone-else"), SECRET, algorithm="HS256"), id="issuer"),
        pytest.param(jwt.encode(claims(role="admin"), SECRET, algorithm="HS256"), id="role"),
        pytest.param(jwt.encode(claims(sub=""), SECRET, algorithm="HS256"), id="empty-subject"),
        pytest.param(jwt.encode(claims(exp=None), SECRET, algorithm="HS256"), id="no-expiry"),
        pytest.param(jwt.encode(claims(iat=int(time.time()) + 600), SECRET, algorithm="HS256"), id="issued-later"),
        pytest.param(jwt.encode(claims(nbf=int(time.time()) + 600), SECRET, algorithm="HS256"), id="not-before"),
        pytest.param(jwt.encode(claims(), SECRET, algorithm="HS512"), id="hs512"),
        pytest.param(f"{_part({'alg': 'none', 'typ': 'JWT'})}.{_part(claims())}.", id="alg-none"),
        pytest.param("not-a-token", id="garbage"),
        pytest.param("a.b.c", id="bad-base64"),
    ],
)
def test_what_the_lane_declines(token: str) -> None:
    assert accepted_principal(token, SECRET, time.time()) is None


def test_a_changed_claim_breaks_the_signature() -> None:
    header, _, signature = issue_token(Principal("customer", "u1"), SECRET, timedelta(minutes=5), now()).split(".")
    forged = f"{header}.{_part(claims(sub='u2'))}.{signature}"
    assert accepted_principal(forged, SECRET, time.time()) is None
    with pytest.raises(NotAuthenticated):
        decode_token(forged, SECRET)


@given(
    position=st.integers(min_value=0, max_value=200),
    replacement=st.sampled_from([*"AQgw_-+/=.", "==", " ", "\n", "%3D"]),
)
def test_a_token_respelled_anywhere_is_never_accepted_unless_pyjwt_accepts_it(position: int, replacement: str) -> None:
    """Base64 has several spellings of the same bytes; PyJWT takes only the canonical one, and so must we."""
    token = issue_token(Principal("customer", "u1"), SECRET, timedelta(minutes=5), now())
    at = position % (len(token) + 1)
    changed = token[:at] + replacement + token[at + 1 :]
    if accepted_principal(changed, SECRET, time.time()) is not None:
        assert decode_token(changed, SECRET) == Principal("customer", "u1")


@pytest.mark.parametrize("padding", ["=", "==", "====="])
def test_padding_or_the_standard_alphabet_is_declined(padding: str) -> None:
    token = issue_token(Principal("customer", "u1"), SECRET, timedelta(minutes=5), now())
    header, claims, signature = token.split(".")
    for variant in (f"{token}{padding}", f"{header}.{claims}.{signature.replace('-', '+').replace('_', '/')}"):
        if variant != token:
            assert accepted_principal(variant, SECRET, time.time()) is None


def test_the_same_signature_bytes_spelled_otherwise_are_declined() -> None:
    """The last character of a 32-byte signature carries two unused bits: flipping one keeps the bytes."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    token = issue_token(Principal("customer", "u1"), SECRET, timedelta(minutes=5), now())
    last = alphabet[alphabet.index(token[-1]) ^ 1]
    variant = token[:-1] + last
    assert base64.urlsafe_b64decode(variant.split(".")[2] + "=") == base64.urlsafe_b64decode(token.split(".")[2] + "=")
    assert accepted_principal(variant, SECRET, time.time()) is None
    with pytest.raises(NotAuthenticated):
        decode_token(variant, SECRET)
