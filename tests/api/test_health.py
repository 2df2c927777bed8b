"""GET /api/health."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import Engine


class TestHealth:
    def test_reports_ok_and_the_store_kind_without_a_token(self, client: TestClient, engine: Engine) -> None:
        response = client.get("/api/health")
        assert response.status_code == 200
        assert response.json()["status"] == "ok"
        assert response.json()["database"] == engine.dialect.name
