"""/ws: live events. An operator sees every event; a customer only their own."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from starlette.websockets import WebSocketDisconnect

from spendsense.auth.tokens import Principal
from tests.api.conftest import Callers
from tests.api.factories import add_recommendations

# A guard against a hang when an event never comes; no test measures time.
GUARD_SECONDS = 20


def next_event(connection: Any) -> dict[str, Any]:
    box: list[dict[str, Any]] = []
    worker = threading.Thread(target=lambda: box.append(connection.receive_json()), daemon=True)
    worker.start()
    worker.join(GUARD_SECONDS)
    assert box, "no event arrived"
    return box[0]


def token_of(headers: dict[str, str]) -> str:
    return headers["Authorization"].removeprefix("Bearer ")


@pytest.fixture
def offers(callers: Callers, engine: Engine) -> dict[str, tuple[str, str]]:
    callers.customer("alice")
    return add_recommendations(engine, "alice")


def connect(client: TestClient, headers: dict[str, str]):
    return client.websocket_connect(f"/ws?token={token_of(headers)}")


class TestLiveEvents:
    def test_operator_sees_a_review_arrive(self, client: TestClient, callers: Callers, offers) -> None:
        watcher, reviewer = callers.operator("watcher"), callers.operator("reviewer")
        offer_id = offers["offer_balance_transfer_card"][0]
        with connect(client, watcher) as live:
            assert next_event(live) == {"type": "ready", "role": "operator", "subject": "watcher"}
            response = client.post(f"/api/operator/recommendations/{offer_id}/approve", json={}, headers=reviewer)
            assert response.status_code == 200
            event = next_event(live)
        assert (event["type"], event["user_id"]) == ("recommendation.reviewed", "alice")
        assert event["data"] == {"recommendation_id": offer_id, "action": "approve", "status": "approved"}

    def test_customer_never_sees_another_customers_event(self, client: TestClient, callers: Callers) -> None:
        alice, bob = callers.customer("alice"), callers.customer("bob")
        with connect(client, alice) as live:
            next_event(live)  # ready
            assert client.delete("/api/consent/bob", headers=bob).status_code == 200
            assert client.delete("/api/consent/alice", headers=alice).status_code == 200
            # Events arrive in order: had bob's reached alice, it would come first.
            event = next_event(live)
        assert (event["type"], event["user_id"], event["data"]) == ("consent.changed", "alice", {"granted": False})

    def test_customer_sees_the_review_of_their_own_item(self, client: TestClient, callers: Callers, offers) -> None:
        alice = callers.token(Principal("customer", "alice"))
        offer_id = offers["offer_credit_counseling"][0]
        with client.websocket_connect(f"/ws?token={alice}") as live:
            next_event(live)
            body = {"reason": "not a fit right now"}
            client.post(f"/api/operator/recommendations/{offer_id}/reject", json=body, headers=callers.operator())
            event = next_event(live)
        assert event["data"]["status"] == "rejected"

    def test_feedback_reaches_operators(self, client: TestClient, callers: Callers, offers) -> None:
        approved = offers["edu_utilization_basics"][0]
        alice = {"Authorization": f"Bearer {callers.token(Principal('customer', 'alice'))}"}
        with connect(client, callers.operator()) as live:
            next_event(live)
            body = {"recommendation_id": approved, "kind": "helpful"}
            assert client.post("/api/feedback", json=body, headers=alice).status_code == 201
            event = next_event(live)
        assert (event["type"], event["data"]) == (
            "feedback.received",
            {"recommendation_id": approved, "kind": "helpful"},
        )

    def test_a_refused_change_announces_nothing(self, client: TestClient, callers: Callers, offers) -> None:
        operator = callers.operator()
        already_approved, pending = offers["edu_utilization_basics"][0], offers["offer_consolidation_loan"][0]
        with connect(client, operator) as live:
            next_event(live)
            refused = client.post(
                f"/api/operator/recommendations/{already_approved}/approve", json={}, headers=operator
            )
            assert refused.status_code == 409
            client.post(f"/api/operator/recommendations/{pending}/flag", json={"reason": "check"}, headers=operator)
            event = next_event(live)
        assert event["data"]["recommendation_id"] == pending


class TestConnect:
    def test_without_a_token_the_connection_is_refused(self, client: TestClient) -> None:
        with pytest.raises(WebSocketDisconnect) as closed, client.websocket_connect("/ws"):
            pass
        assert closed.value.code == 1008

    def test_a_forged_token_is_refused(self, client: TestClient) -> None:
        with pytest.raises(WebSocketDisconnect) as closed, client.websocket_connect("/ws?token=not.a.token"):
            pass
        assert closed.value.code == 1008

    def test_a_removed_operators_token_is_refused(self, client: TestClient, callers: Callers) -> None:
        ghost = callers.token(Principal("operator", "ghost"))
        with pytest.raises(WebSocketDisconnect) as closed, client.websocket_connect(f"/ws?token={ghost}"):
            pass
        assert closed.value.code == 1008
