"""Raw payloads exactly as received: the source of truth every later stage is rebuilt from."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from spendsense.models.base import Base


class RawPayload(Base):
    __tablename__ = "raw_payloads"
    __table_args__ = (UniqueConstraint("user_id", "source", "content_sha256", name="uq_raw_payloads_content"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.user_id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(String(64))  # e.g. plaid:/transactions/sync, sandbox:override_accounts
    origin: Mapped[str | None] = mapped_column(String(500))  # file name or request id
    content_sha256: Mapped[str] = mapped_column(String(64))
    body: Mapped[str] = mapped_column(Text)  # the bytes as received, decoded as UTF-8
    received_at: Mapped[datetime]
