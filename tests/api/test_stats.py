"""GET /api/stats and GET /api/evaluation/metrics (operators)."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from spendsense.config import Settings
from tests.api.conftest import Callers
from tests.api.factories import add_recommendations


class TestGetStats:
    def test_counts_customers_consent_and_recommendations(self, client: TestClient, callers: Callers, engine) -> None:
        callers.customer("alice")
        callers.customer("bob", consent=False)
        add_recommendations(engine, "alice")
        body = client.get("/api/stats", headers=callers.operator()).json()
        assert (body["users"], body["users_with_consent"]) == (2, 1)
        assert body["recommendations"] == {"approved": 5, "pending": 3}
        assert body["review_queue"] == 3

    def test_customers_get_403(self, client: TestClient, callers: Callers) -> None:
        assert client.get("/api/stats", headers=callers.customer("alice")).status_code == 403


class TestGetEvaluationMetrics:
    def test_before_any_evaluation_returns_404(self, client: TestClient, callers: Callers) -> None:
        response = client.get("/api/evaluation/metrics", headers=callers.operator())
        assert response.status_code == 404
        assert "spendsense eval" in response.json()["detail"]

    def test_returns_the_latest_report(self, client: TestClient, callers: Callers, settings: Settings) -> None:
        report = {
            "as_of": "2025-03-28",
            "users_total": 10,
            "users_evaluated": 9,
            "metrics": {"explainability": {"value": 1.0, "target": "100%", "passed": True, "detail": ""}},
            "fairness": [],
            "stored": {"ignored": True},
        }
        (settings.data_dir / "eval").mkdir()
        (settings.data_dir / "eval" / "metrics.json").write_text(json.dumps(report))
        body = client.get("/api/evaluation/metrics", headers=callers.operator()).json()
        assert body["users_evaluated"] == 9
        assert body["metrics"]["explainability"]["passed"] is True

    def test_an_unreadable_report_is_a_500_without_its_path(
        self, client: TestClient, callers: Callers, settings: Settings, engine: Engine
    ) -> None:
        (settings.data_dir / "eval").mkdir()
        (settings.data_dir / "eval" / "metrics.json").write_text("{not json")
        response = client.get("/api/evaluation/metrics", headers=callers.operator())
        assert response.status_code == 500
        assert str(settings.data_dir) not in response.text
