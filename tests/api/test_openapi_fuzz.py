"""Schemathesis against the app's own OpenAPI schema: whatever it sends, the API never answers 5xx.

Runs on SQLite with a customer who has data (the schema's example user id) and an operator,
whose token every request carries, so the fuzzing reaches past authentication.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import schemathesis
from argon2 import PasswordHasher
from hypothesis import HealthCheck, settings
from sqlalchemy import Engine

from spendsense.api.app import create_app
from spendsense.api.deps import EXAMPLE_USER_ID
from spendsense.auth import passwords
from spendsense.auth.service import set_customer_password, set_operator_password
from spendsense.auth.tokens import Principal
from spendsense.config import Settings
from spendsense.kit.db import make_engine, session_scope
from tests.api.conftest import SECRET, Callers, bearer
from tests.api.factories import PASSWORD, add_account, add_recommendations, add_transactions, monthly_rows

# Bounded so the whole run stays well under a minute on two cores.
EXAMPLES_PER_OPERATION = 25


@pytest.fixture
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fast argon2 parameters: the fuzzer logs in and creates users hundreds of times (hashing has its own tests)."""
    cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(passwords, "_hasher", cheap)
    dummy = cheap.hash("no such login")
    monkeypatch.setattr(passwords, "_dummy_hash", lambda: dummy)


@pytest.fixture
def fuzz_app(sqlite_engine: Engine, tmp_path: Path, cheap_hashing: None):
    app = create_app(Settings(environment="test", jwt_secret=SECRET, data_dir=tmp_path), sqlite_engine)
    callers = Callers(app, sqlite_engine)
    callers.customer(EXAMPLE_USER_ID)
    with session_scope(sqlite_engine) as session:
        set_customer_password(session, EXAMPLE_USER_ID, PASSWORD)
    add_account(sqlite_engine, EXAMPLE_USER_ID, "fuzz-checking")
    rows = monthly_rows(date(2025, 1, 3), 12, "groceries", amount_cents=5_400, pfc_primary="FOOD_AND_DRINK")
    add_transactions(sqlite_engine, EXAMPLE_USER_ID, "fuzz-checking", rows)
    add_recommendations(sqlite_engine, EXAMPLE_USER_ID)
    with session_scope(sqlite_engine) as session:
        set_operator_password(session, "ops", PASSWORD)
    app.state.fuzz_headers = bearer(callers.token(Principal("operator", "ops")))
    return app


# The schema comes from the app's own /openapi.json; each test then calls an app over its fresh store.
schema = schemathesis.openapi.from_asgi(
    "/openapi.json", create_app(Settings(environment="test", jwt_secret=SECRET), engine=make_engine("sqlite://"))
)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_no_operation_answers_5xx(case, fuzz_app) -> None:
    response = case.call(app=fuzz_app, headers=fuzz_app.state.fuzz_headers)
    assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.status_code} {response.text}"
    body = response.json() if response.content else {}
    if response.status_code >= 400:
        assert {"error", "detail"} <= set(body), "every error has the one error shape"
