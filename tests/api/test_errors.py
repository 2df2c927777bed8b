"""One error shape everywhere, no tracebacks, and CORS from the settings."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.api.conftest import Callers


class TestErrorShape:
    def test_unknown_route_returns_404_in_the_error_shape(self, client: TestClient) -> None:
        response = client.get("/api/nothing-here")
        assert response.status_code == 404
        assert response.json() == {"error": "not_found", "detail": "Not Found"}

    def test_wrong_method_returns_405_in_the_error_shape(self, client: TestClient) -> None:
        response = client.delete("/api/health")
        assert response.status_code == 405
        assert response.json()["error"] == "method_not_allowed"

    def test_malformed_json_returns_422(self, client: TestClient) -> None:
        response = client.post("/api/auth/login", content=b"{", headers={"Content-Type": "application/json"})
        assert response.status_code == 422
        assert response.json()["error"] == "invalid_input"

    def test_an_unexpected_failure_is_a_generic_500_without_a_traceback(self, app: FastAPI) -> None:
        @app.get("/api/boom")
        def boom() -> None:
            raise RuntimeError("secret internals at /srv/app.py line 3")

        with TestClient(app, raise_server_exceptions=False) as client:
            response = client.get("/api/boom")
        assert response.status_code == 500
        assert response.json() == {
            "error": "internal_error",
            "detail": "something went wrong on our side; it has been logged",
        }

    def test_a_body_over_the_limit_returns_413(self, client: TestClient, callers: Callers) -> None:
        huge = b"{" + b" " * (16 * 1024 * 1024) + b"}"
        response = client.post(
            "/api/users/alice/plaid",
            content=huge,
            headers=callers.customer("alice") | {"Content-Type": "application/json"},
        )
        assert response.status_code == 413
        assert response.json()["error"] == "payload_too_large"


class TestCors:
    def test_a_configured_origin_is_allowed(self, client: TestClient) -> None:
        response = client.get("/api/health", headers={"Origin": "http://ui.example"})
        assert response.headers["access-control-allow-origin"] == "http://ui.example"

    def test_another_origin_gets_no_cors_header(self, client: TestClient) -> None:
        response = client.get("/api/health", headers={"Origin": "http://evil.example"})
        assert "access-control-allow-origin" not in response.headers
