"""Every route of the app, from its own route table, called by four callers.

No token -> 401. Another customer's token -> 403 or 404, never data. The owner's token and
an operator's token -> what the route's access class says. A route added to the app and
not listed in REQUESTS below fails `test_every_route_is_listed`, so none can escape.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocketDisconnect

from spendsense.api.app import create_app
from spendsense.config import Settings
from spendsense.kit.db import make_engine
from tests.api.conftest import SECRET, Callers
from tests.api.factories import add_account, add_recommendations, add_transactions, monthly_rows
from tests.conftest import PLAID_FIXTURES

OWNER, OTHER = "alice", "bob"
OK, DENIED, NO_TOKEN = range(200, 300), {403, 404}, {401}
# Who may call: customer data (the owner or any operator), operators only, the owning customer only.
CUSTOMER_DATA = {"none": NO_TOKEN, "other": DENIED, "owner": OK, "operator": OK}
OPERATOR_ONLY = {"none": NO_TOKEN, "other": {403}, "owner": {403}, "operator": OK}
CUSTOMER_ONLY = {"none": NO_TOKEN, "other": DENIED, "owner": OK, "operator": {403}}
PUBLIC = {
    ("GET", "/api/health"),
    ("POST", "/api/auth/login"),
    ("GET", "/openapi.json"),
    ("GET", "/docs"),
    ("GET", "/docs/oauth2-redirect"),
    ("GET", "/redoc"),
}
PENDING_OFFER = "offer_consolidation_loan"


@dataclass(frozen=True)
class Call:
    access: dict[str, Any]
    json: dict[str, Any] | None = None
    content_file: Path | None = None
    params: dict[str, str] = field(default_factory=dict)


DECISION = Call(OPERATOR_ONLY, json={"reason": "checked against the persona"})
REQUESTS: dict[tuple[str, str], Call] = {
    ("POST", "/api/users"): Call(
        OPERATOR_ONLY, json={"user_id": "carol", "name": "Carol Example", "password": "a long passphrase"}
    ),
    ("GET", "/api/users"): Call(OPERATOR_ONLY),
    ("POST", "/api/users/{user_id}/plaid"): Call(
        CUSTOMER_DATA, content_file=PLAID_FIXTURES / "openapi-examples" / "accounts_get_example-1.json"
    ),
    ("POST", "/api/consent"): Call(CUSTOMER_DATA, json={"user_id": OWNER}),
    ("DELETE", "/api/consent/{user_id}"): Call(CUSTOMER_DATA),
    ("GET", "/api/consent/{user_id}"): Call(CUSTOMER_DATA),
    ("GET", "/api/profile/{user_id}"): Call(CUSTOMER_DATA),
    ("GET", "/api/recommendations/{user_id}"): Call(CUSTOMER_DATA),
    ("POST", "/api/feedback"): Call(CUSTOMER_ONLY, json={"recommendation_id": "{approved}", "kind": "helpful"}),
    ("GET", "/api/users/{user_id}/transactions"): Call(CUSTOMER_DATA, params={"q": "coffee"}),
    ("GET", "/api/users/{user_id}/subscriptions"): Call(CUSTOMER_DATA),
    ("GET", "/api/insights/{user_id}/weekly-recap"): Call(CUSTOMER_DATA),
    ("GET", "/api/insights/{user_id}/spending-analysis"): Call(CUSTOMER_DATA),
    ("GET", "/api/insights/{user_id}/suggested-budget"): Call(CUSTOMER_DATA),
    ("GET", "/api/insights/{user_id}/budget-tracking"): Call(CUSTOMER_DATA),
    ("GET", "/api/insights/{user_id}/net-worth"): Call(CUSTOMER_DATA),
    ("PUT", "/api/insights/{user_id}/budgets"): Call(
        CUSTOMER_DATA, json={"month": "2025-03", "amounts": {"FOOD_AND_DRINK": 40_000}}
    ),
    ("GET", "/api/operator/review"): Call(OPERATOR_ONLY),
    ("POST", "/api/operator/recommendations/{recommendation_id}/approve"): DECISION,
    ("POST", "/api/operator/recommendations/{recommendation_id}/reject"): DECISION,
    ("POST", "/api/operator/recommendations/{recommendation_id}/flag"): DECISION,
    ("POST", "/api/operator/recommendations/{recommendation_id}/override"): Call(
        OPERATOR_ONLY, json={"reason": "education first", "replacement_item_id": "edu_talk_to_issuer"}
    ),
    ("GET", "/api/operator/signals/{user_id}"): Call(OPERATOR_ONLY),
    ("GET", "/api/operator/traces/{user_id}"): Call(OPERATOR_ONLY),
    ("GET", "/api/operator/audit"): Call(OPERATOR_ONLY),
    ("GET", "/api/stats"): Call(OPERATOR_ONLY),
    ("GET", "/api/evaluation/metrics"): Call(OPERATOR_ONLY),
}


def route_table(app: FastAPI) -> list[tuple[str, str]]:
    """(method, path) of every HTTP route the app serves; HEAD rides along with GET."""
    routes = []
    for context in iter_route_contexts(app.routes):
        for method in sorted(getattr(context.original_route, "methods", None) or ()):
            if method != "HEAD":
                routes.append((method, context.path or ""))
    return routes


def websocket_paths(app: FastAPI) -> list[str]:
    return [c.path or "" for c in iter_route_contexts(app.routes) if isinstance(c.original_route, WebSocketRoute)]


# Collected from a real app (its routes do not depend on the store) so each route is its own test.
_COLLECTION_APP = create_app(Settings(environment="test", jwt_secret=SECRET), engine=make_engine("sqlite://"))
PROTECTED = [route for route in route_table(_COLLECTION_APP) if route not in PUBLIC]


@pytest.fixture
def world(callers: Callers, engine: Engine, settings: Settings) -> dict[str, Any]:
    """alice (with accounts, transactions and recommendations), bob, an operator, an evaluation report."""
    (settings.data_dir / "eval").mkdir()
    (settings.data_dir / "eval" / "metrics.json").write_text('{"users_total": 2, "metrics": {}}')
    headers = {"none": {}, "owner": callers.customer(OWNER), "other": callers.customer(OTHER)}
    headers["operator"] = callers.operator()
    add_account(engine, OWNER, "alice-checking")
    add_transactions(engine, OWNER, "alice-checking", monthly_rows(date(2025, 1, 3), 8, "coffee", amount_cents=450))
    items = add_recommendations(engine, OWNER)
    approved = next(rec_id for rec_id, status in items.values() if status == "approved")
    return {"headers": headers, "approved": approved, "pending": items[PENDING_OFFER][0]}


def _fill(value: Any, world: dict[str, Any]) -> Any:
    if isinstance(value, str):
        return value.format(approved=world["approved"])
    if isinstance(value, dict):
        return {key: _fill(item, world) for key, item in value.items()}
    return value


def send(client: TestClient, method: str, path: str, call: Call, world: dict[str, Any], caller: str):
    url = path.format(user_id=OWNER, recommendation_id=world["pending"])
    content = call.content_file.read_bytes() if call.content_file else None
    return client.request(
        method,
        url,
        headers=world["headers"][caller],
        params=call.params,
        json=_fill(call.json, world),
        content=content,
    )


def test_every_route_is_listed(app: FastAPI) -> None:
    served = set(route_table(app)) - PUBLIC
    assert served == set(REQUESTS), "each protected route needs an entry in REQUESTS (and no entry may be stale)"
    assert served == set(PROTECTED)


def test_public_routes_answer_without_a_token(client: TestClient) -> None:
    for method, path in PUBLIC - {("POST", "/api/auth/login")}:
        assert client.request(method, path).status_code == 200, path


@pytest.mark.parametrize(("method", "path"), PROTECTED, ids=[f"{m} {p}" for m, p in PROTECTED])
def test_route_answers_each_caller_by_its_access_class(
    client: TestClient, world: dict[str, Any], method: str, path: str
) -> None:
    call = REQUESTS[(method, path)]
    for caller in ("none", "other", "owner", "operator"):
        response = send(client, method, path, call, world, caller)
        expected = call.access[caller]
        assert response.status_code in expected, f"{caller}: {response.status_code} {response.text[:300]}"
        if caller in ("none", "other"):
            assert set(response.json()) <= {"error", "detail", "context"}, "a refusal carries no data"


@pytest.mark.parametrize("path", websocket_paths(_COLLECTION_APP))
def test_websocket_needs_a_token(client: TestClient, world: dict[str, Any], path: str) -> None:
    with pytest.raises(WebSocketDisconnect) as closed, client.websocket_connect(path):
        pass
    assert closed.value.code == 1008
    token = world["headers"]["owner"]["Authorization"].removeprefix("Bearer ")
    with client.websocket_connect(f"{path}?token={token}") as connection:
        assert connection.receive_json()["type"] == "ready"
