"""The WebSocket API's function: $connect authenticates and records, $disconnect forgets, $default answers pings.

Browsers cannot set headers on a WebSocket, so the token comes as `?token=` (as for the
API's `/ws`); an Authorization header works too. Clients only listen: events are pushed
by the API function (`spendsense.aws.handlers.api`); a message other than a ping is ignored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spendsense.auth.errors import NotAuthenticated
from spendsense.auth.secret import signing_secret
from spendsense.auth.tokens import Principal, decode_token
from spendsense.aws.clients import client
from spendsense.aws.connections import Connections, Pusher
from spendsense.aws.database import LambdaDatabase, open_database
from spendsense.aws.handlers import imported
from spendsense.aws.http import INTERNAL_ERROR
from spendsense.aws.runtime import (
    ColdStart,
    Event,
    LambdaContext,
    Response,
    configure_lambda_logging,
    log,
    observe,
)
from spendsense.aws.settings import get_lambda_settings
from spendsense.config import get_settings
from spendsense.kit.db import session_scope
from spendsense.kit.errors import SpendSenseError
from spendsense.models import Operator

_cold_start = ColdStart()


@dataclass(frozen=True)
class WebSocketRuntime:
    secret: str
    connections: Connections

    def principal(self, event: Event) -> Principal:
        principal = decode_token(_token(event), self.secret)
        if principal.is_operator and not self._operator_exists(principal.subject):
            raise NotAuthenticated("this operator no longer exists")
        return principal

    def _operator_exists(self, name: str) -> bool:
        with session_scope(_operator_store().engine) as session:
            return session.get(Operator, name) is not None


def _token(event: Event) -> str:
    """`?token=`, else a bearer Authorization header, else nothing (which decodes as not authenticated)."""
    query = (event.get("queryStringParameters") or {}).get("token")
    if query:
        return str(query)
    headers = {key.lower(): value for key, value in (event.get("headers") or {}).items()}
    scheme, _, token = str(headers.get("authorization", "")).partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


@lru_cache(maxsize=1)
def _operator_store() -> LambdaDatabase:
    """Opened only when an operator connects: a customer's token needs no store."""
    return open_database(get_settings(), get_lambda_settings(), lambda: client("s3"))


@lru_cache(maxsize=1)
def runtime() -> WebSocketRuntime:
    settings, lambda_settings = get_settings(), get_lambda_settings()
    configure_lambda_logging(settings.log_level)
    table = lambda_settings.connections_table or "spendsense-connections"
    return WebSocketRuntime(signing_secret(settings), Connections(client("dynamodb"), table))


def _management_endpoint(context: dict[str, Any]) -> str:
    return f"https://{context['domainName']}/{context['stage']}"


def _reply(event: Event, connection_id: str) -> int:
    try:
        message = json.loads(event.get("body") or "{}")
    except json.JSONDecodeError:
        return 200
    if not isinstance(message, dict) or message.get("action") != "ping":
        return 200
    management = client("apigatewaymanagementapi", _management_endpoint(event["requestContext"]))
    Pusher(runtime().connections, management).send(connection_id, {"type": "pong"})
    return 200


def _route(event: Event) -> tuple[int, dict[str, Any] | None]:
    context = event["requestContext"]
    route, connection_id = context["routeKey"], context["connectionId"]
    if route == "$connect":
        try:
            runtime().connections.add(connection_id, runtime().principal(event))
        except SpendSenseError as exc:
            return exc.status_code, exc.to_dict()
        return 200, None
    if route == "$disconnect":
        runtime().connections.remove(connection_id)
        return 200, None
    return _reply(event, connection_id), None


def handler(event: Event, context: LambdaContext) -> Response:
    with observe(context, _cold_start) as call:
        call.route = str(event.get("requestContext", {}).get("routeKey", "-"))
        try:
            status, body = _route(event)
        except Exception:
            log.exception("unhandled_error")
            status, body = 500, dict(INTERNAL_ERROR)
        call.status = status
        return {"statusCode": status, **({"body": json.dumps(body)} if body else {})}


imported()  # last: the garbage collector resumes (see `spendsense.aws.handlers`)
