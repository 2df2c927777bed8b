"""GET /api/profile/{user_id}: what the customer (or an operator) sees of the engine's findings."""

from __future__ import annotations

from fastapi import APIRouter, Response

from spendsense.api.deps import CurrentUser, StateDep, UserIdPath
from spendsense.api.errors import error_responses
from spendsense.api.profile.cache import profile_source
from spendsense.api.profile.schemas import ProfileView
from spendsense.api.views import NOT_MODIFIED, IfNoneMatch, read_view

router = APIRouter(tags=["profile"])


@router.get(
    "/profile/{user_id}",
    response_model=ProfileView,
    responses={**NOT_MODIFIED, **error_responses(401, 403, 404, 422)},
    summary="Accounts, signals and personas (30d and 180d)",
)
async def get_profile(
    user_id: UserIdPath, principal: CurrentUser, state: StateDep, if_none_match: IfNoneMatch = None
) -> Response:
    view = await read_view(state.views, principal, user_id, profile_source(user_id))
    # Already JSON of ProfileView: returned as is, not validated and encoded again.
    return view.response(if_none_match)
