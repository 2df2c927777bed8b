"""Transactions: Plaid's sign convention (positive = money out), amounts in integer cents."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Identity, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from spendsense.models.base import Base


class Transaction(Base):
    __tablename__ = "transactions"
    __table_args__ = (
        Index("ix_transactions_user_date", "user_id", "date"),
        Index("ix_transactions_account_date", "account_id", "date"),
        # Plaid's id is unique through an index, not the primary key: a bulk load drops this index
        # and builds it once, sorted, after the rows are in (docs/decisions.md).
        Index("ux_transactions_transaction_id", "transaction_id", unique=True),
    )

    # Row identity only; INTEGER makes it SQLite's rowid, so appended rows land at the end of the table.
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), Identity(), primary_key=True)
    transaction_id: Mapped[str] = mapped_column(String(128))
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.account_id", ondelete="CASCADE"))
    # Denormalised from the account so that per-user windows need no join.
    user_id: Mapped[str] = mapped_column(ForeignKey("users.user_id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(Date)
    authorized_date: Mapped[dt.date | None] = mapped_column(Date)
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    iso_currency_code: Mapped[str] = mapped_column(String(8), default="USD")
    name: Mapped[str] = mapped_column(String(500))
    merchant_name: Mapped[str | None] = mapped_column(String(200))
    merchant_entity_id: Mapped[str | None] = mapped_column(String(128))
    payment_channel: Mapped[str | None] = mapped_column(String(32))
    pfc_primary: Mapped[str | None] = mapped_column(String(64))
    pfc_detailed: Mapped[str | None] = mapped_column(String(128))
    pending: Mapped[bool] = mapped_column(Boolean, default=False)
    pending_transaction_id: Mapped[str | None] = mapped_column(String(128))
