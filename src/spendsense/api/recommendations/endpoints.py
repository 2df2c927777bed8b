"""What a customer is shown (GET /api/recommendations/{user_id}) and what they say about it (POST /api/feedback)."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from spendsense.api.deps import CurrentUser, SessionDep, StateDep, UserIdPath
from spendsense.api.errors import error_responses
from spendsense.api.events import Event, emit
from spendsense.api.recommendations.cache import visible_source
from spendsense.api.recommendations.schemas import (
    FeedbackRequest,
    FeedbackView,
    RecommendationList,
)
from spendsense.api.views import NOT_MODIFIED, IfNoneMatch, read_view
from spendsense.auth.errors import Forbidden
from spendsense.kit.clock import utcnow
from spendsense.operator import feedback

router = APIRouter(tags=["recommendations"])


@router.get(
    "/recommendations/{user_id}",
    response_model=RecommendationList,
    responses={**NOT_MODIFIED, **error_responses(401, 403, 404, 422)},
    summary="The recommendations a customer sees",
)
async def get_recommendations(
    user_id: UserIdPath, principal: CurrentUser, state: StateDep, if_none_match: IfNoneMatch = None
) -> Response:
    """Approved items the customer has not dismissed, each with its rationale and disclosure."""
    view = await read_view(state.views, principal, user_id, visible_source(user_id))
    # Already JSON of RecommendationList: returned as is, not validated and encoded again.
    return view.response(if_none_match)


@router.post(
    "/feedback",
    response_model=FeedbackView,
    status_code=status.HTTP_201_CREATED,
    responses=error_responses(401, 403, 404, 422),
    summary="Feedback on a recommendation (customer)",
)
def post_feedback(body: FeedbackRequest, session: SessionDep, principal: CurrentUser) -> FeedbackView:
    """Helpful, not helpful, or dismissed (a dismissed item leaves the customer's list)."""
    if principal.is_operator:
        raise Forbidden("feedback comes from the customer the recommendation was made for")
    entry = feedback.record_feedback(
        session, principal.subject, body.recommendation_id, body.kind, body.comment, utcnow()
    )
    data = {"recommendation_id": entry.recommendation_id, "kind": entry.kind}
    emit(session, Event("feedback.received", entry.user_id, data))
    return FeedbackView.model_validate(feedback.to_dict(entry))
