"""Accounts as Plaid describes them; balances in integer cents with their currency."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from spendsense.models.base import Base


class Account(Base):
    __tablename__ = "accounts"

    account_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.user_id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    official_name: Mapped[str | None] = mapped_column(String(200))
    mask: Mapped[str | None] = mapped_column(String(8))
    # Open enums: Plaid adds values over time, so these are strings, never Python enums.
    type: Mapped[str] = mapped_column(String(32))
    subtype: Mapped[str | None] = mapped_column(String(64))
    holder_category: Mapped[str | None] = mapped_column(String(32))
    is_business: Mapped[bool] = mapped_column(Boolean, default=False)
    iso_currency_code: Mapped[str] = mapped_column(String(8), default="USD")
    available_cents: Mapped[int | None] = mapped_column(BigInteger)
    current_cents: Mapped[int | None] = mapped_column(BigInteger)
    limit_cents: Mapped[int | None] = mapped_column(BigInteger)
    updated_at: Mapped[datetime]
