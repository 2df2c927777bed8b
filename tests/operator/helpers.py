"""Store helpers for operator tests: users with or without consent, and a stored selection."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from spendsense.consent import service as consent
from spendsense.models import User
from spendsense.operator.policy import default_policy
from spendsense.operator.store import SaveSummary, save_selections
from spendsense.recommend.catalog import default_catalog
from spendsense.recommend.select import Selection, select
from tests.recommend.builders import profile

NOW = datetime(2026, 4, 1, 12, 0, tzinfo=UTC)


def add_user(session: Session, user_id: str = "u1", consent_granted: bool = True) -> None:
    session.add(User(user_id=user_id, name=f"Test {user_id}", created_at=NOW))
    session.flush()
    if consent_granted:
        consent.record(session, user_id, True, source="test", actor="test")


def stored_selection(session: Session, user_id: str = "u1", **overrides: Any) -> tuple[Selection, SaveSummary]:
    selection = select(profile(user_id, **overrides), default_catalog())
    return selection, save_selections(session, [selection], default_policy(), NOW)
