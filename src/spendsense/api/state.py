"""What one app instance holds: its settings, store, signing secret, event hub and remembered views."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from fastapi import FastAPI
from sqlalchemy import Engine
from starlette.requests import HTTPConnection

from spendsense.api.hub import EventHub
from spendsense.api.views import ViewCache
from spendsense.config import Settings


@dataclass(frozen=True)
class ApiState:
    settings: Settings
    engine: Engine
    secret: str
    hub: EventHub
    # The customer views (profile, recommendations, insights) with the generation they hold at: see api.views.
    views: ViewCache = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "views", ViewCache(self.engine))

    @property
    def token_ttl(self) -> timedelta:
        return timedelta(minutes=self.settings.jwt_ttl_minutes)


def attach(app: FastAPI, state: ApiState) -> None:
    app.state.spendsense = state


def api_state(connection: HTTPConnection) -> ApiState:
    """The state of the app serving this request or WebSocket."""
    state: ApiState = connection.app.state.spendsense
    return state
