"""What the store holds after the pipeline and the operators: statuses and customer feedback (read only)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, func, select

from spendsense.models import Feedback, Recommendation


def stored_state(engine: Engine) -> dict[str, Any]:
    """Counts through a plain connection that is never committed: the evaluation writes nothing."""
    with engine.connect() as conn:
        statuses = dict(conn.execute(select(Recommendation.status, func.count()).group_by(Recommendation.status)).all())
        feedback = dict(conn.execute(select(Feedback.kind, func.count()).group_by(Feedback.kind)).all())
        conn.rollback()
    rated = feedback.get("helpful", 0) + feedback.get("not_helpful", 0)
    return {
        "statuses": {str(k): int(v) for k, v in statuses.items()},
        "feedback": {str(k): int(v) for k, v in feedback.items()},
        "helpful_rate": feedback.get("helpful", 0) / rated if rated else None,
    }
