"""The operator audit log: append-only. Who did what to which recommendation, when and why.

Nothing may change or remove a row. The ORM refuses (mapper events for unit-of-work
updates and deletes, a session hook for bulk UPDATE/DELETE statements), and so does the
database itself (triggers created by migration 0004), so raw SQL cannot either.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, Index, String, Text, event
from sqlalchemy.orm import Mapped, Mapper, ORMExecuteState, Session, mapped_column

from spendsense.kit.errors import SpendSenseError
from spendsense.models.base import Base, JSONType

ACTIONS = ("approve", "reject", "flag", "override", "hide", "restore", "block")


class AuditLogImmutable(SpendSenseError):
    status_code = 409
    error = "audit_log_immutable"


class OperatorAction(Base):
    __tablename__ = "operator_actions"
    __table_args__ = (
        Index("ix_operator_actions_recommendation", "recommendation_id"),
        Index("ix_operator_actions_user", "user_id"),
        CheckConstraint(f"action IN ({', '.join(repr(a) for a in ACTIONS)})", name="action"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    # No foreign keys: the log outlives what it describes and must never block (or cascade from) a delete.
    recommendation_id: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[str] = mapped_column(String(64))
    actor: Mapped[str] = mapped_column(String(128))  # an operator's name, or system:<what> for automatic changes
    action: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text)
    before_status: Mapped[str | None] = mapped_column(String(16))
    after_status: Mapped[str | None] = mapped_column(String(16))
    details: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    at: Mapped[datetime]


def _refuse(_mapper: Mapper[Any], _connection: Any, target: OperatorAction) -> None:
    raise AuditLogImmutable(f"operator action {target.id} cannot be changed: the audit log is append-only")


event.listen(OperatorAction, "before_update", _refuse)
event.listen(OperatorAction, "before_delete", _refuse)


@event.listens_for(Session, "do_orm_execute")
def _refuse_bulk(state: ORMExecuteState) -> None:
    mapper = state.bind_mapper
    if (state.is_update or state.is_delete) and mapper is not None and mapper.class_ is OperatorAction:
        raise AuditLogImmutable("bulk UPDATE or DELETE of the audit log is refused: it is append-only")
