"""A tiny store for pipeline tests: three users, one without consent."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import Engine

from spendsense.kit.clock import utcnow
from spendsense.kit.db import session_scope
from spendsense.models import Account, Consent, Liability, Transaction, User

NEWEST = date(2026, 6, 30)
FEE = {"name": "Overdraft fee", "pfc_primary": "BANK_FEES", "pfc_detailed": "BANK_FEES_OVERDRAFT_FEES"}
NETFLIX = {"name": "NETFLIX.COM", "merchant_name": "Netflix", "pfc_primary": "ENTERTAINMENT"}


def _account(account_id: str, user_id: str, kind: str, subtype: str, current: int, **extra: Any) -> Account:
    return Account(
        account_id=account_id, user_id=user_id, name=subtype.title(), type=kind, subtype=subtype,
        current_cents=current, updated_at=utcnow(), **extra,
    )  # fmt: skip


def _txn(transaction_id: str, account_id: str, day: date, cents: int, **fields: Any) -> Transaction:
    user_id = account_id.split("-", maxsplit=1)[0]
    return Transaction(
        transaction_id=transaction_id, account_id=account_id, user_id=user_id, date=day, amount_cents=cents, **fields
    )


def seed(engine: Engine) -> None:
    """u1: card at 60% and a Netflix subscription; u2: no consent; u3: a quiet checking account."""
    now = utcnow()
    with session_scope(engine) as s:
        s.add_all(User(user_id=user, name=user, created_at=now) for user in ("u1", "u2", "u3"))
        s.flush()
        s.add_all(Consent(user_id=user, granted=True, source="cli", updated_at=now) for user in ("u1", "u3"))
        s.add(_account("u1-card", "u1", "credit", "credit card", 300000, limit_cents=500000, mask="4523"))
        s.add(_account("u2-chk", "u2", "depository", "checking", 1000))
        s.add(_account("u3-chk", "u3", "depository", "checking", 50000))
        s.flush()
        s.add(
            Liability(
                account_id="u1-card",
                user_id="u1",
                kind="credit",
                minimum_payment_cents=3500,
                last_payment_cents=20000,
                aprs=[],
            )
        )
        s.add_all(_txn(f"nf{i}", "u1-card", NEWEST - timedelta(days=25 + 30 * i), 1599, **NETFLIX) for i in range(6))
        s.add(_txn("u2-fee", "u2-chk", NEWEST, 3500, **FEE))


def add_fees(engine: Engine, user_id: str, account_id: str, count: int) -> None:
    with session_scope(engine) as s:
        s.add_all(_txn(f"{user_id}-fee{i}", account_id, NEWEST - timedelta(days=i), 3500, **FEE) for i in range(count))
