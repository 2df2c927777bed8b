"""One user's stored engine output as a plain dict: what `spendsense show --json` prints.

Later stages (recommendations) add their own keys to the dict this returns, so it is built
here once and extended there, never re-assembled.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from spendsense.consent.service import has_consent
from spendsense.kit.errors import NotFound
from spendsense.models import Account, User
from spendsense.pipeline.repository import read_user

ACCOUNT_FIELDS = ("account_id", "name", "mask", "type", "subtype", "is_business", "current_cents", "limit_cents")
STREAM_DROP = ("id", "user_id", "window", "as_of")


def _accounts(session: Session, user_id: str) -> list[dict[str, Any]]:
    rows = session.scalars(select(Account).where(Account.user_id == user_id).order_by(Account.account_id))
    return [{name: getattr(account, name) for name in ACCOUNT_FIELDS} for account in rows]


def _window(stored: dict[str, list[dict[str, Any]]], window: str) -> dict[str, Any]:
    def mine(table: str) -> list[dict[str, Any]]:
        return [row for row in stored[table] if row["window"] == window]

    signals = mine("signals")
    persona = mine("persona_assignments")
    streams = {
        table: [{k: v for k, v in row.items() if k not in STREAM_DROP} for row in mine(table)]
        for table in ("recurring_streams", "income_streams")
    }
    return {
        "as_of": signals[0]["as_of"].isoformat() if signals else None,
        "signals": signals[0]["values"] if signals else {},
        "evidence": signals[0]["evidence"] if signals else [],
        "cards": signals[0]["cards"] if signals else [],
        **streams,
        "primary_persona": persona[0]["primary_persona"] if persona else None,
        "personas": persona[0]["personas"] if persona else [],
        "trace": persona[0]["trace"] if persona else [],
    }


def user_view(session: Session, user_id: str, windows: tuple[str, ...] = ("30d", "180d")) -> dict[str, Any]:
    """Accounts, and per window: signals with their evidence, cards, streams, personas and decision trace."""
    if session.get(User, user_id) is None:
        raise NotFound(f"no user {user_id!r}", user_id=user_id)
    stored = read_user(session, user_id)
    return {
        "user_id": user_id,
        "consent": has_consent(session, user_id),
        "accounts": _accounts(session, user_id),
        "windows": {window: _window(stored, window) for window in windows},
    }
