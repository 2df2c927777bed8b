"""Liabilities (credit card, mortgage, student loan): the fields the signals read, the rest in `details`."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import BigInteger, Boolean, Date, Float, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from spendsense.models.base import Base, JSONType


class Liability(Base):
    __tablename__ = "liabilities"

    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.account_id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.user_id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # credit | mortgage | student
    aprs: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    interest_rate_pct: Mapped[float | None] = mapped_column(Float)
    minimum_payment_cents: Mapped[int | None] = mapped_column(BigInteger)
    last_payment_cents: Mapped[int | None] = mapped_column(BigInteger)
    last_payment_date: Mapped[date | None] = mapped_column(Date)
    last_statement_balance_cents: Mapped[int | None] = mapped_column(BigInteger)
    is_overdue: Mapped[bool | None] = mapped_column(Boolean)
    next_payment_due_date: Mapped[date | None] = mapped_column(Date)
    details: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
