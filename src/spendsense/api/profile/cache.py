"""The profile as a view (`api.views`): its key, its body, and what versions its inputs.

Accounts come from ingest, which stores a raw payload before any row it writes (the newest
id moves) and stamps `updated_at`; the pipeline replaces a user's signals and personas on
every run with a new `computed_at` (and removes them when consent goes).
"""

from __future__ import annotations

from sqlalchemy import func
from sqlalchemy.orm import Session

from spendsense.api.profile.repository import load_profile
from spendsense.api.views import ViewSource, freshness, per_user
from spendsense.models import Account, PersonaAssignment, RawPayload, UserSignals

FRESHNESS = freshness(
    *per_user(RawPayload, func.max(RawPayload.id)),
    *per_user(Account, func.count(), func.max(Account.updated_at)),
    *per_user(UserSignals, func.count(), func.max(UserSignals.computed_at)),
    *per_user(PersonaAssignment, func.count(), func.max(PersonaAssignment.computed_at)),
)


def _profile_json(session: Session, user_id: str) -> bytes:
    return load_profile(session, user_id).model_dump_json().encode()


def profile_source(user_id: str) -> ViewSource:
    return ViewSource(key=("profile", user_id), build=_profile_json, freshness=FRESHNESS)
