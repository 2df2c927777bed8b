"""Reading HTTP events of every source, and answering in the shape each source expects."""

from __future__ import annotations

import base64
import json

import pytest

from spendsense.auth.errors import Forbidden
from spendsense.aws.http import (
    cors_headers,
    error_response,
    event_kind,
    json_response,
    parse_http_event,
    strip_stage,
)
from spendsense.kit.errors import SpendSenseError
from tests.aws.conftest import HTTP_EVENTS, http_event, load_event

KINDS = {
    "albEvent.json": "alb",
    "albMultiValueHeadersEvent.json": "alb",
    "apiGatewayProxyEvent.json": "http",
    "apiGatewayProxyEventAnotherPath.json": "http",
    "apiGatewayProxyV2Event.json": "http",
    "apiGatewayProxyV2Event_GET.json": "http",
    "apiGatewayProxyV2LambdaAuthorizerEvent.json": "http",
    "lambdaFunctionUrlEvent.json": "http",
    "lambdaFunctionUrlEventWithHeaders.json": "http",
}


class TestParseHttpEvent:
    @pytest.mark.parametrize("name", HTTP_EVENTS)
    def test_reads_method_path_headers_and_query_of_every_fixture(self, name: str) -> None:
        event = http_event(name, "GET", "/api/health", {"Authorization": "Bearer abc"}, {"as_of": "2024-01-31"})
        request = parse_http_event(event)
        assert (request.kind, request.method, request.path) == (KINDS[name], "GET", "/api/health")
        assert request.bearer_token == "abc"
        assert request.query["as_of"] == "2024-01-31"

    def test_fixture_paths_are_read_as_sent(self) -> None:
        assert parse_http_event(load_event("albMultiValueHeadersEvent.json")).path == "/todos"
        assert parse_http_event(load_event("apiGatewayProxyV2Event.json")).method == "POST"

    def test_a_rest_api_event_has_no_version(self) -> None:
        event = load_event("apiGatewayProxyEvent.json")
        del event["version"]
        assert event_kind(event) == "rest"

    def test_a_named_http_api_stage_is_stripped_from_the_path(self) -> None:
        event = http_event("apiGatewayProxyV2Event_GET.json", "GET", "/dev/api/health")
        event["requestContext"]["stage"] = "dev"
        assert parse_http_event(event).path == "/api/health"
        routed = strip_stage(event)
        assert routed["rawPath"] == routed["requestContext"]["http"]["path"] == "/api/health"

    def test_a_rest_api_path_never_holds_the_stage_so_nothing_is_stripped(self) -> None:
        event = http_event("apiGatewayProxyEvent.json", "GET", "/api/health")
        del event["version"]
        event["requestContext"]["stage"] = "api"
        assert parse_http_event(event).path == "/api/health"

    def test_a_base_path_mapping_is_stripped(self) -> None:
        event = http_event("lambdaFunctionUrlEvent.json", "GET", "/spendsense/api/health")
        assert parse_http_event(event, base_path="/spendsense").path == "/api/health"
        assert strip_stage(event, "/spendsense")["rawPath"] == "/api/health"

    def test_a_scheme_other_than_bearer_gives_no_token(self) -> None:
        event = http_event("apiGatewayProxyV2Event_GET.json", "GET", "/", {"authorization": "Basic dXNlcg=="})
        assert parse_http_event(event).bearer_token is None


class TestCors:
    def test_an_allowed_origin_is_echoed_with_credentials(self) -> None:
        headers = cors_headers("https://app.example.com", ["https://app.example.com"])
        assert headers["access-control-allow-origin"] == "https://app.example.com"
        assert headers["access-control-allow-credentials"] == "true"

    def test_another_origin_gets_no_cors_headers(self) -> None:
        assert cors_headers("https://evil.example.com", ["https://app.example.com"]) == {}
        assert cors_headers(None, ["https://app.example.com"]) == {}


class TestResponses:
    def test_alb_with_multi_value_headers_gets_them_back_so(self) -> None:
        request = parse_http_event(http_event("albMultiValueHeadersEvent.json", "GET", "/"))
        answer = json_response(request, 200, b"{}")
        assert answer["multiValueHeaders"]["content-type"] == ["application/json"]
        assert "headers" not in answer
        assert answer["statusDescription"] == "200 OK"

    def test_binary_bodies_are_base64_encoded(self) -> None:
        request = parse_http_event(http_event("apiGatewayProxyV2Event_GET.json", "GET", "/"))
        answer = json_response(request, 200, b"\xff\xfe")
        assert answer["isBase64Encoded"] is True
        assert base64.b64decode(answer["body"]) == b"\xff\xfe"

    def test_errors_have_the_api_shape(self) -> None:
        request = parse_http_event(http_event("apiGatewayProxyV2Event_GET.json", "GET", "/"))
        answer = error_response(request, Forbidden("a customer can only reach their own data"))
        assert answer["statusCode"] == 403
        assert json.loads(answer["body"]) == {
            "error": "forbidden",
            "detail": "a customer can only reach their own data",
        }

    def test_a_server_error_keeps_its_detail_out_of_the_response(self) -> None:
        class Broken(SpendSenseError):
            status_code = 500
            error = "configuration_error"

        request = parse_http_event(http_event("apiGatewayProxyV2Event_GET.json", "GET", "/"))
        body = json.loads(error_response(request, Broken("/etc/secret is unreadable"))["body"])
        assert body == {
            "error": "configuration_error",
            "detail": "something went wrong on our side; it has been logged",
        }
