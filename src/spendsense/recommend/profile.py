"""One user's view for one window: persona, signal values, facts to cite and the guardrails' context."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from spendsense.guardrails.types import ReviewContext
from spendsense.recommend.facts import Facts
from spendsense.recommend.vocabulary import SignalValue, detected_signals


@dataclass(frozen=True)
class Profile:
    user_id: str
    window: str  # 30d | 180d, as the signal tables label it
    primary_persona: str | None
    personas: tuple[str, ...]
    signals: Mapping[str, SignalValue]
    facts: Facts
    context: ReviewContext
    as_of: date | None = None
    persona_trace: Mapping[str, Any] = field(default_factory=dict)

    @property
    def window_days(self) -> int:
        return int(self.window.removesuffix("d"))

    @cached_property
    def detected(self) -> frozenset[str]:
        return detected_signals(self.signals)

    def persona_summary(self) -> dict[str, Any]:
        return {"primary": self.primary_persona, "all": list(self.personas), "decision": dict(self.persona_trace)}
