"""The insight routes (GET each, GET subscriptions) and PUT /api/insights/{user_id}/budgets."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from spendsense.api.cache import ResponseCache
from tests.api.conftest import Callers
from tests.api.factories import add_card_holder
from tests.conftest import PLAID_FIXTURES

KINDS = ["weekly-recap", "spending-analysis", "suggested-budget", "budget-tracking", "net-worth"]


@pytest.fixture
def alice(callers: Callers, engine: Engine) -> dict[str, str]:
    headers = callers.customer("alice")
    add_card_holder(engine, "alice")
    return headers


class TestGetInsight:
    @pytest.mark.parametrize("kind", KINDS)
    def test_computes_for_the_newest_transaction_date(self, client: TestClient, alice, kind: str) -> None:
        response = client.get(f"/api/insights/alice/{kind}", headers=alice)
        assert response.status_code == 200
        assert (response.json()["user_id"], response.json()["as_of"]) == ("alice", "2025-03-28")

    def test_as_of_moves_the_day_computed_for(self, client: TestClient, alice) -> None:
        response = client.get("/api/insights/alice/weekly-recap", params={"as_of": "2025-02-14"}, headers=alice)
        assert response.json()["as_of"] == "2025-02-14"

    def test_as_of_outside_the_supported_range_returns_422(self, client: TestClient, alice) -> None:
        response = client.get("/api/insights/alice/net-worth", params={"as_of": "0001-01-01"}, headers=alice)
        assert response.status_code == 422
        assert response.json()["fields"][0]["path"] == "query.as_of"

    def test_net_worth_counts_the_card_as_a_debt(self, client: TestClient, alice) -> None:
        body = client.get("/api/insights/alice/net-worth", headers=alice).json()
        assert body["liabilities_cents"] == 340_000

    @pytest.mark.parametrize("kind", KINDS)
    def test_without_consent_returns_403(self, client: TestClient, callers: Callers, kind: str) -> None:
        response = client.get(f"/api/insights/carol/{kind}", headers=callers.customer("carol", consent=False))
        assert response.status_code == 403
        assert response.json()["error"] == "consent_required"


class TestGetSubscriptions:
    def test_lists_the_streaming_subscription(self, client: TestClient, alice) -> None:
        response = client.get("/api/users/alice/subscriptions", headers=alice)
        assert response.status_code == 200
        merchants = [item["merchant"] for item in response.json()["subscriptions"]]
        assert merchants == ["Netflix"]

    def test_another_customer_gets_403(self, client: TestClient, callers: Callers, alice) -> None:
        assert client.get("/api/users/alice/subscriptions", headers=callers.customer("bob")).status_code == 403


class TestInsightCache:
    def test_a_saved_budget_shows_up_in_tracking_computed_before_it(self, client: TestClient, alice) -> None:
        assert client.get("/api/insights/alice/budget-tracking", headers=alice).json()["categories"] == []
        client.put(
            "/api/insights/alice/budgets", json={"month": "2025-03", "amounts": {"TRAVEL": 5_000}}, headers=alice
        )
        tracked = client.get("/api/insights/alice/budget-tracking", headers=alice).json()["categories"]
        assert [category["category"] for category in tracked] == ["TRAVEL"]

    def test_an_ingest_shows_up_in_net_worth_computed_before_it(self, client: TestClient, alice) -> None:
        before = client.get("/api/insights/alice/net-worth", headers=alice).json()["assets_cents"]
        raw = (PLAID_FIXTURES / "openapi-examples" / "accounts_get_example-1.json").read_bytes()
        headers = alice | {"Content-Type": "application/json"}
        assert client.post("/api/users/alice/plaid", content=raw, headers=headers).status_code == 200
        after = client.get("/api/insights/alice/net-worth", headers=alice).json()["assets_cents"]
        assert after > before

    def test_the_least_recently_used_entry_is_dropped_first(self) -> None:
        cache = ResponseCache(max_entries=2)
        cache.put("a", b"1")
        cache.put("b", b"2")
        assert cache.get("a") == b"1"
        cache.put("c", b"3")
        assert (cache.get("a"), cache.get("b"), cache.get("c")) == (b"1", None, b"3")


class TestPutBudgets:
    def test_saves_a_month_and_tracking_compares_against_it(self, client: TestClient, alice) -> None:
        body = {"month": "2025-03", "amounts": {"ENTERTAINMENT": 1_000}}
        response = client.put("/api/insights/alice/budgets", json=body, headers=alice)
        assert response.status_code == 200
        assert response.json() == [
            {"month": "2025-03", "category": "ENTERTAINMENT", "amount_cents": 1_000, "iso_currency_code": "USD"}
        ]
        tracking = client.get("/api/insights/alice/budget-tracking", headers=alice).json()
        assert [c["category"] for c in tracking["categories"]] == ["ENTERTAINMENT"]

    def test_a_malformed_category_returns_422_and_saves_nothing(self, client: TestClient, alice) -> None:
        body = {"month": "2025-03", "amounts": {"ENTERTAINMENT": 1_000, "eating out": 5}}
        response = client.put("/api/insights/alice/budgets", json=body, headers=alice)
        assert response.status_code == 422
        tracking = client.get("/api/insights/alice/budget-tracking", headers=alice).json()
        assert tracking["categories"] == []

    def test_a_malformed_month_returns_422_naming_the_field(self, client: TestClient, alice) -> None:
        response = client.put("/api/insights/alice/budgets", json={"month": "2025-13", "amounts": {}}, headers=alice)
        assert response.status_code == 422
        assert response.json()["fields"][0]["path"] == "body.month"
