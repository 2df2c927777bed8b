"""What a customer sees, as a view (`api.views`): its key, its body, and what versions the rows it is made from.

The visible list depends on the customer's recommendations (every status change and every
pipeline refresh sets `updated_at`; new or removed rows change the count) and on their
feedback (a dismissal takes an item off the list).
"""

from __future__ import annotations

from sqlalchemy import func
from sqlalchemy.orm import Session

from spendsense.api.recommendations.schemas import RecommendationList, RecommendationView
from spendsense.api.views import ViewSource, freshness, per_user
from spendsense.models import Feedback, Recommendation
from spendsense.operator import queue

FRESHNESS = freshness(
    *per_user(Recommendation, func.count(), func.max(Recommendation.updated_at)),
    *per_user(Feedback, func.count()),
)


def _visible_json(session: Session, user_id: str) -> bytes:
    rows = queue.visible_for_user(session, user_id)
    items = [RecommendationView.model_validate(queue.to_dict(row)) for row in rows]
    return RecommendationList(user_id=user_id, items=items).model_dump_json().encode()


def visible_source(user_id: str) -> ViewSource:
    return ViewSource(key=("recommendations", user_id), build=_visible_json, freshness=FRESHNESS)
