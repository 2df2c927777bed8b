"""GET /api/recommendations/{user_id} and POST /api/feedback."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from tests.api.conftest import Callers
from tests.api.factories import add_recommendations

DISCLOSURE = "This is educational content, not financial advice. Consult a licensed advisor for personalized guidance."


@pytest.fixture
def items(callers: Callers, engine: Engine) -> dict[str, tuple[str, str]]:
    callers.customer("alice")
    return add_recommendations(engine, "alice")


class TestGetRecommendations:
    def test_shows_only_approved_items_with_rationale_and_disclosure(
        self, client: TestClient, callers: Callers, items
    ) -> None:
        body = client.get("/api/recommendations/alice", headers=callers.token_headers("alice")).json()
        approved = {item_id for item_id, (_, status) in items.items() if status == "approved"}
        assert {item["item_id"] for item in body["items"]} == approved
        assert all(item["disclosure"] == DISCLOSURE and item["rationale"] for item in body["items"])

    def test_a_dismissed_item_leaves_the_list(self, client: TestClient, callers: Callers, items) -> None:
        alice = callers.token_headers("alice")
        dismissed = items["edu_utilization_basics"][0]
        shown = client.get("/api/recommendations/alice", headers=alice).json()
        assert dismissed in {item["id"] for item in shown["items"]}
        feedback = {"recommendation_id": dismissed, "kind": "dismissed"}
        assert client.post("/api/feedback", json=feedback, headers=alice).status_code == 201
        body = client.get("/api/recommendations/alice", headers=alice).json()
        assert dismissed not in {item["id"] for item in body["items"]}

    def test_another_customer_gets_403(self, client: TestClient, callers: Callers, items) -> None:
        response = client.get("/api/recommendations/alice", headers=callers.customer("bob"))
        assert response.status_code == 403
        assert "items" not in response.json()

    def test_without_consent_returns_403(self, client: TestClient, callers: Callers, items) -> None:
        alice = callers.token_headers("alice")
        client.delete("/api/consent/alice", headers=alice)
        response = client.get("/api/recommendations/alice", headers=alice)
        assert response.status_code == 403
        assert response.json()["error"] == "consent_required"


class TestPostFeedback:
    def test_records_helpful_with_a_comment(self, client: TestClient, callers: Callers, items) -> None:
        body = {"recommendation_id": items["edu_card_interest"][0], "kind": "helpful", "comment": "clear"}
        response = client.post("/api/feedback", json=body, headers=callers.token_headers("alice"))
        assert response.status_code == 201
        assert (response.json()["kind"], response.json()["comment"]) == ("helpful", "clear")

    def test_feedback_on_another_customers_item_returns_404(self, client: TestClient, callers: Callers, items) -> None:
        body = {"recommendation_id": items["edu_card_interest"][0], "kind": "helpful"}
        response = client.post("/api/feedback", json=body, headers=callers.customer("bob"))
        assert response.status_code == 404

    def test_feedback_on_an_item_still_pending_returns_404(self, client: TestClient, callers: Callers, items) -> None:
        body = {"recommendation_id": items["offer_consolidation_loan"][0], "kind": "helpful"}
        assert client.post("/api/feedback", json=body, headers=callers.token_headers("alice")).status_code == 404

    def test_operators_cannot_send_feedback(self, client: TestClient, callers: Callers, items) -> None:
        body = {"recommendation_id": items["edu_card_interest"][0], "kind": "helpful"}
        assert client.post("/api/feedback", json=body, headers=callers.operator()).status_code == 403

    def test_unknown_kind_returns_422(self, client: TestClient, callers: Callers, items) -> None:
        body = {"recommendation_id": items["edu_card_interest"][0], "kind": "love_it"}
        response = client.post("/api/feedback", json=body, headers=callers.token_headers("alice"))
        assert response.status_code == 422
        assert response.json()["fields"][0]["path"] == "body.kind"
