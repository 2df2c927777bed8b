"""Customers: synthetic identity and the demographics the fairness report slices by."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from spendsense.models.base import Base


class User(Base):
    __tablename__ = "users"

    user_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(200))
    age_band: Mapped[str | None] = mapped_column(String(16))
    gender: Mapped[str | None] = mapped_column(String(32))
    income_tier: Mapped[str | None] = mapped_column(String(16))
    region: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime]
