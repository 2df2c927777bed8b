"""The review policy: which items reach a customer straight after the guardrails, and which wait for an operator.

Default (`review_policy.json`): education is approved automatically, offers wait for an
operator. Education is general, non-commercial and already passed every guardrail; an
offer is a partner's financial product, where a wrong match costs the customer money and
the bank its customers' trust, so a person confirms it first.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from spendsense.guardrails.types import ItemKind
from spendsense.kit.errors import SpendSenseError

InitialStatus = Literal["approved", "pending"]


class PolicyInvalid(SpendSenseError):
    status_code = 500
    error = "review_policy_invalid"


class ReviewPolicy(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    initial_status: dict[ItemKind, InitialStatus]

    def status_for(self, kind: ItemKind) -> InitialStatus:
        # An item kind the file forgot waits for a person: the safe default.
        return self.initial_status.get(kind, "pending")


def load_policy(path: Path | None = None) -> ReviewPolicy:
    """The policy in `path`, or the packaged default."""
    try:
        if path is None:
            raw = resources.files("spendsense.operator").joinpath("review_policy.json").read_text(encoding="utf-8")
        else:
            raw = path.read_text(encoding="utf-8")
        return ReviewPolicy.model_validate(json.loads(raw))
    except (OSError, json.JSONDecodeError, ValidationError) as exc:
        raise PolicyInvalid(f"cannot use review policy {path or 'default'}: {exc}") from exc


@lru_cache(maxsize=1)
def default_policy() -> ReviewPolicy:
    return load_policy()
