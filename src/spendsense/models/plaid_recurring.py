"""Plaid's own view of recurring streams (/transactions/recurring/get), kept to compare ours against."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from spendsense.models.base import Base, JSONType


class PlaidRecurringStream(Base):
    __tablename__ = "plaid_recurring_streams"

    stream_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.user_id", ondelete="CASCADE"), index=True)
    account_id: Mapped[str | None] = mapped_column(String(128))
    direction: Mapped[str] = mapped_column(String(8))  # inflow | outflow
    description: Mapped[str | None] = mapped_column(String(500))
    merchant_name: Mapped[str | None] = mapped_column(String(200))
    frequency: Mapped[str | None] = mapped_column(String(32))
    average_amount_cents: Mapped[int | None] = mapped_column(BigInteger)
    last_amount_cents: Mapped[int | None] = mapped_column(BigInteger)
    first_date: Mapped[date | None] = mapped_column(Date)
    last_date: Mapped[date | None] = mapped_column(Date)
    predicted_next_date: Mapped[date | None] = mapped_column(Date)
    is_active: Mapped[bool | None] = mapped_column(Boolean)
    status: Mapped[str | None] = mapped_column(String(32))
    transaction_ids: Mapped[list[str]] = mapped_column(JSONType, default=list)
    details: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
