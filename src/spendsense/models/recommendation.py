"""Recommendations as reviewed and stored, the per-run snapshot they came from, and customer feedback."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from spendsense.models.base import Base, JSONType

# pending: waits for an operator; approved: visible; rejected / overridden: an operator removed it;
# flagged: withheld until an operator looks again; blocked: a guardrail stopped it;
# hidden: consent was revoked, or the pipeline no longer selects it.
STATUSES = ("pending", "approved", "rejected", "flagged", "overridden", "blocked", "hidden")
VISIBLE_STATUSES = ("approved",)
KINDS = ("education", "offer")
FEEDBACK_KINDS = ("helpful", "not_helpful", "dismissed")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Recommendation(Base):
    __tablename__ = "recommendations"
    __table_args__ = (
        UniqueConstraint("user_id", "window", "item_id", name="uq_recommendations_user_window_item"),
        Index("ix_recommendations_user_window", "user_id", "window"),
        Index("ix_recommendations_status", "status"),
        CheckConstraint(_in("status", STATUSES), name="status"),
        CheckConstraint(_in("kind", KINDS), name="kind"),
    )

    # stable_id(user, window, item): re-running the pipeline updates a row, never duplicates it.
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.user_id", ondelete="CASCADE"))
    window: Mapped[str] = mapped_column(String(8))  # 30d | 180d, as in the signal tables
    kind: Mapped[str] = mapped_column(String(16))
    item_id: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16))
    origin: Mapped[str] = mapped_column(String(16))  # pipeline | operator (an override's replacement)
    rank: Mapped[int] = mapped_column(Integer)
    rationale: Mapped[str] = mapped_column(Text)
    disclosure: Mapped[str] = mapped_column(Text)
    cited_signals: Mapped[list[str]] = mapped_column(JSONType, default=list)
    trace: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    # Hash of what the pipeline wrote: a re-run with the same content skips the UPDATE.
    fingerprint: Mapped[str | None] = mapped_column(String(64))
    replaces_id: Mapped[str | None] = mapped_column(String(32))
    as_of: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class RecommendationRun(Base):
    """What one user's selection for one window was made from: typed facts, guardrail context, every candidate."""

    __tablename__ = "recommendation_runs"
    __table_args__ = (UniqueConstraint("user_id", "window", name="uq_recommendation_runs_user_window"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.user_id", ondelete="CASCADE"))
    window: Mapped[str] = mapped_column(String(8))  # 30d | 180d, as in the signal tables
    as_of: Mapped[date | None] = mapped_column(Date)
    persona: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    signals: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    facts: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    context: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    selection: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    updated_at: Mapped[datetime]


class Feedback(Base):
    __tablename__ = "recommendation_feedback"
    __table_args__ = (CheckConstraint(_in("kind", FEEDBACK_KINDS), name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    recommendation_id: Mapped[str] = mapped_column(ForeignKey("recommendations.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.user_id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    comment: Mapped[str | None] = mapped_column(String(1000))
    at: Mapped[datetime]
