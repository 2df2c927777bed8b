"""POST /api/consent, DELETE /api/consent/{user_id}, GET /api/consent/{user_id}."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import Callers


class TestGrantConsent:
    def test_customer_opts_in_and_the_history_records_who(self, client: TestClient, callers: Callers) -> None:
        headers = callers.customer("alice", consent=False)
        response = client.post("/api/consent", json={"user_id": "alice", "note": "on the web"}, headers=headers)
        assert response.status_code == 200
        body = response.json()
        assert body["granted"] is True
        assert body["history"][-1] | {"at": None} == {
            "at": None,
            "action": "grant",
            "source": "api",
            "actor": "customer:alice",
            "note": "on the web",
        }

    def test_customer_cannot_consent_for_someone_else(self, client: TestClient, callers: Callers) -> None:
        callers.customer("bob", consent=False)
        response = client.post("/api/consent", json={"user_id": "bob"}, headers=callers.customer("alice"))
        assert response.status_code == 403

    def test_operator_records_consent_for_an_unknown_user_gets_404(self, client: TestClient, callers: Callers) -> None:
        response = client.post("/api/consent", json={"user_id": "nobody"}, headers=callers.operator())
        assert response.status_code == 404


class TestRevokeConsent:
    def test_revoking_stops_access_to_the_data(self, client: TestClient, callers: Callers) -> None:
        headers = callers.customer("alice")
        assert client.get("/api/users/alice/transactions", headers=headers).status_code == 200
        response = client.delete("/api/consent/alice", params={"note": "changed my mind"}, headers=headers)
        assert response.status_code == 200
        assert response.json()["granted"] is False
        blocked = client.get("/api/users/alice/transactions", headers=headers)
        assert blocked.status_code == 403
        assert blocked.json()["error"] == "consent_required"

    def test_another_customer_cannot_revoke(self, client: TestClient, callers: Callers) -> None:
        callers.customer("bob")
        response = client.delete("/api/consent/bob", headers=callers.customer("alice"))
        assert response.status_code == 403


class TestGetConsent:
    def test_shows_state_and_full_history_without_consent(self, client: TestClient, callers: Callers) -> None:
        headers = callers.customer("alice")
        client.delete("/api/consent/alice", headers=headers)
        response = client.get("/api/consent/alice", headers=headers)
        assert response.status_code == 200
        assert [event["action"] for event in response.json()["history"]] == ["grant", "revoke"]

    def test_operator_reads_any_customer(self, client: TestClient, callers: Callers) -> None:
        callers.customer("alice", consent=False)
        response = client.get("/api/consent/alice", headers=callers.operator())
        assert response.status_code == 200
        assert response.json()["granted"] is False
