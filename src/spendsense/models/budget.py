"""Budgets a customer saves, and net-worth snapshots (the insights' stored state)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from spendsense.models.base import Base


class Budget(Base):
    __tablename__ = "budgets"
    __table_args__ = (UniqueConstraint("user_id", "month", "category", name="uq_budgets_user_month_category"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.user_id", ondelete="CASCADE"), index=True)
    month: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    category: Mapped[str] = mapped_column(String(64))  # personal_finance_category.primary
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    iso_currency_code: Mapped[str] = mapped_column(String(8), default="USD")
    updated_at: Mapped[datetime]


class NetWorthSnapshot(Base):
    __tablename__ = "net_worth_snapshots"
    __table_args__ = (UniqueConstraint("user_id", "as_of", name="uq_net_worth_snapshots_user_as_of"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.user_id", ondelete="CASCADE"), index=True)
    as_of: Mapped[date] = mapped_column(Date)
    assets_cents: Mapped[int] = mapped_column(BigInteger)
    liabilities_cents: Mapped[int] = mapped_column(BigInteger)
    net_worth_cents: Mapped[int] = mapped_column(BigInteger)
    iso_currency_code: Mapped[str] = mapped_column(String(8), default="USD")
    created_at: Mapped[datetime]
