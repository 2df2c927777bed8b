"""WebSocket API: connections in DynamoDB (moto), pushes through the management API (stubbed), 410 Gone forgotten."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.stub import ANY, Stubber

from spendsense.api.events import Event
from spendsense.aws import clients as aws_clients
from spendsense.aws.connections import Connections, Pusher
from spendsense.aws.deploy.context import DeployContext
from spendsense.aws.deploy.storage import ensure_connections_table
from spendsense.aws.handlers import api, websocket
from spendsense.aws.settings import get_lambda_settings
from spendsense.aws.stack_config import load_config
from tests.aws.conftest import CUSTOMER, OPERATOR, OTHER, REGION, FakeLambdaContext, Store, http_event

TABLE = "spendsense-dev-connections"
ENDPOINT = "https://abc123.execute-api.us-east-1.amazonaws.com/dev"


@pytest.fixture
def table(aws: str, lambda_env: Store, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    ensure_connections_table(DeployContext(load_config(), "dev"))
    monkeypatch.setenv("SPENDSENSE_CONNECTIONS_TABLE", TABLE)
    websocket.runtime.cache_clear()
    websocket._operator_store.cache_clear()
    yield lambda_env
    websocket.runtime.cache_clear()
    websocket._operator_store.cache_clear()


def socket_event(route: str, connection_id: str, **extra: Any) -> dict[str, Any]:
    context = {
        "routeKey": route,
        "connectionId": connection_id,
        "domainName": "abc123.execute-api.us-east-1.amazonaws.com",
    }
    return {"requestContext": {**context, "stage": "dev", "eventType": route.strip("$").upper()}, **extra}


def stored() -> dict[str, str]:
    items = boto3.client("dynamodb").scan(TableName=TABLE)["Items"]
    return {item["connection_id"]["S"]: item["audience"]["S"] for item in items}


def management(posts: list[tuple[str, int]]) -> tuple[Any, Stubber]:
    """A management API client whose post_to_connection answers each (connection, status) in turn."""
    client = boto3.client("apigatewaymanagementapi", endpoint_url=ENDPOINT, region_name=REGION)
    stubber = Stubber(client)
    for connection_id, status in posts:
        expected = {"ConnectionId": connection_id, "Data": ANY}
        if status == 410:
            stubber.add_client_error(
                "post_to_connection", "GoneException", http_status_code=410, expected_params=expected
            )
        else:
            stubber.add_response("post_to_connection", {}, expected)
    stubber.activate()
    return client, stubber


class TestConnect:
    def test_a_valid_token_in_the_query_is_recorded_with_its_audience(self, table: Store) -> None:
        event = socket_event("$connect", "c-1", queryStringParameters={"token": table.token(CUSTOMER)})
        assert websocket.handler(event, FakeLambdaContext())["statusCode"] == 200
        assert stored() == {"c-1": f"customer#{CUSTOMER}"}

    def test_a_bearer_header_works_too(self, table: Store) -> None:
        headers = {"Authorization": f"Bearer {table.token(OPERATOR, 'operator')}"}
        assert (
            websocket.handler(socket_event("$connect", "c-2", headers=headers), FakeLambdaContext())["statusCode"]
            == 200
        )
        assert stored() == {"c-2": "operator"}

    @pytest.mark.parametrize("query", [{}, {"token": "forged"}])
    def test_without_a_valid_token_the_connection_is_refused(self, table: Store, query: dict[str, str]) -> None:
        answer = websocket.handler(socket_event("$connect", "c-3", queryStringParameters=query), FakeLambdaContext())
        assert answer["statusCode"] == 401
        assert json.loads(answer["body"])["error"] == "not_authenticated"
        assert stored() == {}

    def test_a_removed_operator_is_refused(self, table: Store) -> None:
        event = socket_event("$connect", "c-4", queryStringParameters={"token": table.token("ops.gone", "operator")})
        assert websocket.handler(event, FakeLambdaContext())["statusCode"] == 401

    def test_disconnect_forgets_the_connection(self, table: Store) -> None:
        event = socket_event("$connect", "c-5", queryStringParameters={"token": table.token(CUSTOMER)})
        websocket.handler(event, FakeLambdaContext())
        assert stored() == {"c-5": f"customer#{CUSTOMER}"}
        websocket.handler(socket_event("$disconnect", "c-5"), FakeLambdaContext())
        assert stored() == {}


class TestDefault:
    def test_a_ping_gets_a_pong(self, table: Store, monkeypatch: pytest.MonkeyPatch) -> None:
        client, stubber = management([("c-6", 200)])
        monkeypatch.setattr(websocket, "client", lambda service, endpoint=None: client)
        event = socket_event("$default", "c-6", body=json.dumps({"action": "ping"}))
        assert websocket.handler(event, FakeLambdaContext())["statusCode"] == 200
        stubber.assert_no_pending_responses()

    def test_other_messages_are_ignored(self, table: Store) -> None:
        event = socket_event("$default", "c-7", body="hello")
        assert websocket.handler(event, FakeLambdaContext())["statusCode"] == 200


class TestPush:
    def test_an_event_reaches_the_customer_and_operators_and_gone_clients_are_forgotten(self, table: Store) -> None:
        connections = Connections(boto3.client("dynamodb"), TABLE)
        for connection_id, (subject, role) in {
            "mine": (CUSTOMER, "customer"),
            "theirs": (OTHER, "customer"),
            "ops": (OPERATOR, "operator"),
        }.items():
            websocket.runtime.cache_clear()
            event = socket_event("$connect", connection_id, queryStringParameters={"token": table.token(subject, role)})
            websocket.handler(event, FakeLambdaContext())
        client, stubber = management([("mine", 410), ("ops", 200)])
        reached = Pusher(connections, client).publish(Event("recommendations.updated", CUSTOMER))
        stubber.assert_no_pending_responses()
        assert reached == 1
        assert stored() == {"theirs": f"customer#{OTHER}", "ops": "operator"}

    def test_the_api_function_pushes_a_change_after_it_is_saved(
        self, table: Store, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        event = socket_event("$connect", "live", queryStringParameters={"token": table.token(CUSTOMER)})
        websocket.handler(event, FakeLambdaContext())
        client, stubber = management([("live", 200)])
        real_client = aws_clients.client

        def clients(service: str, *args: Any) -> Any:
            return client if service == "apigatewaymanagementapi" else real_client(service, *args)

        monkeypatch.setenv("SPENDSENSE_WEBSOCKET_ENDPOINT", ENDPOINT)
        get_lambda_settings.cache_clear()
        api.runtime.cache_clear()
        body = json.dumps({"user_id": CUSTOMER})
        headers = {"authorization": f"Bearer {table.token(CUSTOMER)}"}
        event = http_event("apiGatewayProxyV2Event.json", "POST", "/api/consent", headers, body=body)
        with monkeypatch.context() as patched:  # the pusher's clients are created on its first push
            patched.setattr(aws_clients, "client", clients)
            answer = api.handler(event, FakeLambdaContext())
        api.runtime.cache_clear()
        assert answer["statusCode"] == 200
        stubber.assert_no_pending_responses()
