"""Facts about one user that a rationale may cite, each typed so it renders in plain language.

A fact that would read as nonsense ("$0", "0% utilization", "0 subscriptions") is not a
fact: `Facts.of` drops it, so a template that needs it is simply not used.
"""

from __future__ import annotations

from collections.abc import ItemsView, Iterator, KeysView, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from spendsense.kit.money import format_usd


class Fact(Protocol):
    def render(self) -> str: ...
    def meaningful(self) -> bool: ...
    def raw(self) -> Any: ...


@dataclass(frozen=True)
class Money:
    cents: int

    def render(self) -> str:
        return format_usd(self.cents)

    def meaningful(self) -> bool:
        # Under a dollar reads like "$0.42 in fees": true but not worth a sentence.
        return self.cents >= 100

    def raw(self) -> int:
        return self.cents


@dataclass(frozen=True)
class Percent:
    ratio: float

    def render(self) -> str:
        return f"{round(self.ratio * 100)}%"

    def meaningful(self) -> bool:
        return round(self.ratio * 100) >= 1

    def raw(self) -> float:
        return self.ratio


@dataclass(frozen=True)
class Count:
    n: int
    noun: str = ""

    def render(self) -> str:
        if not self.noun:
            return str(self.n)
        return f"{self.n} {self.noun}" if self.n == 1 else f"{self.n} {self.noun}s"

    def meaningful(self) -> bool:
        return self.n > 0

    def raw(self) -> int:
        return self.n


@dataclass(frozen=True)
class Months:
    months: float

    def render(self) -> str:
        if self.months >= 10:
            return f"{round(self.months)} months"
        shown = f"{self.months:.1f}".removesuffix(".0")
        return f"{shown} month" if shown == "1" else f"{shown} months"

    def meaningful(self) -> bool:
        return self.months >= 0.05

    def raw(self) -> float:
        return self.months


@dataclass(frozen=True)
class Text:
    text: str

    def render(self) -> str:
        return self.text

    def meaningful(self) -> bool:
        return bool(self.text.strip())

    def raw(self) -> str:
        return self.text


@dataclass(frozen=True)
class Day:
    day: date

    def render(self) -> str:
        return f"{self.day:%B} {self.day.day}, {self.day.year}"

    def meaningful(self) -> bool:
        return True

    def raw(self) -> str:
        return self.day.isoformat()


class Facts(Mapping[str, Fact]):
    """An immutable name -> fact map holding only meaningful facts."""

    __slots__ = ("_facts",)

    def __init__(self, facts: Mapping[str, Fact]) -> None:
        self._facts = dict(facts)

    @classmethod
    def of(cls, **candidates: Fact | None) -> Facts:
        return cls({name: fact for name, fact in candidates.items() if fact is not None and fact.meaningful()})

    def __getitem__(self, name: str) -> Fact:
        return self._facts[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._facts)

    def __len__(self) -> int:
        return len(self._facts)

    # The dict's own views and lookup: `Mapping`'s defaults are pure Python, and every candidate's
    # templates ask `fields <= facts.keys()` (about a third of the recommendation step's time).
    def __contains__(self, name: object) -> bool:
        return name in self._facts

    def keys(self) -> KeysView[str]:
        return self._facts.keys()

    def items(self) -> ItemsView[str, Fact]:
        return self._facts.items()

    def merged(self, other: Facts) -> Facts:
        return Facts({**self._facts, **other._facts})

    def to_dict(self) -> dict[str, Any]:
        """Raw values for the decision trace, so a rationale can be checked against its data."""
        return {name: fact.raw() for name, fact in sorted(self._facts.items())}


def join_names(names: list[str]) -> str:
    """`Netflix`, `Netflix and Hulu`, `Netflix, Hulu and Spotify`."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


_TYPES: dict[str, type[Money | Percent | Count | Months | Text | Day]] = {
    "money": Money,
    "percent": Percent,
    "count": Count,
    "months": Months,
    "text": Text,
    "day": Day,
}


def dump_facts(facts: Facts) -> dict[str, dict[str, Any]]:
    """Typed JSON, so that a stored snapshot renders exactly like the original (an override needs it)."""
    out: dict[str, dict[str, Any]] = {}
    for name, fact in sorted(facts.items()):
        kind = next(k for k, cls in _TYPES.items() if isinstance(fact, cls))
        entry: dict[str, Any] = {"type": kind, "value": fact.raw()}
        if isinstance(fact, Count) and fact.noun:
            entry["noun"] = fact.noun
        out[name] = entry
    return out


def load_facts(data: Mapping[str, Mapping[str, Any]]) -> Facts:
    facts: dict[str, Fact] = {}
    for name, entry in data.items():
        kind, value = entry["type"], entry["value"]
        if kind == "day":
            facts[name] = Day(date.fromisoformat(value))
        elif kind == "count":
            facts[name] = Count(int(value), entry.get("noun", ""))
        else:
            facts[name] = _TYPES[kind](value)
    return Facts.of(**facts)
