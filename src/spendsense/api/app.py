"""The FastAPI application factory: settings, store, auth secret, routers, errors, CORS, live events."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from sqlalchemy import Engine

import spendsense
from spendsense.api import ws
from spendsense.api.auth import endpoints as auth
from spendsense.api.consent import endpoints as consent
from spendsense.api.errors import install_error_handlers
from spendsense.api.evaluation import endpoints as evaluation
from spendsense.api.health import endpoints as health
from spendsense.api.hub import EventHub
from spendsense.api.insights import endpoints as insights
from spendsense.api.operator import endpoints as operator
from spendsense.api.plaid import endpoints as plaid
from spendsense.api.profile import endpoints as profile
from spendsense.api.recommendations import endpoints as recommendations
from spendsense.api.state import ApiState, attach
from spendsense.api.static import mount_web
from spendsense.api.stats import endpoints as stats
from spendsense.api.transactions import endpoints as transactions
from spendsense.api.users import endpoints as users
from spendsense.auth.secret import signing_secret
from spendsense.config import Settings, get_settings
from spendsense.kit.db import engine_for

DESCRIPTION = """Explainable, consent-aware financial education from Plaid-style data.

Log in with `POST /api/auth/login` and send the token as `Authorization: Bearer <token>`.
A customer's token reaches only that customer's data; operator routes need an operator's.
Every route that reads or processes a customer's data needs their consent (403 `consent_required`).
Errors share one shape: `{"error": code, "detail": message}`.
Live updates: a WebSocket at `/ws?token=<token>`.
"""


DOMAINS = (
    health,
    auth,
    users,
    plaid,
    consent,
    profile,
    recommendations,
    transactions,
    insights,
    operator,
    stats,
    evaluation,
)


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> FastAPI:
    """The API over `engine` (default: the configured store, created and migrated on first use)."""
    settings = settings or get_settings()
    # Resolved now, so a missing secret stops start-up instead of failing the first login.
    secret = signing_secret(settings)
    engine = engine or engine_for(settings.sqlalchemy_url)
    app = FastAPI(title="SpendSense API", version=spendsense.__version__, description=DESCRIPTION)
    attach(app, ApiState(settings=settings, engine=engine, secret=secret, hub=EventHub()))
    install_error_handlers(app)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_credentials=True,
        allow_methods=["*"],
        allow_headers=["*"],
    )
    for domain in DOMAINS:
        app.include_router(domain.router, prefix="/api")
    app.include_router(ws.router)
    mount_web(app)  # the built web UI at /, when web/dist exists
    return app
