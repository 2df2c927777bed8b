"""POST /api/auth/login and the token checks every protected route shares."""

from __future__ import annotations

from datetime import timedelta

import jwt
from fastapi.testclient import TestClient

from spendsense.auth.tokens import Principal
from tests.api.conftest import Callers, bearer
from tests.api.factories import PASSWORD, add_customer, add_operator


class TestLogin:
    def test_customer_password_returns_a_token_for_their_data(self, client: TestClient, engine) -> None:
        add_customer(engine, "alice")
        response = client.post("/api/auth/login", json={"username": "alice", "password": PASSWORD})
        assert response.status_code == 200
        body = response.json()
        assert (body["role"], body["subject"], body["token_type"]) == ("customer", "alice", "bearer")
        consent = client.get("/api/consent/alice", headers=bearer(body["access_token"]))
        assert consent.status_code == 200

    def test_operator_password_returns_an_operator_token(self, client: TestClient, engine) -> None:
        add_operator(engine, "ops")
        body = {"username": "ops", "password": PASSWORD, "role": "operator"}
        response = client.post("/api/auth/login", json=body)
        assert response.status_code == 200
        users = client.get("/api/users", headers=bearer(response.json()["access_token"]))
        assert users.status_code == 200

    def test_wrong_password_returns_401(self, client: TestClient, engine) -> None:
        add_customer(engine, "alice")
        response = client.post("/api/auth/login", json={"username": "alice", "password": "not the password"})
        assert response.status_code == 401
        assert response.json()["error"] == "invalid_credentials"

    def test_unknown_user_gets_the_same_answer_as_a_wrong_password(self, client: TestClient, engine) -> None:
        add_customer(engine, "alice")
        wrong = client.post("/api/auth/login", json={"username": "alice", "password": "not the password"})
        unknown = client.post("/api/auth/login", json={"username": "nobody", "password": PASSWORD})
        assert unknown.status_code == 401
        assert unknown.json() == wrong.json()

    def test_customer_cannot_log_in_as_operator(self, client: TestClient, engine) -> None:
        add_customer(engine, "alice")
        body = {"username": "alice", "password": PASSWORD, "role": "operator"}
        assert client.post("/api/auth/login", json=body).status_code == 401

    def test_missing_field_returns_422_with_its_path(self, client: TestClient) -> None:
        response = client.post("/api/auth/login", json={"username": "alice"})
        assert response.status_code == 422
        assert response.json()["fields"][0]["path"] == "body.password"


class TestTokens:
    def test_no_token_returns_401(self, client: TestClient) -> None:
        response = client.get("/api/users")
        assert response.status_code == 401
        assert response.json()["error"] == "not_authenticated"

    def test_expired_token_returns_401(self, client: TestClient, callers: Callers) -> None:
        callers.operator("ops")
        expired = callers.token(Principal("operator", "ops"), ttl=timedelta(seconds=-1))
        response = client.get("/api/users", headers=bearer(expired))
        assert response.status_code == 401
        assert "expired" in response.json()["detail"]

    def test_token_signed_with_another_secret_returns_401(self, client: TestClient, callers: Callers) -> None:
        callers.operator("ops")
        forged = jwt.encode(
            {"sub": "ops", "role": "operator", "iss": "spendsense", "aud": "spendsense-api", "iat": 0, "exp": 2**40},
            "another-secret-that-is-also-long-enough-0123456789",
            algorithm="HS256",
        )
        assert client.get("/api/users", headers=bearer(forged)).status_code == 401

    def test_unsigned_token_returns_401(self, client: TestClient, callers: Callers) -> None:
        callers.operator("ops")
        claims = {"sub": "ops", "role": "operator", "iss": "spendsense", "aud": "spendsense-api", "iat": 0}
        unsigned = jwt.encode({**claims, "exp": 2**40}, None, algorithm="none")
        assert client.get("/api/users", headers=bearer(unsigned)).status_code == 401

    def test_removed_operator_token_returns_401(self, client: TestClient, callers: Callers) -> None:
        token = callers.token(Principal("operator", "ghost"))
        assert client.get("/api/users", headers=bearer(token)).status_code == 401

    def test_customer_token_on_operator_route_returns_403(self, client: TestClient, callers: Callers) -> None:
        response = client.get("/api/users", headers=callers.customer("alice"))
        assert response.status_code == 403
        assert response.json()["error"] == "forbidden"
