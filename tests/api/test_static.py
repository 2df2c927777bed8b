"""The built web UI served beside the API (spendsense.api.static)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from spendsense.api.static import mount_web

INDEX = "<!doctype html><title>SpendSense</title>"


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text(INDEX, encoding="utf-8")
    (tmp_path / "assets" / "app-1234.js").write_text("console.log('app')", encoding="utf-8")
    return tmp_path


def _app(dist: Path) -> tuple[FastAPI, bool]:
    app = FastAPI()

    @app.get("/api/ping")
    def ping() -> dict[str, str]:
        return {"pong": "yes"}

    @app.post("/api/login")
    def login() -> dict[str, str]:
        return {}

    return app, mount_web(app, dist)


class TestMountWeb:
    def test_serves_index_at_the_root(self, dist: Path) -> None:
        app, mounted = _app(dist)
        response = TestClient(app).get("/")
        assert mounted
        assert response.status_code == 200
        assert response.text == INDEX

    def test_serves_built_files(self, dist: Path) -> None:
        response = TestClient(_app(dist)[0]).get("/assets/app-1234.js")
        assert response.status_code == 200
        assert "console.log" in response.text

    def test_app_paths_fall_back_to_index(self, dist: Path) -> None:
        response = TestClient(_app(dist)[0]).get("/customers/user_0001/insights")
        assert response.status_code == 200
        assert response.text == INDEX
        assert response.headers["cache-control"] == "no-cache"

    def test_api_paths_are_left_to_the_api(self, dist: Path) -> None:
        client = TestClient(_app(dist)[0])
        assert client.get("/api/ping").json() == {"pong": "yes"}
        assert client.get("/api/nothing-here").status_code == 404
        assert client.get("/api/login").status_code == 405
        assert client.get("/openapi.json").json()["paths"].keys() == {"/api/ping", "/api/login"}

    def test_leaves_the_route_table_alone(self, dist: Path) -> None:
        app, _ = _app(dist)
        assert [getattr(route, "path", None) for route in app.routes][-2:] == ["/api/ping", "/api/login"]

    def test_without_a_build_nothing_is_served(self, tmp_path: Path) -> None:
        app, mounted = _app(tmp_path)
        assert not mounted
        assert TestClient(app).get("/").status_code == 404
