"""Operator routes: the review queue, decisions, signals, traces and the audit log."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from spendsense.kit.clock import utcnow
from spendsense.kit.db import session_scope
from spendsense.models import PersonaAssignment
from spendsense.pipeline.run import run_pipeline
from tests.api.conftest import Callers
from tests.api.factories import add_card_holder, add_recommendations

PENDING = ("offer_balance_transfer_card", "offer_consolidation_loan", "offer_credit_counseling")


@pytest.fixture
def items(callers: Callers, engine: Engine) -> dict[str, str]:
    callers.customer("alice")
    return {item: rec_id for item, (rec_id, _) in add_recommendations(engine, "alice").items()}


@pytest.fixture
def ops(callers: Callers) -> dict[str, str]:
    return callers.operator("ops")


def decide(client: TestClient, ops, rec_id: str, action: str, **body: str):
    return client.post(f"/api/operator/recommendations/{rec_id}/{action}", json=body, headers=ops)


class TestReviewQueue:
    def test_lists_pending_offers_oldest_first_with_the_customer(self, client: TestClient, ops, items) -> None:
        body = client.get("/api/operator/review", headers=ops).json()
        assert {item["item_id"] for item in body["items"]} == set(PENDING)
        assert {item["user_id"] for item in body["items"]} == {"alice"}
        assert body["total"] == 3

    def test_filters_by_status(self, client: TestClient, ops, items) -> None:
        decide(client, ops, items["offer_credit_counseling"], "flag", reason="check the fee")
        flagged = client.get("/api/operator/review", params={"status": "flagged"}, headers=ops).json()
        assert [item["item_id"] for item in flagged["items"]] == ["offer_credit_counseling"]

    def test_filters_by_persona_of_the_items_window(self, client: TestClient, ops, items, engine: Engine) -> None:
        with session_scope(engine) as session:
            session.add(
                PersonaAssignment(
                    user_id="alice",
                    window="30d",
                    as_of=date(2026, 3, 31),
                    primary_persona="high_utilization",
                    personas=["high_utilization"],
                    trace=[],
                    computed_at=utcnow(),
                )
            )
        matching = client.get("/api/operator/review", params={"persona": "high_utilization"}, headers=ops).json()
        other = client.get("/api/operator/review", params={"persona": "savings_builder"}, headers=ops).json()
        assert matching["total"] == 3
        assert other["total"] == 0

    def test_an_unknown_status_filter_returns_422(self, client: TestClient, ops) -> None:
        assert client.get("/api/operator/review", params={"status": "approved"}, headers=ops).status_code == 422


class TestApprove:
    def test_makes_the_offer_visible_to_the_customer(self, client: TestClient, callers: Callers, ops, items) -> None:
        before = client.get("/api/recommendations/alice", headers=callers.token_headers("alice")).json()
        assert "offer_balance_transfer_card" not in {item["item_id"] for item in before["items"]}
        response = decide(client, ops, items["offer_balance_transfer_card"], "approve")
        assert response.json() == {
            "recommendation_id": items["offer_balance_transfer_card"],
            "action": "approve",
            "status": "approved",
            "replacement": None,
        }
        shown = client.get("/api/recommendations/alice", headers=callers.token_headers("alice")).json()
        assert "offer_balance_transfer_card" in {item["item_id"] for item in shown["items"]}

    def test_approving_twice_returns_409(self, client: TestClient, ops, items) -> None:
        decide(client, ops, items["offer_balance_transfer_card"], "approve")
        response = decide(client, ops, items["offer_balance_transfer_card"], "approve")
        assert response.status_code == 409
        assert response.json()["error"] == "invalid_transition"

    def test_unknown_recommendation_returns_404(self, client: TestClient, ops) -> None:
        assert decide(client, ops, "nope", "approve").status_code == 404


class TestReject:
    def test_records_the_operator_and_reason_in_the_audit_log(self, client: TestClient, ops, items) -> None:
        decide(client, ops, items["offer_consolidation_loan"], "reject", reason="rate too high for this profile")
        log = client.get("/api/operator/audit", headers=ops).json()["items"]
        assert (log[0]["actor"], log[0]["action"], log[0]["reason"]) == (
            "operator:ops",
            "reject",
            "rate too high for this profile",
        )

    def test_without_a_reason_returns_422(self, client: TestClient, ops, items) -> None:
        response = decide(client, ops, items["offer_consolidation_loan"], "reject")
        assert response.status_code == 422
        assert response.json()["error"] == "reason_required"


class TestFlag:
    def test_withholds_the_item(self, client: TestClient, ops, items) -> None:
        response = decide(client, ops, items["offer_credit_counseling"], "flag", reason="second look")
        assert response.json()["status"] == "flagged"


class TestOverride:
    def test_replaces_the_item_with_a_reviewed_catalog_item(self, client: TestClient, ops, items) -> None:
        response = decide(
            client,
            ops,
            items["offer_consolidation_loan"],
            "override",
            reason="education first",
            replacement_item_id="edu_talk_to_issuer",
        )
        assert response.status_code == 200
        body = response.json()
        assert body["status"] == "overridden"
        assert (body["replacement"]["item_id"], body["replacement"]["origin"]) == ("edu_talk_to_issuer", "operator")

    def test_a_replacement_that_fails_the_guardrails_returns_422(self, client: TestClient, ops, items) -> None:
        response = decide(
            client,
            ops,
            items["offer_consolidation_loan"],
            "override",
            reason="try this",
            replacement_item_id="offer_subscription_manager",
        )
        assert response.status_code == 422
        assert response.json()["error"] == "override_blocked"

    def test_without_a_replacement_returns_422_naming_the_field(self, client: TestClient, ops, items) -> None:
        response = decide(client, ops, items["offer_consolidation_loan"], "override", reason="x")
        assert response.json()["fields"][0]["path"] == "body.replacement_item_id"


class TestSignalsAndTraces:
    @pytest.fixture
    def computed(self, callers: Callers, engine: Engine, tmp_path: Path) -> None:
        callers.customer("alice")
        add_card_holder(engine, "alice")
        run_pipeline(engine, tmp_path / "pipeline", user_ids=["alice"])

    def test_signals_show_evidence_cards_and_streams(self, client: TestClient, ops, computed) -> None:
        body = client.get("/api/operator/signals/alice", headers=ops).json()
        window = body["windows"]["180d"]
        assert [card["limit_cents"] for card in window["cards"]] == [500_000]
        assert window["evidence"]
        assert any(stream["merchant_name"] == "Netflix" for stream in window["recurring_streams"])

    def test_traces_explain_personas_and_every_recommendation(self, client: TestClient, ops, computed) -> None:
        body = client.get("/api/operator/traces/alice", headers=ops).json()
        assert body["windows"]["30d"]["primary_persona"] == "high_utilization"
        assert body["windows"]["30d"]["trace"]
        assert body["recommendations"]
        assert all(item["trace"] for item in body["recommendations"])

    def test_customers_cannot_read_operator_views(self, client: TestClient, callers: Callers, computed) -> None:
        alice = callers.token_headers("alice")
        assert client.get("/api/operator/signals/alice", headers=alice).status_code == 403
        assert client.get("/api/operator/traces/alice", headers=alice).status_code == 403


class TestAuditLog:
    def test_newest_first_and_filtered_by_action(self, client: TestClient, ops, items) -> None:
        decide(client, ops, items["offer_consolidation_loan"], "reject", reason="no")
        decide(client, ops, items["offer_credit_counseling"], "flag", reason="look again")
        every = client.get("/api/operator/audit", headers=ops).json()
        rejects = client.get("/api/operator/audit", params={"action": "reject"}, headers=ops).json()
        assert [entry["action"] for entry in every["items"][:2]] == ["flag", "reject"]
        assert [entry["recommendation_id"] for entry in rejects["items"]] == [items["offer_consolidation_loan"]]
