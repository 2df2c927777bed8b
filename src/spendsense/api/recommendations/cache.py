"""What a customer sees, as a view (`api.views`): its key, its body, and a version of the rows it is made from.

The visible list depends on the customer's recommendations (every status change and every
pipeline refresh sets `updated_at`; new or removed rows change the count) and on their
feedback (a dismissal takes an item off the list). Consent is checked before either.
"""

from __future__ import annotations

from collections.abc import Hashable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from spendsense.api.recommendations.schemas import RecommendationList, RecommendationView
from spendsense.api.views import ViewSource
from spendsense.models import Feedback, Recommendation
from spendsense.operator import queue


def rows_version(session: Session, user_id: str) -> tuple[Hashable, ...]:
    feedback = select(func.count(Feedback.id)).where(Feedback.user_id == user_id).scalar_subquery()
    rows = select(func.count(Recommendation.id), func.max(Recommendation.updated_at), feedback)
    return tuple(session.execute(rows.where(Recommendation.user_id == user_id)).one())


def _visible_json(session: Session, user_id: str) -> bytes:
    rows = queue.visible_for_user(session, user_id)
    items = [RecommendationView.model_validate(queue.to_dict(row)) for row in rows]
    return RecommendationList(user_id=user_id, items=items).model_dump_json().encode()


def visible_source(user_id: str) -> ViewSource:
    return ViewSource(key=("recommendations", user_id), build=_visible_json, version=rows_version)
