"""Rows for the API tests, written straight to the store: a customer, accounts, transactions, an operator."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import Engine, select

from spendsense.auth.passwords import hash_password
from spendsense.consent.service import record
from spendsense.kit.clock import utcnow
from spendsense.kit.db import session_scope
from spendsense.models import Account, CustomerCredential, Operator, Recommendation, Transaction, User

# Hashing costs tens of milliseconds: do it once for every row these helpers write.
PASSWORD = "correct horse battery staple"
PASSWORD_HASH = hash_password(PASSWORD)


def add_customer(engine: Engine, user_id: str, *, consent: bool = True, name: str = "Ada Example") -> None:
    with session_scope(engine) as session:
        session.add(User(user_id=user_id, name=name, email=f"{user_id}@example.com", created_at=utcnow()))
        session.flush()
        session.add(CustomerCredential(user_id=user_id, password_hash=PASSWORD_HASH, updated_at=utcnow()))
        if consent:
            record(session, user_id, True, source="test", actor="test")


def add_operator(engine: Engine, name: str = "ops") -> None:
    with session_scope(engine) as session:
        session.add(Operator(name=name, password_hash=PASSWORD_HASH, created_at=utcnow()))


def add_account(engine: Engine, user_id: str, account_id: str, **fields: Any) -> None:
    values = {
        "name": "Everyday Checking",
        "mask": "0001",
        "type": "depository",
        "subtype": "checking",
        "holder_category": "personal",
        "iso_currency_code": "USD",
        "current_cents": 250_000,
        **fields,
    }
    with session_scope(engine) as session:
        session.add(Account(account_id=account_id, user_id=user_id, updated_at=utcnow(), **values))


def add_transactions(engine: Engine, user_id: str, account_id: str, rows: list[dict[str, Any]]) -> None:
    """`rows`: transaction_id, date, amount_cents and any other column to override."""
    with session_scope(engine) as session:
        for row in rows:
            values = {"name": "PURCHASE", "pfc_primary": "GENERAL_MERCHANDISE", "pending": False, **row}
            session.add(Transaction(user_id=user_id, account_id=account_id, **values))


def monthly_rows(first: date, count: int, prefix: str, **fields: Any) -> list[dict[str, Any]]:
    """`count` transactions a week apart, ids `<prefix>-0`, `<prefix>-1`, ..."""
    return [{"transaction_id": f"{prefix}-{i}", "date": first + timedelta(days=7 * i), **fields} for i in range(count)]


def add_recommendations(engine: Engine, user_id: str) -> dict[str, tuple[str, str]]:
    """The operator domain's own stored selection for a high-utilization profile: item id -> (id, status)."""
    from tests.operator.helpers import stored_selection

    with session_scope(engine) as session:
        stored_selection(session, user_id)
        rows = session.scalars(select(Recommendation).where(Recommendation.user_id == user_id))
        return {row.item_id: (row.id, row.status) for row in rows}


def add_card_holder(engine: Engine, user_id: str, newest: date = date(2025, 3, 28)) -> None:
    """Checking with biweekly pay, a Visa at 68% of its limit, and six months of a streaming subscription."""
    add_account(engine, user_id, f"{user_id}-chk", current_cents=180_000)
    add_account(
        engine,
        user_id,
        f"{user_id}-visa",
        name="Visa",
        mask="4523",
        type="credit",
        subtype="credit card",
        current_cents=340_000,
        limit_cents=500_000,
    )
    first = newest - timedelta(days=180)
    pay = [
        {
            "transaction_id": f"{user_id}-pay-{i}",
            "date": first + timedelta(days=14 * i),
            "amount_cents": -210_000,
            "name": "ACME CORP PAYROLL",
            "pfc_primary": "INCOME",
            "pfc_detailed": "INCOME_WAGES",
        }
        for i in range(13)
    ]
    streaming = [
        {
            "transaction_id": f"{user_id}-tv-{i}",
            "date": newest - timedelta(days=30 * i),
            "amount_cents": 1_599,
            "name": "NETFLIX.COM",
            "merchant_name": "Netflix",
            "pfc_primary": "ENTERTAINMENT",
        }
        for i in range(6)
    ]
    add_transactions(engine, user_id, f"{user_id}-chk", pay)
    add_transactions(engine, user_id, f"{user_id}-visa", streaming)
