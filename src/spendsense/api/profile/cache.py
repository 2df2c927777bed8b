"""The profile as a view (`api.views`). No version query: its three small reads are the cheapest test."""

from __future__ import annotations

from sqlalchemy.orm import Session

from spendsense.api.profile.repository import load_profile
from spendsense.api.views import ViewSource


def _profile_json(session: Session, user_id: str) -> bytes:
    return load_profile(session, user_id).model_dump_json().encode()


def profile_source(user_id: str) -> ViewSource:
    return ViewSource(key=("profile", user_id), build=_profile_json)
