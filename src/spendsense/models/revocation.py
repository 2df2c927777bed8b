"""Revoking consent hides every recommendation that was shown or queued, whichever path recorded it.

A mapper event on the consent history rather than a call in each consent path (CLI, API,
import): a new path cannot forget it. It runs inside the same flush, so the revocation and
the hiding commit or roll back together, and each hidden item gets an audit-log entry.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, event, insert, select, update
from sqlalchemy.orm import Mapper

from spendsense.models.consent import ConsentEvent
from spendsense.models.operator_action import OperatorAction
from spendsense.models.recommendation import Recommendation

# What a revocation hides: anything a customer sees or could see after an operator's click.
HIDEABLE = ("pending", "approved", "flagged")
ACTOR = "system:consent"


def hide_on_revoke(_mapper: Mapper[Any], connection: Connection, target: ConsentEvent) -> None:
    if target.action != "revoke":
        return
    rows = connection.execute(
        select(Recommendation.id, Recommendation.status).where(
            Recommendation.user_id == target.user_id, Recommendation.status.in_(HIDEABLE)
        )
    ).all()
    if not rows:
        return
    connection.execute(
        update(Recommendation)
        .where(Recommendation.id.in_([row.id for row in rows]))
        .values(status="hidden", updated_at=target.at)
    )
    connection.execute(
        insert(OperatorAction),
        [
            {
                "recommendation_id": row.id,
                "user_id": target.user_id,
                "actor": ACTOR,
                "action": "hide",
                "reason": "consent revoked",
                "before_status": row.status,
                "after_status": "hidden",
                "details": {"consent_source": target.source},
                "at": target.at,
            }
            for row in rows
        ],
    )


event.listen(ConsentEvent, "after_insert", hide_on_revoke)
