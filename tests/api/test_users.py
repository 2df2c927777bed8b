"""POST /api/users and GET /api/users (operator only)."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from spendsense.kit.clock import utcnow
from spendsense.kit.db import session_scope
from spendsense.models import PersonaAssignment
from tests.api.conftest import Callers

NEW = {"user_id": "cust_1001", "name": "Alex Example", "email": "alex@example.com", "password": "a long passphrase"}


def assign(engine: Engine, user_id: str, window: str, persona: str | None) -> None:
    with session_scope(engine) as session:
        session.add(
            PersonaAssignment(
                user_id=user_id,
                window=window,
                as_of=date(2025, 1, 31),
                primary_persona=persona,
                personas=[persona] if persona else [],
                trace=[],
                computed_at=utcnow(),
            )
        )


class TestCreateUser:
    def test_operator_creates_a_customer_who_can_then_log_in(self, client: TestClient, callers: Callers) -> None:
        response = client.post("/api/users", json=NEW, headers=callers.operator())
        assert response.status_code == 201
        assert response.json()["consent_granted"] is False
        login = client.post("/api/auth/login", json={"username": "cust_1001", "password": "a long passphrase"})
        assert login.status_code == 200

    def test_existing_user_id_returns_409(self, client: TestClient, callers: Callers) -> None:
        headers = callers.operator()
        client.post("/api/users", json=NEW, headers=headers)
        response = client.post("/api/users", json={**NEW, "name": "Someone Else"}, headers=headers)
        assert response.status_code == 409
        assert response.json()["error"] == "user_exists"

    def test_short_password_returns_422_naming_the_field(self, client: TestClient, callers: Callers) -> None:
        response = client.post("/api/users", json={**NEW, "password": "short"}, headers=callers.operator())
        assert response.status_code == 422
        assert [field["path"] for field in response.json()["fields"]] == ["body.password"]

    def test_customer_cannot_create_users(self, client: TestClient, callers: Callers) -> None:
        response = client.post("/api/users", json=NEW, headers=callers.customer("alice"))
        assert response.status_code == 403


class TestListUsers:
    def test_pages_through_customers_in_id_order(self, client: TestClient, callers: Callers) -> None:
        for user_id in ("c", "a", "b"):
            callers.customer(user_id)
        headers = callers.operator()
        first = client.get("/api/users", params={"limit": 2}, headers=headers).json()
        second = client.get("/api/users", params={"limit": 2, "offset": 2}, headers=headers).json()
        assert [u["user_id"] for u in first["items"]] == ["a", "b"]
        assert [u["user_id"] for u in second["items"]] == ["c"]
        assert first["total"] == 3

    def test_filters_by_primary_persona_of_the_window(self, client: TestClient, callers: Callers, engine) -> None:
        callers.customer("a")
        callers.customer("b")
        assign(engine, "a", "30d", "high_utilization")
        assign(engine, "b", "30d", "savings_builder")
        assign(engine, "b", "180d", "high_utilization")
        headers = callers.operator()
        in_30d = client.get("/api/users", params={"persona": "high_utilization"}, headers=headers).json()
        in_180d = client.get(
            "/api/users", params={"persona": "high_utilization", "window": "180d"}, headers=headers
        ).json()
        assert [u["user_id"] for u in in_30d["items"]] == ["a"]
        assert [u["user_id"] for u in in_180d["items"]] == ["b"]
        assert in_180d["items"][0]["persona_30d"] == "savings_builder"

    def test_none_finds_customers_without_a_persona(self, client: TestClient, callers: Callers, engine) -> None:
        callers.customer("a")
        callers.customer("b")
        assign(engine, "a", "30d", "high_utilization")
        response = client.get("/api/users", params={"persona": "none"}, headers=callers.operator())
        assert [u["user_id"] for u in response.json()["items"]] == ["b"]

    def test_unknown_persona_returns_422(self, client: TestClient, callers: Callers) -> None:
        response = client.get("/api/users", params={"persona": "big_spender"}, headers=callers.operator())
        assert response.status_code == 422

    def test_limit_above_the_maximum_returns_422(self, client: TestClient, callers: Callers) -> None:
        response = client.get("/api/users", params={"limit": 10_000}, headers=callers.operator())
        assert response.status_code == 422
        assert response.json()["fields"][0]["path"] == "query.limit"
