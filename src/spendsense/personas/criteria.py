"""Load the persona criteria (`criteria.toml`) into frozen rules that evaluate as Polars expressions."""

from __future__ import annotations

import operator
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

import polars as pl

from spendsense.signals import catalog

OPERATORS: Mapping[str, Callable[[pl.Expr, Any], pl.Expr]] = {
    ">=": operator.ge,
    ">": operator.gt,
    "<=": operator.le,
    "<": operator.lt,
    "==": operator.eq,
    "!=": operator.ne,
}
Threshold = float | int | bool


class CriteriaError(ValueError):
    """The criteria file is malformed: caught when it is loaded, never mid-run."""


@dataclass(frozen=True)
class Criterion:
    signal: str
    op: str
    threshold: Threshold
    missing: bool = False
    """The result when the signal has no value for the user."""

    def expr(self) -> pl.Expr:
        return OPERATORS[self.op](pl.col(self.signal), self.threshold).fill_null(self.missing)

    def describe(self) -> str:
        shown = str(self.threshold).lower() if isinstance(self.threshold, bool) else self.threshold
        text = f"{self.signal} {self.op} {shown}"
        return f"{text} (true without a value)" if self.missing else text

    def leaves(self) -> tuple[Criterion, ...]:
        return (self,)


@dataclass(frozen=True)
class Group:
    combine: Literal["all", "any"]
    rules: tuple[Criterion | Group, ...]

    def expr(self) -> pl.Expr:
        parts = [rule.expr() for rule in self.rules]
        return pl.all_horizontal(parts) if self.combine == "all" else pl.any_horizontal(parts)

    def describe(self) -> str:
        joiner = " AND " if self.combine == "all" else " OR "
        return joiner.join(
            rule.describe() if isinstance(rule, Criterion) else f"({rule.describe()})" for rule in self.rules
        )

    def leaves(self) -> tuple[Criterion, ...]:
        return tuple(leaf for rule in self.rules for leaf in rule.leaves())


@dataclass(frozen=True)
class Persona:
    id: str
    name: str
    priority: int
    rule: Group


def _rule(raw: Mapping[str, Any]) -> Criterion | Group:
    if "signal" in raw:
        if raw["signal"] not in catalog.BY_NAME:
            raise CriteriaError(f"unknown signal {raw['signal']!r}")
        if raw.get("op") not in OPERATORS:
            raise CriteriaError(f"unknown operator {raw.get('op')!r} for {raw['signal']!r}")
        return Criterion(raw["signal"], raw["op"], raw["threshold"], bool(raw.get("missing", False)))
    combine: Literal["all", "any"] = "all" if "all" in raw else "any"
    if combine not in raw or len(raw) != 1:
        raise CriteriaError(f"a group has exactly one of 'all' or 'any': {dict(raw)!r}")
    return Group(combine, tuple(_rule(item) for item in raw[combine]))


def parse_personas(document: Mapping[str, Any]) -> tuple[Persona, ...]:
    """Personas in priority order (1 first); priorities and ids must be unique."""
    personas = []
    for raw in document.get("persona", []):
        rule = _rule(raw["rule"])
        group = rule if isinstance(rule, Group) else Group("all", (rule,))
        personas.append(Persona(raw["id"], raw["name"], int(raw["priority"]), group))
    if len({p.priority for p in personas}) != len(personas) or len({p.id for p in personas}) != len(personas):
        raise CriteriaError("persona ids and priorities must be unique")
    return tuple(sorted(personas, key=lambda persona: persona.priority))


@cache
def load_personas() -> tuple[Persona, ...]:
    """The packaged criteria (`spendsense/personas/criteria.toml`)."""
    text = resources.files("spendsense.personas").joinpath("criteria.toml").read_text(encoding="utf-8")
    return parse_personas(tomllib.loads(text))
