"""Put hand-made rows (from `builders`) into a real store, for the repository, service and CLI tests."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, inspect, text

from spendsense.consent.service import record
from spendsense.kit.clock import utcnow
from spendsense.kit.db import session_scope
from spendsense.models import Account, Transaction, User


def seed(
    engine: Engine,
    accounts: list[dict[str, Any]],
    transactions: list[dict[str, Any]],
    user_id: str = "u1",
    consent: bool = True,
) -> None:
    now = utcnow()
    with session_scope(engine) as session:
        session.add(User(user_id=user_id, name="Ada Example", created_at=now))
        session.flush()
        session.add_all(Account(**{**row, "user_id": user_id}, updated_at=now) for row in accounts)
        session.flush()
        session.add_all(Transaction(**{**row, "user_id": user_id}) for row in transactions)
        if consent:
            record(session, user_id, True, source="cli")


def row_counts(engine: Engine) -> dict[str, int]:
    """Rows per table of the migrated store: a read-only call leaves every one of them as it was."""
    names = inspect(engine).get_table_names()
    with engine.connect() as conn:
        return {name: conn.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one() for name in names}
