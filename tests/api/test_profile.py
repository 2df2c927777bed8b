"""GET /api/profile/{user_id}."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from spendsense.pipeline.run import run_pipeline
from tests.api.conftest import Callers
from tests.api.factories import add_card_holder


@pytest.fixture
def alice(callers: Callers, engine: Engine, tmp_path: Path) -> dict[str, str]:
    headers = callers.customer("alice")
    add_card_holder(engine, "alice")
    run_pipeline(engine, tmp_path / "pipeline", user_ids=["alice"])
    return headers


class TestGetProfile:
    def test_shows_accounts_signals_and_personas_for_both_windows(self, client: TestClient, alice) -> None:
        response = client.get("/api/profile/alice", headers=alice)
        assert response.status_code == 200
        body = response.json()
        assert sorted(account["account_id"] for account in body["accounts"]) == ["alice-chk", "alice-visa"]
        assert set(body["windows"]) == {"30d", "180d"}
        for window in body["windows"].values():
            assert window["primary_persona"] == "high_utilization"
            assert window["signals"]["max_utilization"] == pytest.approx(0.68)
            assert window["as_of"] == "2025-03-28"

    def test_before_any_computation_the_windows_are_empty(self, client: TestClient, callers: Callers) -> None:
        response = client.get("/api/profile/bob", headers=callers.customer("bob"))
        assert response.status_code == 200
        assert response.json()["windows"]["30d"] == {
            "as_of": None,
            "signals": {},
            "primary_persona": None,
            "personas": [],
        }

    def test_without_consent_returns_403(self, client: TestClient, callers: Callers) -> None:
        response = client.get("/api/profile/carol", headers=callers.customer("carol", consent=False))
        assert response.status_code == 403
        assert response.json()["error"] == "consent_required"

    def test_another_customer_gets_403(self, client: TestClient, callers: Callers, alice) -> None:
        response = client.get("/api/profile/alice", headers=callers.customer("bob"))
        assert response.status_code == 403
        assert "windows" not in response.json()
