"""What one app instance holds: its settings, store, signing secret, event hub and response cache."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from fastapi import FastAPI
from sqlalchemy import Engine
from starlette.requests import HTTPConnection

from spendsense.api.cache import ResponseCache
from spendsense.api.hub import EventHub
from spendsense.config import Settings


@dataclass(frozen=True)
class ApiState:
    settings: Settings
    engine: Engine
    secret: str
    hub: EventHub
    # Responses keyed by the version of their data (insights, what a customer sees): see api.cache.
    cache: ResponseCache = field(default_factory=ResponseCache)

    @property
    def token_ttl(self) -> timedelta:
        return timedelta(minutes=self.settings.jwt_ttl_minutes)


def attach(app: FastAPI, state: ApiState) -> None:
    app.state.spendsense = state


def api_state(connection: HTTPConnection) -> ApiState:
    """The state of the app serving this request or WebSocket."""
    state: ApiState = connection.app.state.spendsense
    return state
