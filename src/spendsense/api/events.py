"""Live events: what changed, for whom, and how it leaves the process.

Code that changes state calls `emit(session, event)`. The event waits on the session and
is handed to the session's publisher only after the transaction commits, so a client
never hears of a change that was rolled back. A publisher is anything with
`publish(event)`: the in-process hub behind `/ws` (`spendsense.api.hub.EventHub`), or an
adapter for another transport such as API Gateway WebSocket connections.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, Protocol

from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session

from spendsense.kit.clock import utcnow
from spendsense.kit.logging import get_logger

log = get_logger(__name__)

EventType = Literal["consent.changed", "recommendations.updated", "recommendation.reviewed", "feedback.received"]
_PENDING = "spendsense.events.pending"
_PUBLISHER = "spendsense.events.publisher"


@dataclass(frozen=True)
class Event:
    type: EventType
    user_id: str  # whose data changed: that customer and every operator receive it
    data: dict[str, Any] = field(default_factory=dict)
    at: datetime = field(default_factory=utcnow)

    def to_json(self) -> dict[str, Any]:
        return {"type": self.type, "user_id": self.user_id, "at": self.at.isoformat(), "data": self.data}


class Publisher(Protocol):
    def publish(self, event: Event) -> None:
        """Deliver `event`; called from any thread, must not block."""


def bind_publisher(session: Session, publisher: Publisher) -> None:
    session.info[_PUBLISHER] = publisher


def emit(session: Session, event: Event) -> None:
    """Publish `event` once the session's transaction commits; drop it if it rolls back."""
    session.info.setdefault(_PENDING, []).append(event)


@sa_event.listens_for(Session, "after_commit")
def _publish_pending(session: Session) -> None:
    pending: list[Event] = session.info.pop(_PENDING, [])
    publisher: Publisher | None = session.info.get(_PUBLISHER)
    if publisher is None:
        return
    for item in pending:
        try:
            publisher.publish(item)
        except Exception:  # the change is committed; a delivery failure must not turn it into an error
            log.exception("event_publish_failed", type=item.type, user_id=item.user_id)


@sa_event.listens_for(Session, "after_soft_rollback")
def _drop_pending(session: Session, _previous_transaction: Any) -> None:
    session.info.pop(_PENDING, None)
