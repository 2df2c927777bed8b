"""One customer's transactions, filtered and paged in the database (a customer may have years of them)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from spendsense.api.transactions.schemas import TransactionFilters, TransactionView
from spendsense.kit.errors import InvalidInput
from spendsense.models import Transaction


def _like(text: str) -> str:
    """A LIKE pattern that matches `text` literally, whatever `%` or `_` it holds."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _conditions(user_id: str, filters: TransactionFilters) -> list[ColumnElement[bool]]:
    if filters.start_date and filters.end_date and filters.start_date > filters.end_date:
        raise InvalidInput("start_date is after end_date", start_date=str(filters.start_date))
    conditions: list[ColumnElement[bool]] = [Transaction.user_id == user_id]
    if filters.start_date:
        conditions.append(Transaction.date >= filters.start_date)
    if filters.end_date:
        conditions.append(Transaction.date <= filters.end_date)
    if filters.category:
        conditions.append(Transaction.pfc_primary == filters.category)
    if filters.account_id:
        conditions.append(Transaction.account_id == filters.account_id)
    if filters.search:
        pattern = _like(filters.search)
        conditions.append(
            or_(
                func.lower(Transaction.name).like(pattern, escape="\\"),
                func.lower(Transaction.merchant_name).like(pattern, escape="\\"),
            )
        )
    return conditions


def _view(row: Transaction) -> TransactionView:
    return TransactionView(
        transaction_id=row.transaction_id,
        account_id=row.account_id,
        date=row.date,
        authorized_date=row.authorized_date,
        amount_cents=row.amount_cents,
        iso_currency_code=row.iso_currency_code,
        name=row.name,
        merchant_name=row.merchant_name,
        payment_channel=row.payment_channel,
        category=row.pfc_primary,
        category_detailed=row.pfc_detailed,
        pending=row.pending,
    )


def transactions_page(
    session: Session, user_id: str, filters: TransactionFilters, limit: int, offset: int
) -> tuple[Sequence[TransactionView], int]:
    """Newest first; returns the page and how many match."""
    conditions: Any = _conditions(user_id, filters)
    total = session.scalar(select(func.count()).select_from(Transaction).where(*conditions)) or 0
    query = (
        select(Transaction)
        .where(*conditions)
        .order_by(Transaction.date.desc(), Transaction.transaction_id)
        .limit(limit)
        .offset(offset)
    )
    return [_view(row) for row in session.scalars(query)], total
