"""GET /api/profile/{user_id}: what the customer (or an operator) sees of the engine's findings."""

from __future__ import annotations

from fastapi import APIRouter

from spendsense.api.access import read_consented
from spendsense.api.deps import CurrentUser, StateDep, UserIdPath
from spendsense.api.errors import error_responses
from spendsense.api.profile.repository import load_profile
from spendsense.api.profile.schemas import ProfileView

router = APIRouter(tags=["profile"])


@router.get(
    "/profile/{user_id}",
    response_model=ProfileView,
    responses=error_responses(401, 403, 404, 422),
    summary="Accounts, signals and personas (30d and 180d)",
)
async def get_profile(user_id: UserIdPath, principal: CurrentUser, state: StateDep) -> ProfileView:
    return await read_consented(state.engine, principal, user_id, load_profile)
