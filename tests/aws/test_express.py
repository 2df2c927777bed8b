"""The insight functions' express lane: a hit answered with the standard library, everything else by the full handler.

The lane may only ever answer 200 with the body the full handler gives; every refusal, miss
and error must reach the full handler, whose answers are the API's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import boto3
import pytest
from sqlalchemy import delete

from spendsense.auth.tokens import Principal, issue_token
from spendsense.aws import express
from spendsense.aws.handlers import insights
from spendsense.consent import service as consent
from spendsense.insights.repository import save_budgets
from spendsense.kit.clock import utcnow
from spendsense.kit.db import make_engine, session_scope
from spendsense.models import Operator
from tests.aws.conftest import (
    CUSTOMER,
    NO_CONSENT,
    OPERATOR,
    OTHER,
    REGION,
    FakeLambdaContext,
    Store,
    aws_environment,
    http_event,
)

EVENT = "apiGatewayProxyV2Event_GET.json"
BUCKET = "express-insights"


@pytest.fixture
def cached(lambda_env: Store, aws: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """The functions on a local store, with an insights cache in moto S3 (the batch function's work done locally)."""
    boto3.client("s3", region_name=REGION).create_bucket(Bucket=BUCKET)
    monkeypatch.setenv("S3_BUCKET_INSIGHTS", BUCKET)
    express.reset()
    insights.endpoint.cache_clear()
    yield lambda_env
    express.reset()
    insights.endpoint.cache_clear()


def call(kind: str, user_id: str, headers: dict[str, str], query: dict[str, str] | None = None) -> dict[str, Any]:
    event = http_event(EVENT, "GET", f"/api/insights/{user_id}/{kind}", headers, query)
    handler = getattr(insights, kind.replace("-", "_"))
    response: dict[str, Any] = handler(event, FakeLambdaContext())
    return response


def bearer(store: Store, subject: str, role: str = "customer") -> dict[str, str]:
    return {"authorization": f"Bearer {store.token(subject, role)}", "origin": "https://app.example.com"}


def by_express(kind: str, user_id: str, headers: dict[str, str]) -> dict[str, Any] | str:
    event = http_event(EVENT, "GET", f"/api/insights/{user_id}/{kind}", headers)
    return express.answer(kind, event, FakeLambdaContext(), insights._cold_start)


def warmed(store: Store, kind: str = "net-worth", user_id: str = CUSTOMER, role: str = "customer") -> dict[str, Any]:
    """The first call misses, so the full handler computes and caches; the lane then holds a hit."""
    first = call(kind, user_id, bearer(store, CUSTOMER if role == "customer" else OPERATOR, role))
    assert first["statusCode"] == 200
    return first


class TestHits:
    def test_a_hit_is_the_full_handlers_answer_without_building_it(self, cached: Store) -> None:
        for kind in ("weekly-recap", "spending-analysis", "suggested-budget", "budget-tracking", "net-worth"):
            first = warmed(cached, kind)
            assert by_express(kind, CUSTOMER, bearer(cached, CUSTOMER)) == first
        insights.endpoint.cache_clear()
        again = call("net-worth", CUSTOMER, bearer(cached, CUSTOMER))
        assert again["statusCode"] == 200
        assert again["headers"]["access-control-allow-origin"] == "https://app.example.com"
        assert insights.endpoint.cache_info().currsize == 0  # answered without SQLAlchemy, pydantic or botocore

    @pytest.mark.parametrize(
        "name",
        ["apiGatewayProxyEvent.json", "albEvent.json", "albMultiValueHeadersEvent.json", "lambdaFunctionUrlEvent.json"],
    )
    def test_every_event_source_gets_the_full_handlers_answer(self, cached: Store, name: str) -> None:
        headers = bearer(cached, CUSTOMER)
        event = http_event(name, "GET", f"/api/insights/{CUSTOMER}/net-worth", headers, {"as_of": "2024-01-31"})
        full = insights.net_worth(event, FakeLambdaContext())  # a miss: computed and cached by the full handler
        assert full["statusCode"] == 200
        assert express.answer("net-worth", event, FakeLambdaContext(), insights._cold_start) == full

    def test_an_existing_operator_is_served(self, cached: Store) -> None:
        warmed(cached)
        assert isinstance(by_express("net-worth", CUSTOMER, bearer(cached, OPERATOR, "operator")), dict)

    def test_changed_data_is_a_miss_and_the_full_handler_computes_afresh(self, cached: Store) -> None:
        warmed(cached, "budget-tracking")
        engine = make_engine(cached.url)
        with session_scope(engine) as session:
            save_budgets(session, CUSTOMER, "2024-01", {"FOOD_AND_DRINK": 12_345})
        engine.dispose()
        assert by_express("budget-tracking", CUSTOMER, bearer(cached, CUSTOMER)) == "miss"
        assert call("budget-tracking", CUSTOMER, bearer(cached, CUSTOMER))["statusCode"] == 200  # computed, cached
        assert isinstance(by_express("budget-tracking", CUSTOMER, bearer(cached, CUSTOMER)), dict)


class TestEveryRefusalIsTheFullHandlers:
    """The lane declines; the full handler then answers exactly as it always has."""

    def test_without_a_token(self, cached: Store) -> None:
        warmed(cached)
        assert by_express("net-worth", CUSTOMER, {}) == "token"
        assert call("net-worth", CUSTOMER, {})["statusCode"] == 401

    def test_another_customer(self, cached: Store) -> None:
        warmed(cached)
        assert by_express("net-worth", CUSTOMER, bearer(cached, OTHER)) == "token"
        assert call("net-worth", CUSTOMER, bearer(cached, OTHER))["statusCode"] == 403

    def test_an_expired_token(self, cached: Store) -> None:
        warmed(cached)
        old = issue_token(
            Principal("customer", CUSTOMER), cached.secret, timedelta(minutes=5), utcnow() - timedelta(hours=1)
        )
        headers = {"authorization": f"Bearer {old}"}
        assert by_express("net-worth", CUSTOMER, headers) == "token"
        assert call("net-worth", CUSTOMER, headers)["statusCode"] == 401

    def test_a_removed_operator(self, cached: Store) -> None:
        warmed(cached)
        engine = make_engine(cached.url)
        with session_scope(engine) as session:
            session.execute(delete(Operator).where(Operator.name == OPERATOR))
        engine.dispose()
        assert by_express("net-worth", CUSTOMER, bearer(cached, OPERATOR, "operator")) == "operator"
        assert call("net-worth", CUSTOMER, bearer(cached, OPERATOR, "operator"))["statusCode"] == 401

    def test_consent_withdrawn_after_the_insight_was_cached(self, cached: Store) -> None:
        warmed(cached)
        engine = make_engine(cached.url)
        with session_scope(engine) as session:
            consent.record(session, CUSTOMER, False, source="test")
        engine.dispose()
        assert by_express("net-worth", CUSTOMER, bearer(cached, CUSTOMER)) == "consent"
        response = call("net-worth", CUSTOMER, bearer(cached, CUSTOMER))
        assert (response["statusCode"], json.loads(response["body"])["error"]) == (403, "consent_required")

    def test_a_user_without_consent_or_a_user_who_does_not_exist(self, cached: Store) -> None:
        operator = bearer(cached, OPERATOR, "operator")
        assert by_express("net-worth", NO_CONSENT, operator) == "consent"
        assert call("net-worth", NO_CONSENT, operator)["statusCode"] == 403
        assert by_express("net-worth", "nobody", operator) == "consent"
        assert call("net-worth", "nobody", operator)["statusCode"] == 404

    def test_a_bad_as_of_and_another_route(self, cached: Store) -> None:
        response = call("net-worth", CUSTOMER, bearer(cached, CUSTOMER), {"as_of": "2024-02-30"})
        assert response["statusCode"] == 422
        assert by_express("net-worth", CUSTOMER + "/x", bearer(cached, CUSTOMER)) == "route"

    def test_a_token_signed_with_another_secret(self, cached: Store) -> None:
        forged = issue_token(Principal("customer", CUSTOMER), "x" * 48, timedelta(minutes=5), utcnow())
        headers = {"authorization": f"Bearer {forged}"}
        assert by_express("net-worth", CUSTOMER, headers) == "token"
        assert call("net-worth", CUSTOMER, headers)["statusCode"] == 401


class TestSettings:
    @pytest.mark.parametrize(
        ("change", "reason"),
        [
            ({"DATABASE_URL": "postgresql://db.example.com/spendsense"}, "postgresql"),
            ({"S3_BUCKET_INSIGHTS": ""}, "no insights cache"),
            ({"JWT_SECRET": "changeme"}, "settings"),
            ({"ENVIRONMENT": "staging"}, "settings"),
            ({"DB_S3_KEY": "spendsense.db"}, "settings"),  # a snapshot needs SPENDSENSE_DB_S3_BUCKET too
            ({"SPENDSENSE_SNAPSHOT_CHECK_SECONDS": "-1"}, "settings"),
            ({"SPENDSENSE_SNAPSHOT_CHECK_SECONDS": "nan"}, "settings"),
            ({"SPENDSENSE_SNAPSHOT_WRITE_ATTEMPTS": "0"}, "settings"),
            ({"SPENDSENSE_JWT_TTL_MINUTES": "9999"}, "settings"),
            ({"SPENDSENSE_LOG_LEVEL": "LOUD"}, "settings"),
            ({"DB_PATH": ""}, "settings"),
            ({"jwt_secret": "b" * 48}, "settings"),  # two spellings, two values: pydantic's pick is not ours to guess
            ({"S3_BUCKET_INSIGHTS": "elsewhere"}, "cache error"),  # no such bucket: the full handler answers
        ],
    )
    def test_the_lane_stays_closed_where_the_settings_say_so(
        self, cached: Store, monkeypatch: pytest.MonkeyPatch, change: dict[str, str], reason: str
    ) -> None:
        for name, value in change.items():
            monkeypatch.setenv(name, value)
        express.reset()
        assert by_express("net-worth", CUSTOMER, bearer(cached, CUSTOMER)) == reason

    def test_the_lane_reads_the_variables_as_the_settings_do(
        self, cached: Store, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from spendsense.aws.settings import LambdaSettings
        from spendsense.config import Settings

        monkeypatch.setenv("SPENDSENSE_API_BASE_PATH", "/spendsense")
        monkeypatch.setenv("SPENDSENSE_SNAPSHOT_CHECK_SECONDS", "2.5")
        for origins in ("https://a.example.com, https://b.example.com", None):
            if origins is None:
                monkeypatch.delenv("CORS_ORIGINS")
            else:
                monkeypatch.setenv("CORS_ORIGINS", origins)
            config = express.LaneConfig.from_environment()
            settings, lambda_settings = Settings(), LambdaSettings()
            assert isinstance(config, express.LaneConfig)
            assert config.cors_origins == tuple(settings.cors_origins)
            assert config.secret == settings.jwt_secret.get_secret_value()  # type: ignore[union-attr]
            assert f"sqlite:///{config.db_path}" == settings.sqlalchemy_url
            assert config.insights_bucket == settings.s3_bucket_insights
            assert (config.base_path, config.check_seconds) == (
                lambda_settings.api_base_path,
                lambda_settings.snapshot_check_seconds,
            )

    def test_names_in_any_case_are_read_as_pydantic_reads_them(
        self, cached: Store, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from spendsense.config import Settings

        warmed(cached)
        for name in ("JWT_SECRET", "S3_BUCKET_INSIGHTS", "CORS_ORIGINS"):
            value = os.environ[name]
            monkeypatch.delenv(name)
            monkeypatch.setenv(name.lower(), value)
        express.reset()
        config = express.LaneConfig.from_environment()
        assert isinstance(config, express.LaneConfig)
        assert config.cors_origins == tuple(Settings().cors_origins)
        assert isinstance(by_express("net-worth", CUSTOMER, bearer(cached, CUSTOMER)), dict)


def in_snapshot_mode(store: Store, monkeypatch: pytest.MonkeyPatch, container: Path) -> Any:
    """The store uploaded as the S3 snapshot, and the functions set to download it into `container`."""
    s3 = boto3.client("s3", region_name=REGION)
    s3.create_bucket(Bucket="express-data")
    s3.put_object(Bucket="express-data", Key="spendsense.db", Body=store.path.read_bytes())
    monkeypatch.setenv("DB_PATH", str(container / "spendsense.db"))
    monkeypatch.setenv("DB_S3_KEY", "spendsense.db")
    monkeypatch.setenv("SPENDSENSE_DB_S3_BUCKET", "express-data")
    express.reset()
    return s3


class TestSnapshot:
    def test_the_store_is_downloaded_once_per_container_whichever_path_runs_first(
        self, cached: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        in_snapshot_mode(cached, monkeypatch, tmp_path / "container")
        first = call("net-worth", CUSTOMER, bearer(cached, CUSTOMER))  # lane downloads, misses; full adopts
        snapshot = express.shared_snapshot()
        assert snapshot is not None
        assert (first["statusCode"], snapshot.downloads) == (200, 1)
        assert call("net-worth", CUSTOMER, bearer(cached, CUSTOMER)) == first
        assert snapshot.downloads == 1
        assert insights.endpoint().database.snapshot is snapshot

    def test_a_newer_snapshot_is_read_once_it_is_noticed(
        self, cached: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """Consent withdrawn in another container's snapshot: the lane's open connection must not read the old file."""
        monkeypatch.setenv("SPENDSENSE_SNAPSHOT_CHECK_SECONDS", "0")
        s3 = in_snapshot_mode(cached, monkeypatch, tmp_path / "container")
        warmed(cached)
        assert isinstance(by_express("net-worth", CUSTOMER, bearer(cached, CUSTOMER)), dict)  # connection open
        engine = make_engine(cached.url)
        with session_scope(engine) as session:
            consent.record(session, CUSTOMER, False, source="another container")
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        engine.dispose()
        s3.put_object(Bucket="express-data", Key="spendsense.db", Body=cached.path.read_bytes())
        assert by_express("net-worth", CUSTOMER, bearer(cached, CUSTOMER)) == "consent"
        assert call("net-worth", CUSTOMER, bearer(cached, CUSTOMER))["statusCode"] == 403


def test_a_hit_imports_only_the_standard_library(cached: Store, aws: str, tmp_path: Path) -> None:
    """A fresh process answering a hit loads none of the libraries the full handler needs."""
    warmed(cached)
    token = cached.token(CUSTOMER)
    event = http_event(EVENT, "GET", f"/api/insights/{CUSTOMER}/net-worth", {"authorization": f"Bearer {token}"})
    (tmp_path / "event.json").write_text(json.dumps(event))
    code = (
        "import json, sys, types; from spendsense.aws.handlers import insights;"
        "context = types.SimpleNamespace(function_name='f', aws_request_id='r');"
        f"r = insights.net_worth(json.load(open({str(tmp_path / 'event.json')!r})), context);"
        "heavy = {'sqlalchemy', 'pydantic', 'pydantic_settings', 'botocore', 'jwt', 'structlog', 'polars', 'fastapi'};"
        "print(r['statusCode'], sorted(heavy & {m.split('.')[0] for m in sys.modules}))"
    )
    env = {**os.environ, **aws_environment(aws), "S3_BUCKET_INSIGHTS": BUCKET}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert done.stdout.split("\n")[0] == "200 []"
    log = json.loads(done.stderr.strip().splitlines()[-1])
    assert (log["event"], log["cache"], log["lane"], log["cold_start"], log["status"]) == (
        "invocation",
        "hit",
        "express",
        True,
        200,
    )
