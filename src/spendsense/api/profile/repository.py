"""The profile's reads: only the columns it shows (no evidence, traces or streams), in three small queries.

`pipeline.view.user_view` reads everything the engine stored, for `spendsense show` and
the operator's views; a customer's profile is read far more often and needs a fraction.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from spendsense.api.profile.schemas import AccountSummary, ProfileView, WindowProfile
from spendsense.models import Account, PersonaAssignment, UserSignals

WINDOWS = ("30d", "180d")
ACCOUNT_COLUMNS = (
    Account.account_id,
    Account.name,
    Account.mask,
    Account.type,
    Account.subtype,
    Account.is_business,
    Account.current_cents,
    Account.limit_cents,
)


def load_profile(session: Session, user_id: str) -> ProfileView:
    accounts = session.execute(select(*ACCOUNT_COLUMNS).where(Account.user_id == user_id).order_by(Account.account_id))
    signals = session.execute(
        select(UserSignals.window, UserSignals.as_of, UserSignals.values).where(UserSignals.user_id == user_id)
    )
    personas = session.execute(
        select(PersonaAssignment.window, PersonaAssignment.primary_persona, PersonaAssignment.personas).where(
            PersonaAssignment.user_id == user_id
        )
    )
    windows: dict[str, dict[str, Any]] = {
        window: {"as_of": None, "signals": {}, "primary_persona": None, "personas": []} for window in WINDOWS
    }
    for window, as_of, values in signals:
        windows.setdefault(window, {}).update(as_of=as_of, signals=values)
    for window, primary, matched in personas:
        windows.setdefault(window, {}).update(primary_persona=primary, personas=matched)
    return ProfileView(
        user_id=user_id,
        accounts=[AccountSummary.model_validate(row._mapping) for row in accounts],
        windows={window: WindowProfile.model_validate(windows[window]) for window in WINDOWS},
    )
