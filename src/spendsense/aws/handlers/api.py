"""The API function: the same FastAPI app as locally, through Mangum, for every HTTP event source.

Each event runs as one unit of `LambdaDatabase.run`, so in snapshot mode a request that
wrote is uploaded (or re-applied on a fresh copy when another container wrote first).
Live events a request emits are pushed to WebSocket clients only once its write is safe.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from fastapi import FastAPI
from mangum import Mangum
from starlette.types import ASGIApp, Receive, Scope, Send

from spendsense.api.app import create_app
from spendsense.api.events import Event as LiveEvent
from spendsense.api.hub import EventHub
from spendsense.api.state import ApiState, attach
from spendsense.aws.clients import LazyClient, client
from spendsense.aws.connections import Connections, Pusher
from spendsense.aws.database import LambdaDatabase, open_database
from spendsense.aws.handlers import imported
from spendsense.aws.handlers.common import answer_http
from spendsense.aws.http import parse_http_event, strip_stage
from spendsense.aws.runtime import (
    ColdStart,
    Event,
    Invocation,
    LambdaContext,
    Response,
    configure_lambda_logging,
    log,
    observe,
)
from spendsense.aws.settings import LambdaSettings, get_lambda_settings
from spendsense.config import get_settings

_cold_start = ColdStart()


class LambdaEventHub(EventHub):
    """The app's hub, plus a queue of events for WebSocket clients of API Gateway, sent by `flush`."""

    def __init__(self, pusher: Pusher | None) -> None:
        super().__init__()
        self._pusher = pusher
        self._pending: list[LiveEvent] = []

    def publish(self, event: LiveEvent) -> None:
        super().publish(event)
        if self._pusher is not None:
            self._pending.append(event)

    def discard_pending(self) -> None:
        self._pending.clear()

    def flush(self) -> None:
        events, self._pending = self._pending, []
        if self._pusher is None:
            return
        for event in events:
            try:
                self._pusher.publish(event)
            except Exception:  # the write is done; a failed push must not turn the response into an error
                log.exception("websocket_push_failed", type=event.type, user_id=event.user_id)


def _pusher(settings: LambdaSettings) -> Pusher | None:
    if not settings.connections_table or not settings.websocket_endpoint:
        return None
    # Created on the first push: most requests write nothing and push nothing.
    connections = Connections(LazyClient("dynamodb"), settings.connections_table)
    return Pusher(connections, LazyClient("apigatewaymanagementapi", settings.websocket_endpoint))


class RouteRecorder:
    """ASGI wrapper that keeps the template of the route the app matched (`/api/users/{user_id}`).

    Logs then group by route and hold no ids. Routing leaves the matched route and its path
    parameters in the scope; the parameters are put back in place of their values.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.last: str | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.last = None
        try:
            await self.app(scope, receive, send)
        finally:
            self.last = _template(scope) if scope.get("route") is not None else None


def _template(scope: Scope) -> str:
    path = str(scope.get("path", ""))
    for name, value in (scope.get("path_params") or {}).items():
        path = path.replace(f"/{value}", f"/{{{name}}}", 1)
    return path


@dataclass(frozen=True)
class ApiRuntime:
    recorder: RouteRecorder
    adapter: Mangum
    database: LambdaDatabase
    hub: LambdaEventHub
    base_path: str

    def handle(self, event: Event, context: Any, call: Invocation) -> Response:
        request = parse_http_event(event, self.base_path)
        routed = strip_stage(event, self.base_path)

        def attempt() -> Response:
            self.hub.discard_pending()  # a retried attempt emits its events again
            return self.adapter(routed, context)

        response = self.database.run(attempt)
        self.hub.flush()
        call.route = f"{request.method} {self.recorder.last or '(no route)'}"
        call.status = int(response["statusCode"])
        return response


def api_state_of(app: FastAPI) -> ApiState:
    state: ApiState = app.state.spendsense
    return state


@lru_cache(maxsize=1)
def runtime() -> ApiRuntime:
    settings, lambda_settings = get_settings(), get_lambda_settings()
    configure_lambda_logging(settings.log_level)
    database = open_database(settings, lambda_settings, lambda: client("s3"))
    database.migrate()
    app = create_app(settings, engine=database.engine)
    hub = LambdaEventHub(_pusher(lambda_settings))
    attach(app, replace(api_state_of(app), hub=hub))
    recorder = RouteRecorder(app)
    return ApiRuntime(recorder, Mangum(recorder, lifespan="off"), database, hub, lambda_settings.api_base_path)


def handler(event: Event, context: LambdaContext) -> Response:
    with observe(context, _cold_start) as call:
        return answer_http(event, call, lambda: runtime().handle(event, context, call))


imported()  # last: the garbage collector resumes (see `spendsense.aws.handlers`)
