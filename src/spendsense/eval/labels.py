"""The generator's ground truth (labels.json): per user, the personas the data shows and its recurring streams."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spendsense.kit.errors import SpendSenseError


class LabelsInvalid(SpendSenseError):
    status_code = 422
    error = "labels_invalid"


@dataclass(frozen=True)
class UserLabels:
    primary_persona: str | None
    personas: tuple[str, ...]
    recurring_streams: tuple[frozenset[str], ...] = field(default=())
    """Each labelled stream as the set of its transaction ids."""


def _user(body: Mapping[str, Any]) -> UserLabels:
    streams = tuple(frozenset(s.get("transaction_ids") or ()) for s in body.get("recurring_streams") or ())
    return UserLabels(body.get("primary_persona"), tuple(body.get("personas") or ()), streams)


def parse_labels(data: Any) -> dict[str, UserLabels]:
    """`{"users": {id: {...}}}`, a bare `{id: {...}}` map, or a list of objects with `user_id`."""
    users = data.get("users", data) if isinstance(data, dict) else data
    if isinstance(users, list):
        return {str(u["user_id"]): _user(u) for u in users if isinstance(u, dict) and "user_id" in u}
    if isinstance(users, dict):
        return {str(k): _user(v) for k, v in users.items() if isinstance(v, dict) and "personas" in v}
    raise LabelsInvalid("labels.json holds no users")


def load_labels(path: Path) -> dict[str, UserLabels]:
    try:
        return parse_labels(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
        raise LabelsInvalid(f"cannot read labels from {path}: {exc}") from exc
