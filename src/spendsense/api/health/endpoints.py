"""GET /api/health: is the service up, and can it reach its store. Public, reads nothing personal."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict
from sqlalchemy import text

import spendsense
from spendsense.api.deps import StateDep

router = APIRouter(tags=["health"])


class Health(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"status": "ok", "version": "0.1.0", "database": "sqlite"}]}
    )

    status: str
    version: str
    database: str


@router.get("/health", response_model=Health, summary="Liveness and store check")
def health(state: StateDep) -> Health:
    with state.engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    return Health(status="ok", version=spendsense.__version__, database=state.engine.dialect.name)
