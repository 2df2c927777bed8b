"""The API function: every real event source, pointed at real routes, through Mangum and the app."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from spendsense.aws.handlers import api
from spendsense.aws.runtime import ColdStart, configure_lambda_logging
from spendsense.cli import app
from tests.aws.conftest import CUSTOMER, HTTP_EVENTS, NO_CONSENT, OTHER, FakeLambdaContext, Store, http_event

ALLOWED_ORIGIN = "https://app.example.com"


@pytest.fixture
def handler(lambda_env: Store) -> Iterator[Store]:
    api.runtime.cache_clear()
    yield lambda_env
    api.runtime.cache_clear()


def call(event: dict[str, Any], context: FakeLambdaContext | None = None) -> tuple[int, dict[str, Any], Any]:
    answer = api.handler(event, context or FakeLambdaContext())
    headers = answer.get("headers") or {key: values[-1] for key, values in answer["multiValueHeaders"].items()}
    is_json = headers.get("content-type") == "application/json"
    return answer["statusCode"], headers, json.loads(answer["body"]) if is_json else answer.get("body")


def bearer(store: Store, subject: str, role: str = "customer") -> dict[str, str]:
    return {"authorization": f"Bearer {store.token(subject, role)}"}


class TestEverySource:
    @pytest.mark.parametrize("name", HTTP_EVENTS)
    def test_health_answers_with_cors_for_an_allowed_origin(self, handler: Store, name: str) -> None:
        status, headers, body = call(http_event(name, "GET", "/api/health", {"origin": ALLOWED_ORIGIN}))
        assert status == 200
        assert body["status"] == "ok"
        assert body["database"] == "sqlite"
        assert headers["access-control-allow-origin"] == ALLOWED_ORIGIN

    @pytest.mark.parametrize("name", HTTP_EVENTS)
    def test_an_origin_outside_cors_origins_gets_no_cors_header(self, handler: Store, name: str) -> None:
        status, headers, _ = call(http_event(name, "GET", "/api/health", {"origin": "https://evil.example.com"}))
        assert status == 200
        assert "access-control-allow-origin" not in headers

    @pytest.mark.parametrize("name", HTTP_EVENTS)
    def test_an_authenticated_route_answers_the_owner(self, handler: Store, name: str) -> None:
        path = f"/api/insights/{CUSTOMER}/weekly-recap"
        status, _, body = call(http_event(name, "GET", path, bearer(handler, CUSTOMER)))
        assert status == 200
        assert body["user_id"] == CUSTOMER
        assert body["total_spend_cents"] > 0

    @pytest.mark.parametrize("name", HTTP_EVENTS)
    def test_without_a_token_the_answer_is_the_api_error_shape(self, handler: Store, name: str) -> None:
        status, _, body = call(http_event(name, "GET", f"/api/insights/{CUSTOMER}/weekly-recap"))
        assert status == 401
        assert body["error"] == "not_authenticated"


class TestRoutes:
    def test_another_customers_data_is_forbidden(self, handler: Store) -> None:
        event = http_event("apiGatewayProxyV2Event_GET.json", "GET", f"/api/insights/{OTHER}/net-worth")
        event["headers"].update(bearer(handler, CUSTOMER))
        assert call(event)[0] == 403

    def test_without_consent_the_answer_is_consent_required(self, handler: Store) -> None:
        event = http_event(
            "albEvent.json", "GET", f"/api/insights/{NO_CONSENT}/weekly-recap", bearer(handler, NO_CONSENT)
        )
        status, _, body = call(event)
        assert (status, body["error"]) == (403, "consent_required")

    def test_a_preflight_is_answered_for_an_allowed_origin(self, handler: Store) -> None:
        headers = {"origin": ALLOWED_ORIGIN, "access-control-request-method": "GET"}
        status, answer_headers, _ = call(http_event("apiGatewayProxyV2Event.json", "OPTIONS", "/api/health", headers))
        assert status == 200
        assert answer_headers["access-control-allow-origin"] == ALLOWED_ORIGIN

    def test_a_named_stage_prefix_is_routed_as_the_app_knows_it(self, handler: Store) -> None:
        event = http_event("apiGatewayProxyV2Event_GET.json", "GET", "/prod/api/health")
        event["requestContext"]["stage"] = "prod"
        assert call(event)[0] == 200

    def test_a_rest_api_event_is_routed(self, handler: Store) -> None:
        event = http_event("apiGatewayProxyEvent.json", "GET", "/api/health")
        del event["version"]
        event["requestContext"]["stage"] = "prod"
        assert call(event)[0] == 200

    def test_a_write_is_kept(self, handler: Store) -> None:
        body = json.dumps({"month": "2023-09", "amounts": {"FOOD_AND_DRINK": 40000}})
        path = f"/api/insights/{CUSTOMER}/budgets"
        status, _, saved = call(
            http_event("apiGatewayProxyV2Event.json", "PUT", path, bearer(handler, CUSTOMER), body=body)
        )
        assert status == 200
        assert saved[0]["amount_cents"] == 40000
        tracking = f"/api/insights/{CUSTOMER}/budget-tracking"
        _, _, report = call(http_event("apiGatewayProxyV2Event_GET.json", "GET", tracking, bearer(handler, CUSTOMER)))
        assert "FOOD_AND_DRINK" in json.dumps(report)

    def test_an_unknown_route_is_the_api_404(self, handler: Store) -> None:
        status, _, body = call(http_event("lambdaFunctionUrlEvent.json", "GET", "/api/nothing-here"))
        assert (status, body["error"]) == (404, "not_found")


class TestFailures:
    def test_a_broken_start_answers_500_in_the_api_shape_without_a_traceback(
        self, handler: Store, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv("DB_PATH", str(handler.path.parent / "missing" / "dir" / "x.db"))
        monkeypatch.setenv("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none")
        api.runtime.cache_clear()
        from spendsense.config import get_settings

        get_settings.cache_clear()
        status, _, body = call(http_event("apiGatewayProxyV2Event_GET.json", "GET", "/api/health"))
        assert status == 500
        assert body == {"error": "internal_error", "detail": "something went wrong on our side; it has been logged"}


class TestLogs:
    def test_each_invocation_logs_one_json_line(
        self, handler: Store, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(api, "_cold_start", ColdStart())
        configure_lambda_logging("INFO")  # onto the captured stderr
        call(
            http_event("apiGatewayProxyV2Event_GET.json", "GET", "/api/health"), FakeLambdaContext(aws_request_id="r-1")
        )
        path = f"/api/insights/{CUSTOMER}/weekly-recap"
        call(http_event("apiGatewayProxyV2Event_GET.json", "GET", path), FakeLambdaContext(aws_request_id="r-2"))
        lines = [json.loads(line) for line in capsys.readouterr().err.splitlines() if '"invocation"' in line]
        assert [(line["request_id"], line["route"], line["status"]) for line in lines] == [
            ("r-1", "GET /api/health", 200),
            ("r-2", "GET /api/insights/{user_id}/weekly-recap", 401),
        ]
        assert [line["cold_start"] for line in lines] == [True, False]
        assert all(isinstance(line["latency_ms"], float) for line in lines)


def test_the_cli_invokes_a_handler_locally_with_an_event_file(handler: Store, tmp_path: Path) -> None:
    event = tmp_path / "event.json"
    event.write_text(json.dumps(http_event("apiGatewayProxyV2Event_GET.json", "GET", "/api/health")))
    result = CliRunner().invoke(app, ["aws", "invoke", "api", "--event", str(event), "--local"])
    assert result.exit_code == 0, result.output
    assert '"statusCode": 200' in result.output


def test_a_cold_start_never_imports_polars() -> None:
    """Polars is most of a cold start's import; only computing an insight (or a persona filter) loads it."""
    code = "import sys, spendsense.aws.handlers.api; print('polars' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_a_cold_start_imports_neither_structlog_nor_pyjwt() -> None:
    """Both load when first needed (a logged error, a login); the invocation line is the standard library's."""
    code = "import sys, spendsense.aws.handlers.api; print(sorted({'structlog', 'jwt', 'polars'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
