"""POST /api/users/{user_id}/plaid: validated all-or-nothing, kept as received, then recomputed."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select

from spendsense.kit.db import session_scope
from spendsense.models import Account, PersonaAssignment, RawPayload
from tests.api.conftest import Callers
from tests.conftest import PLAID_FIXTURES

EXAMPLES = PLAID_FIXTURES / "openapi-examples"


def count(engine: Engine, model: type) -> int:
    with session_scope(engine) as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def post(client: TestClient, headers: dict[str, str], content: bytes, user_id: str = "alice"):
    return client.post(
        f"/api/users/{user_id}/plaid", content=content, headers=headers | {"Content-Type": "application/json"}
    )


class TestIngestPlaid:
    def test_stores_accounts_keeps_the_bytes_and_recomputes(self, client: TestClient, callers: Callers, engine) -> None:
        raw = (EXAMPLES / "accounts_get_example-1.json").read_bytes()
        transactions = (EXAMPLES / "transactions_get_example-1.json").read_bytes()
        headers = callers.customer("alice")
        first = post(client, headers, raw)
        assert first.status_code == 200
        assert first.json()["rows"]["accounts"] == count(engine, Account) == 3
        second = post(client, headers, transactions)
        assert second.status_code == 200
        with session_scope(engine) as session:
            kept = session.scalars(select(RawPayload.body).order_by(RawPayload.id)).first()
            windows = set(session.scalars(select(PersonaAssignment.window).where(PersonaAssignment.user_id == "alice")))
        assert kept == raw.decode()
        assert windows == {"30d", "180d"}
        assert set(second.json()["personas"]) == {"30d", "180d"}

    def test_the_same_bytes_twice_are_stored_once(self, client: TestClient, callers: Callers) -> None:
        raw = (EXAMPLES / "accounts_get_example-1.json").read_bytes()
        headers = callers.customer("alice")
        post(client, headers, raw)
        again = post(client, headers, raw).json()
        assert (again["payloads_stored"], again["payloads_skipped"]) == (0, 1)

    def test_an_invalid_field_rejects_the_whole_body_and_names_it(
        self, client: TestClient, callers: Callers, engine
    ) -> None:
        body = json.loads((EXAMPLES / "accounts_get_example-1.json").read_text())
        body["accounts"][1]["balances"]["current"] = "a lot"
        response = post(client, callers.customer("alice"), json.dumps(body).encode())
        assert response.status_code == 422
        assert response.json()["error"] == "ingest_rejected"
        fields = [problem["field"] for problem in response.json()["context"]["problems"]]
        assert any(field and field.startswith("accounts[1].balances.current") for field in fields)
        assert (count(engine, Account), count(engine, RawPayload)) == (0, 0)

    @pytest.mark.parametrize("content", [b"not json", b"[1, 2]", b"{}", "\u00e9".encode("latin-1")])
    def test_anything_but_a_plaid_body_returns_422(self, client: TestClient, callers: Callers, content) -> None:
        response = post(client, callers.customer("alice"), content)
        assert response.status_code == 422
        assert response.json()["error"] == "ingest_rejected"

    def test_without_consent_returns_403_and_stores_nothing(self, client: TestClient, callers: Callers, engine) -> None:
        raw = (EXAMPLES / "accounts_get_example-1.json").read_bytes()
        response = post(client, callers.customer("carol", consent=False), raw, "carol")
        assert response.status_code == 403
        assert count(engine, RawPayload) == 0

    def test_another_customer_gets_403(self, client: TestClient, callers: Callers) -> None:
        callers.customer("alice")
        raw = (EXAMPLES / "accounts_get_example-1.json").read_bytes()
        assert post(client, callers.customer("bob"), raw).status_code == 403

    def test_the_customer_hears_that_recommendations_changed(self, client: TestClient, callers: Callers) -> None:
        headers = callers.customer("alice")
        token = headers["Authorization"].removeprefix("Bearer ")
        raw = (EXAMPLES / "accounts_get_example-1.json").read_bytes()
        with client.websocket_connect(f"/ws?token={token}") as live:
            live.receive_json()  # ready
            post(client, headers, raw)
            event = live.receive_json()
        assert (event["type"], event["user_id"]) == ("recommendations.updated", "alice")
