"""The five insight functions answer as the API does (same auth, consent and error shape), without FastAPI."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.response import StreamingBody
from botocore.stub import Stubber

from spendsense.aws.handlers import api, insights
from spendsense.aws.insight_compute import InvokeComputer, compute_request
from spendsense.insights.service import InsightKind
from tests.aws.conftest import CUSTOMER, NO_CONSENT, OPERATOR, OTHER, REGION, FakeLambdaContext, Store, http_event

HANDLERS = {
    "weekly-recap": insights.weekly_recap,
    "spending-analysis": insights.spending_analysis,
    "suggested-budget": insights.suggested_budget,
    "budget-tracking": insights.budget_tracking,
    "net-worth": insights.net_worth,
}
EVENT = "apiGatewayProxyV2Event_GET.json"


@pytest.fixture
def functions(lambda_env: Store) -> Iterator[Store]:
    insights.endpoint.cache_clear()
    api.runtime.cache_clear()
    yield lambda_env
    insights.endpoint.cache_clear()
    api.runtime.cache_clear()


def answer(handler: Any, event: dict[str, Any]) -> tuple[int, Any]:
    response = handler(event, FakeLambdaContext())
    return response["statusCode"], json.loads(response["body"])


def both(
    kind: str, user_id: str, headers: dict[str, str], query: dict[str, str] | None = None
) -> list[tuple[int, Any]]:
    """The same request to the insight function and to the API function."""
    event = http_event(EVENT, "GET", f"/api/insights/{user_id}/{kind}", headers, query)
    return [answer(HANDLERS[kind], event), answer(api.handler, event)]


def token(store: Store, subject: str, role: str = "customer") -> dict[str, str]:
    return {"authorization": f"Bearer {store.token(subject, role)}"}


class TestSameAnswersAsTheApi:
    def test_the_handlers_cover_the_api_insight_kinds(self) -> None:
        assert set(HANDLERS) <= {kind.value for kind in InsightKind}

    @pytest.mark.parametrize("kind", sorted(HANDLERS))
    def test_the_owner_gets_the_insight(self, functions: Store, kind: str) -> None:
        (status, body), expected = both(kind, CUSTOMER, token(functions, CUSTOMER))
        assert (status, body) == expected
        assert status == 200
        assert body["user_id"] == CUSTOMER

    @pytest.mark.parametrize(
        ("user_id", "principal", "status", "error"),
        [
            (OTHER, (CUSTOMER, "customer"), 403, "forbidden"),
            (NO_CONSENT, (NO_CONSENT, "customer"), 403, "consent_required"),
            ("user_nobody", (OPERATOR, "operator"), 404, "not_found"),
            (CUSTOMER, ("ops.gone", "operator"), 401, "not_authenticated"),
        ],
    )
    def test_refusals(
        self, functions: Store, user_id: str, principal: tuple[str, str], status: int, error: str
    ) -> None:
        (got, body), expected = both("net-worth", user_id, token(functions, *principal))
        assert (got, body) == expected
        assert (got, body["error"]) == (status, error)

    @pytest.mark.parametrize("headers", [{}, {"authorization": "Bearer not-a-jwt"}])
    def test_without_a_valid_token(self, functions: Store, headers: dict[str, str]) -> None:
        (status, body), expected = both("weekly-recap", CUSTOMER, headers)
        assert (status, body) == expected
        assert status == 401

    def test_an_operator_reads_any_customer(self, functions: Store) -> None:
        (status, body), expected = both("spending-analysis", OTHER, token(functions, OPERATOR, "operator"))
        assert (status, body) == expected
        assert status == 200

    def test_as_of_is_passed_on(self, functions: Store) -> None:
        (status, body), expected = both("weekly-recap", CUSTOMER, token(functions, CUSTOMER), {"as_of": "2023-09-20"})
        assert (status, body) == expected
        assert body["as_of"] == "2023-09-20"

    def test_a_bad_as_of_is_invalid_input(self, functions: Store) -> None:
        results = both("weekly-recap", CUSTOMER, token(functions, CUSTOMER), {"as_of": "2023-13-45"})
        assert [(status, body["error"]) for status, body in results] == [(422, "invalid_input")] * 2


class TestRouting:
    def test_another_insight_path_is_not_found(self, functions: Store) -> None:
        event = http_event(EVENT, "GET", f"/api/insights/{CUSTOMER}/net-worth", token(functions, CUSTOMER))
        assert answer(insights.weekly_recap, event) == (404, {"error": "not_found", "detail": "Not Found"})

    def test_only_get_is_allowed(self, functions: Store) -> None:
        event = http_event(EVENT, "POST", f"/api/insights/{CUSTOMER}/net-worth", token(functions, CUSTOMER))
        assert answer(insights.net_worth, event)[0] == 405

    def test_cors_follows_cors_origins(self, functions: Store) -> None:
        headers = {**token(functions, CUSTOMER), "origin": "https://app.example.com"}
        event = http_event("albMultiValueHeadersEvent.json", "GET", f"/api/insights/{CUSTOMER}/net-worth", headers)
        response = insights.net_worth(event, FakeLambdaContext())
        assert response["multiValueHeaders"]["access-control-allow-origin"] == ["https://app.example.com"]


def test_the_insight_functions_never_import_fastapi_or_polars() -> None:
    code = (
        "import sys, spendsense.aws.handlers.insights, spendsense.aws.handlers.websocket;"
        "print(sorted({'fastapi', 'polars', 'starlette', 'mangum'} & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


class TestInvokeComputer:
    """On a miss the insight functions ask the batch function, which has Polars."""

    @staticmethod
    def stubbed(payload: dict[str, Any], function_error: str | None = None) -> tuple[InvokeComputer, Stubber]:
        client = boto3.client("lambda", region_name=REGION, aws_access_key_id="x", aws_secret_access_key="x")
        stubber = Stubber(client)
        data = json.dumps(payload).encode()
        response = {"StatusCode": 200, "Payload": StreamingBody(io.BytesIO(data), len(data))}
        if function_error:
            response["FunctionError"] = function_error
        request = json.dumps(compute_request("u1", "net-worth", None)).encode()
        stubber.add_response("invoke", response, {"FunctionName": "spendsense-dev-batch", "Payload": request})
        stubber.activate()
        return InvokeComputer(client, "spendsense-dev-batch"), stubber

    def test_the_batch_answer_is_returned(self) -> None:
        computer, stubber = self.stubbed({"status": 200, "body": '{"user_id": "u1"}'})
        assert computer.compute("u1", "net-worth", None) == b'{"user_id": "u1"}'
        stubber.assert_no_pending_responses()

    def test_a_refusal_keeps_its_status_and_code(self) -> None:
        computer, _ = self.stubbed({"status": 403, "error": "consent_required", "detail": "consent is required"})
        with pytest.raises(Exception, match="consent is required") as raised:
            computer.compute("u1", "net-worth", None)
        assert (raised.value.status_code, raised.value.error) == (403, "consent_required")  # type: ignore[attr-defined]

    def test_a_crashed_batch_function_is_a_502(self) -> None:
        computer, _ = self.stubbed({"errorMessage": "boom"}, function_error="Unhandled")
        with pytest.raises(Exception, match="failed to compute") as raised:
            computer.compute("u1", "net-worth", None)
        assert raised.value.status_code == 502  # type: ignore[attr-defined]
