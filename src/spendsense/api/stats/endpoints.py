"""GET /api/stats (operator): the overview counts."""

from __future__ import annotations

from fastapi import APIRouter

from spendsense.api.deps import OperatorUser, SessionDep
from spendsense.api.errors import error_responses
from spendsense.api.stats import service
from spendsense.api.stats.schemas import Stats

router = APIRouter(tags=["operator"])


@router.get("/stats", response_model=Stats, responses=error_responses(401, 403), summary="Overview counts (operator)")
def get_stats(session: SessionDep, _operator: OperatorUser) -> Stats:
    return service.collect(session)
