"""The FastAPI application factory."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from pydantic import BaseModel
from sqlalchemy import text

import spendsense
from spendsense.config import Settings, get_settings
from spendsense.kit.db import engine_for


class Health(BaseModel):
    status: str
    version: str
    database: str


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(title="SpendSense API", version=spendsense.__version__)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_credentials=True,
        allow_methods=["*"],
        allow_headers=["*"],
    )

    @app.get("/api/health", response_model=Health, tags=["health"])
    def health() -> Health:
        engine = engine_for(settings.sqlalchemy_url)
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return Health(status="ok", version=spendsense.__version__, database=engine.dialect.name)

    return app
