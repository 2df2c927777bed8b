"""What the signal engine stores: signals, recurring and income streams, persona assignments with traces.

One row per (user, window) for signals and assignments, replaced on every run: the tables
hold the latest computation, the Parquet files under `<data_dir>/signals/` the typed copy.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from spendsense.models.base import Base, JSONType


class UserSignals(Base):
    __tablename__ = "signals"

    user_id: Mapped[str] = mapped_column(ForeignKey("users.user_id", ondelete="CASCADE"), primary_key=True)
    window: Mapped[str] = mapped_column(String(8), primary_key=True)  # 30d | 180d
    # Indexed: a one-user recompute reads the last run's as-of date (the maximum) on every call.
    as_of: Mapped[date] = mapped_column(Date, index=True)
    # Every signal of spendsense.signals.catalog by name (money in cents); None = not applicable.
    values: Mapped[dict[str, Any]] = mapped_column(JSONType)
    # Evidence sets: [{signals, account_ids, transaction_ids, transaction_count}].
    evidence: Mapped[list[dict[str, Any]]] = mapped_column(JSONType)
    # Per card: balance, limit, utilization, minimum and last payment, overdue.
    cards: Mapped[list[dict[str, Any]]] = mapped_column(JSONType)
    computed_at: Mapped[datetime]


class _StreamColumns:
    """Columns shared by recurring and income streams."""

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.user_id", ondelete="CASCADE"), index=True)
    window: Mapped[str] = mapped_column(String(8))
    as_of: Mapped[date] = mapped_column(Date)
    stream_id: Mapped[str] = mapped_column(String(320))
    account_id: Mapped[str | None] = mapped_column(String(128))
    merchant_key: Mapped[str] = mapped_column(String(128))
    merchant_name: Mapped[str | None] = mapped_column(String(500))
    frequency: Mapped[str] = mapped_column(String(16))
    average_amount_cents: Mapped[int] = mapped_column(BigInteger)
    last_amount_cents: Mapped[int] = mapped_column(BigInteger)
    first_date: Mapped[date] = mapped_column(Date)
    last_date: Mapped[date] = mapped_column(Date)
    transaction_ids: Mapped[list[str]] = mapped_column(JSONType)


class RecurringStream(_StreamColumns, Base):
    __tablename__ = "recurring_streams"
    __table_args__ = (UniqueConstraint("window", "stream_id", name="uq_recurring_streams_window_stream"),)

    direction: Mapped[str] = mapped_column(String(8))  # inflow | outflow
    predicted_next_date: Mapped[date] = mapped_column(Date)
    is_active: Mapped[bool] = mapped_column(Boolean)
    occurrences: Mapped[int] = mapped_column(Integer)
    pfc_primary: Mapped[str | None] = mapped_column(String(64))
    pfc_detailed: Mapped[str | None] = mapped_column(String(128))
    is_subscription: Mapped[bool] = mapped_column(Boolean)


class IncomeStream(_StreamColumns, Base):
    __tablename__ = "income_streams"
    __table_args__ = (UniqueConstraint("window", "stream_id", name="uq_income_streams_window_stream"),)

    is_payroll: Mapped[bool] = mapped_column(Boolean)
    deposits: Mapped[int] = mapped_column(Integer)
    total_cents: Mapped[int] = mapped_column(BigInteger)
    median_gap_days: Mapped[float | None]


class PersonaAssignment(Base):
    __tablename__ = "persona_assignments"

    user_id: Mapped[str] = mapped_column(ForeignKey("users.user_id", ondelete="CASCADE"), primary_key=True)
    window: Mapped[str] = mapped_column(String(8), primary_key=True)
    as_of: Mapped[date] = mapped_column(Date)
    primary_persona: Mapped[str | None] = mapped_column(String(32))  # None: matched no persona
    personas: Mapped[list[str]] = mapped_column(JSONType)  # every match, in priority order
    # Per persona: rule, matched, and each criterion with value, threshold, result and evidence.
    trace: Mapped[list[dict[str, Any]]] = mapped_column(JSONType)
    computed_at: Mapped[datetime]
