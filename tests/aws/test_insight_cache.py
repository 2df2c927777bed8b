"""The insights cache in S3 (moto): a hit returns what was computed, and a change to the data is never served stale."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import boto3
import pytest

from spendsense.aws import insight_keys
from spendsense.aws.handlers import insights
from spendsense.aws.insight_cache import data_version
from spendsense.insights.repository import save_budgets
from spendsense.kit.clock import utcnow
from spendsense.kit.db import make_engine, session_scope
from spendsense.models import User
from tests.aws.conftest import CUSTOMER, OTHER, FakeLambdaContext, Store, http_event

BUCKET = "spendsense-test-insights"


@pytest.fixture
def cached(aws: str, lambda_env: Store, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Store, Any]]:
    s3 = boto3.client("s3")
    s3.create_bucket(Bucket=BUCKET)
    monkeypatch.setenv("S3_BUCKET_INSIGHTS", BUCKET)
    insights.endpoint.cache_clear()
    yield lambda_env, s3
    insights.endpoint.cache_clear()


def ask(store: Store, kind: str = "budget-tracking") -> tuple[int, dict[str, Any]]:
    headers = {"authorization": f"Bearer {store.token(CUSTOMER)}"}
    event = http_event("apiGatewayProxyV2Event_GET.json", "GET", f"/api/insights/{CUSTOMER}/{kind}", headers)
    response = insights.budget_tracking(event, FakeLambdaContext())
    return response["statusCode"], json.loads(response["body"])


def keys(s3: Any) -> list[str]:
    return sorted(item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", []))


class TestInsightCache:
    def test_a_miss_is_computed_and_stored_under_the_data_version(self, cached: tuple[Store, Any]) -> None:
        store, s3 = cached
        status, body = ask(store)
        assert status == 200
        (key,) = keys(s3)
        assert key.startswith(f"insights/{CUSTOMER}/budget-tracking/latest/")
        assert json.loads(s3.get_object(Bucket=BUCKET, Key=key)["Body"].read()) == body

    def test_a_hit_returns_the_stored_result(self, cached: tuple[Store, Any]) -> None:
        store, s3 = cached
        ask(store)
        (key,) = keys(s3)
        # Prove the second answer comes from S3: mark the stored copy.
        marked = {**json.loads(s3.get_object(Bucket=BUCKET, Key=key)["Body"].read()), "iso_currency_code": "XXX"}
        s3.put_object(Bucket=BUCKET, Key=key, Body=json.dumps(marked).encode())
        assert ask(store) == (200, marked)

    def test_a_change_to_the_data_is_a_new_key(self, cached: tuple[Store, Any]) -> None:
        store, s3 = cached
        _, before = ask(store)
        engine = make_engine(store.url)
        with session_scope(engine) as session:
            save_budgets(session, CUSTOMER, "2023-09", {"FOOD_AND_DRINK": 12345})
        engine.dispose()
        status, after = ask(store)
        assert status == 200
        assert after != before
        assert "12345" in json.dumps(after)
        assert len(keys(s3)) == 2


class TestDataVersion:
    def test_it_depends_on_the_user_only(self, lambda_env: Store) -> None:
        engine = make_engine(lambda_env.url)
        with session_scope(engine) as session:
            mine, theirs = data_version(session, CUSTOMER), data_version(session, OTHER)
            save_budgets(session, OTHER, "2023-09", {"FOOD_AND_DRINK": 100})
            session.flush()
            assert data_version(session, CUSTOMER) == mine
            assert data_version(session, OTHER) != theirs
        engine.dispose()

    def test_deleting_a_budget_changes_it(self, lambda_env: Store) -> None:
        engine = make_engine(lambda_env.url)
        with session_scope(engine) as session:
            save_budgets(session, CUSTOMER, "2023-08", {"FOOD_AND_DRINK": 100})
            save_budgets(session, CUSTOMER, "2023-09", {"FOOD_AND_DRINK": 100})
            session.flush()
            both = data_version(session, CUSTOMER)
            save_budgets(session, CUSTOMER, "2023-08", {})
            session.flush()
            assert data_version(session, CUSTOMER) != both
        engine.dispose()

    def test_without_transactions_it_moves_with_the_day_and_otherwise_it_does_not(
        self, lambda_env: Store, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without an as-of date an insight describes the newest transaction day, or today for a user without any."""
        engine = make_engine(lambda_env.url)
        with session_scope(engine) as session:
            session.add(User(user_id="no_rows_yet", name="New customer", created_at=utcnow()))
            session.flush()
            today = (data_version(session, "no_rows_yet"), data_version(session, CUSTOMER))
            later = utcnow() + timedelta(days=1)
            monkeypatch.setattr(insight_keys, "utcnow", lambda: later)
            tomorrow = (data_version(session, "no_rows_yet"), data_version(session, CUSTOMER))
        engine.dispose()
        assert today[0] != tomorrow[0]
        assert today[1] == tomorrow[1]
