"""An app over the `engine` fixture (SQLite and PostgreSQL), a TestClient, and tokens for each kind of caller."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from spendsense.api.app import create_app
from spendsense.api.state import ApiState
from spendsense.auth.tokens import Principal, issue_token
from spendsense.config import Settings
from spendsense.kit.clock import utcnow
from tests.api.factories import add_customer, add_operator

SECRET = "a-test-secret-that-is-long-enough-for-hs256-0123456789"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(environment="test", jwt_secret=SECRET, data_dir=tmp_path, cors_origins=["http://ui.example"])


@pytest.fixture
def app(engine: Engine, settings: Settings) -> FastAPI:
    return create_app(settings, engine)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@dataclass
class Callers:
    """Mints tokens the way login does, for callers whose rows the test wrote."""

    app: FastAPI
    engine: Engine

    def token(self, principal: Principal, ttl: timedelta = timedelta(minutes=5)) -> str:
        state: ApiState = self.app.state.spendsense
        return issue_token(principal, state.secret, ttl, utcnow())

    def customer(self, user_id: str, *, consent: bool = True) -> dict[str, str]:
        add_customer(self.engine, user_id, consent=consent)
        return bearer(self.token(Principal("customer", user_id)))

    def token_headers(self, user_id: str) -> dict[str, str]:
        """Headers for a customer whose rows already exist."""
        return bearer(self.token(Principal("customer", user_id)))

    def operator(self, name: str = "ops") -> dict[str, str]:
        add_operator(self.engine, name)
        return bearer(self.token(Principal("operator", name)))


@pytest.fixture
def callers(app: FastAPI, engine: Engine) -> Callers:
    return Callers(app, engine)
