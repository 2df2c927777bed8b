"""A user's recommendations added to the `spendsense show` document (built by `pipeline.view.user_view`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from spendsense.operator.queue import for_user, to_dict


def add_recommendations(session: Session, view: dict[str, Any]) -> dict[str, Any]:
    """Each window of `view` gets `recommendations`: every stored item with status, rationale,
    disclosure, the signals it cites and its decision trace (the operator's view: all statuses)."""
    rows = for_user(session, view["user_id"])
    for label, window in view["windows"].items():
        window["recommendations"] = [to_dict(row, with_trace=True) for row in rows if row.window == label]
    return view
