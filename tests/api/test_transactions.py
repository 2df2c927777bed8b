"""GET /api/users/{user_id}/transactions."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from tests.api.conftest import Callers
from tests.api.factories import add_account, add_transactions


@pytest.fixture
def alice(callers: Callers, engine: Engine) -> dict[str, str]:
    headers = callers.customer("alice")
    add_account(engine, "alice", "chk")
    add_account(engine, "alice", "card", type="credit", subtype="credit card", name="Visa")
    add_transactions(
        engine,
        "alice",
        "chk",
        [
            {
                "transaction_id": "t1",
                "date": date(2025, 1, 5),
                "amount_cents": 1599,
                "name": "NETFLIX.COM",
                "merchant_name": "Netflix",
                "pfc_primary": "ENTERTAINMENT",
            },
            {
                "transaction_id": "t2",
                "date": date(2025, 1, 20),
                "amount_cents": 4200,
                "name": "WHOLE FOODS 100%",
                "pfc_primary": "FOOD_AND_DRINK",
            },
            {
                "transaction_id": "t3",
                "date": date(2025, 2, 2),
                "amount_cents": -250000,
                "name": "PAYROLL ACME",
                "pfc_primary": "INCOME",
            },
        ],
    )
    add_transactions(
        engine,
        "alice",
        "card",
        [{"transaction_id": "t4", "date": date(2025, 1, 25), "amount_cents": 3000, "name": "SHELL OIL"}],
    )
    return headers


def ids(response) -> list[str]:
    return [item["transaction_id"] for item in response.json()["items"]]


class TestListTransactions:
    def test_newest_first_with_total(self, client: TestClient, alice: dict[str, str]) -> None:
        response = client.get("/api/users/alice/transactions", headers=alice)
        assert response.status_code == 200
        assert ids(response) == ["t3", "t4", "t2", "t1"]
        assert response.json()["total"] == 4

    def test_date_range_is_inclusive(self, client: TestClient, alice: dict[str, str]) -> None:
        params = {"start_date": "2025-01-05", "end_date": "2025-01-20"}
        assert ids(client.get("/api/users/alice/transactions", params=params, headers=alice)) == ["t2", "t1"]

    def test_filters_by_category_and_account(self, client: TestClient, alice: dict[str, str]) -> None:
        by_category = client.get("/api/users/alice/transactions", params={"category": "INCOME"}, headers=alice)
        by_account = client.get("/api/users/alice/transactions", params={"account_id": "card"}, headers=alice)
        assert ids(by_category) == ["t3"]
        assert ids(by_account) == ["t4"]

    def test_search_matches_name_or_merchant_case_insensitively(self, client: TestClient, alice) -> None:
        assert ids(client.get("/api/users/alice/transactions", params={"q": "netflix"}, headers=alice)) == ["t1"]

    def test_search_treats_percent_literally(self, client: TestClient, alice: dict[str, str]) -> None:
        assert ids(client.get("/api/users/alice/transactions", params={"q": "100%"}, headers=alice)) == ["t2"]

    def test_pages_with_limit_and_offset(self, client: TestClient, alice: dict[str, str]) -> None:
        page = client.get("/api/users/alice/transactions", params={"limit": 2, "offset": 1}, headers=alice)
        assert ids(page) == ["t4", "t2"]

    def test_start_after_end_returns_422(self, client: TestClient, alice: dict[str, str]) -> None:
        params = {"start_date": "2025-02-01", "end_date": "2025-01-01"}
        response = client.get("/api/users/alice/transactions", params=params, headers=alice)
        assert response.status_code == 422

    def test_another_customer_gets_403_and_no_data(self, client: TestClient, callers: Callers, alice) -> None:
        response = client.get("/api/users/alice/transactions", headers=callers.customer("bob"))
        assert response.status_code == 403
        assert "items" not in response.json()

    def test_without_consent_returns_403(self, client: TestClient, callers: Callers) -> None:
        response = client.get("/api/users/carol/transactions", headers=callers.customer("carol", consent=False))
        assert response.status_code == 403
        assert response.json()["error"] == "consent_required"

    def test_operator_reads_any_customer(self, client: TestClient, callers: Callers, alice) -> None:
        response = client.get("/api/users/alice/transactions", headers=callers.operator())
        assert response.status_code == 200
        assert response.json()["total"] == 4

    def test_operator_asking_for_an_unknown_user_gets_404(self, client: TestClient, callers: Callers) -> None:
        assert client.get("/api/users/nobody/transactions", headers=callers.operator()).status_code == 404
