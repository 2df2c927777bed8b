"""JWTs: what they carry and every way a token is refused."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import jwt
import pytest

from spendsense.auth import tokens
from spendsense.auth.errors import NotAuthenticated
from spendsense.auth.tokens import Principal, decode_token, issue_token

SECRET = "a-test-secret-that-is-long-enough-for-hs256-0123456789"
NOW = datetime.now(UTC)  # tokens are checked against the real clock by PyJWT


def claims(**overrides: object) -> dict[str, object]:
    base: dict[str, object] = {
        "iss": "spendsense",
        "aud": "spendsense-api",
        "sub": "alice",
        "role": "customer",
        "iat": NOW,
        "exp": NOW + timedelta(minutes=5),
    }
    return {key: value for key, value in {**base, **overrides}.items() if value is not None}


class TestIssueAndDecode:
    def test_round_trip_keeps_role_and_subject(self) -> None:
        token = issue_token(Principal("operator", "ops"), SECRET, timedelta(minutes=5), NOW)
        assert decode_token(token, SECRET) == Principal("operator", "ops")

    def test_the_token_is_hs256_with_expiry(self) -> None:
        token = issue_token(Principal("customer", "alice"), SECRET, timedelta(minutes=5), NOW)
        assert jwt.get_unverified_header(token)["alg"] == "HS256"
        assert set(jwt.decode(token, options={"verify_signature": False})) == {
            "iss",
            "aud",
            "sub",
            "role",
            "iat",
            "exp",
        }


class TestRefused:
    @pytest.mark.parametrize(
        "bad",
        [
            claims(exp=NOW - timedelta(seconds=1)),
            claims(role="admin"),
            claims(role=None),
            claims(sub=None),
            claims(aud="another-api"),
            claims(iss="someone-else"),
            claims(exp=None),
        ],
        ids=["expired", "unknown-role", "no-role", "no-subject", "wrong-audience", "wrong-issuer", "no-expiry"],
    )
    def test_invalid_claims(self, bad: dict[str, object]) -> None:
        with pytest.raises(NotAuthenticated):
            decode_token(jwt.encode(bad, SECRET, algorithm="HS256"), SECRET)

    def test_another_secret(self) -> None:
        token = jwt.encode(claims(), "another-secret-that-is-also-long-enough-0123456789", algorithm="HS256")
        with pytest.raises(NotAuthenticated):
            decode_token(token, SECRET)

    def test_the_none_algorithm(self) -> None:
        with pytest.raises(NotAuthenticated):
            decode_token(jwt.encode(claims(), None, algorithm="none"), SECRET)

    def test_garbage(self) -> None:
        with pytest.raises(NotAuthenticated):
            decode_token("not a token", SECRET)


class TestPrincipal:
    def test_a_customer_reads_only_their_own_data_and_an_operator_everyone(self) -> None:
        assert Principal("customer", "alice").may_read("alice")
        assert not Principal("customer", "alice").may_read("bob")
        assert Principal("operator", "ops").may_read("bob")


class TestVerifiedTokenCache:
    def test_a_token_seen_before_still_expires(self, monkeypatch: pytest.MonkeyPatch) -> None:
        token = issue_token(Principal("customer", "alice"), SECRET, timedelta(minutes=1), datetime.now(UTC))
        assert decode_token(token, SECRET).subject == "alice"
        later = time.time() + 120
        monkeypatch.setattr(tokens.time, "time", lambda: later)
        with pytest.raises(NotAuthenticated, match="expired"):
            decode_token(token, SECRET)
