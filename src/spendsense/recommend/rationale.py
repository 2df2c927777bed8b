"""The "because" of every item, rendered from the user's own facts through templates kept as data.

A template is used only when every fact it names is there (and meaningful), so no
placeholder or "$0" can reach a customer; an item with no usable template is not shown.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from spendsense.recommend.facts import Facts
from spendsense.recommend.vocabulary import CITABLE

_LEFTOVER = re.compile(r"\{[^{}]*\}")


class RationaleTemplate(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1)
    cites: tuple[str, ...] = Field(min_length=1)
    text: str = Field(min_length=1)

    @field_validator("cites")
    @classmethod
    def _known_signals(cls, cites: tuple[str, ...]) -> tuple[str, ...]:
        unknown = sorted(set(cites) - CITABLE)
        if unknown:
            raise ValueError(f"unknown signal names: {unknown}")
        return cites

    @field_validator("text")
    @classmethod
    def _plain_fields(cls, text: str) -> str:
        for _, name, spec, conversion in string.Formatter().parse(text):
            if name is not None and (not name.isidentifier() or spec or conversion):
                raise ValueError(f"placeholder {{{name}}} must be a bare fact name")
        if not any(name for _, name, _, _ in string.Formatter().parse(text)):
            raise ValueError("a rationale must cite at least one fact")
        return text

    @cached_property
    def fields(self) -> frozenset[str]:
        return frozenset(name for _, name, _, _ in string.Formatter().parse(self.text) if name)


@dataclass(frozen=True)
class Rationale:
    text: str
    template_id: str
    cites: tuple[str, ...]
    facts: dict[str, Any]


def render(template: RationaleTemplate, facts: Facts) -> Rationale | None:
    """The sentence, or None when a fact it needs is missing."""
    if not template.fields <= facts.keys():
        return None
    text = template.text.format_map({name: facts[name].render() for name in template.fields})
    if _LEFTOVER.search(text):
        return None
    used = {name: facts[name].raw() for name in sorted(template.fields)}
    return Rationale(text, template.id, template.cites, used)


def first_rationale(
    templates: Sequence[RationaleTemplate],
    facts: Facts,
    already_used: frozenset[str] = frozenset(),
    detected: frozenset[str] = frozenset(),
) -> Rationale | None:
    """The best template whose facts are all there.

    Best means: one no other item of the selection used yet (a customer should not read the
    same sentence under every item: five savings items once all said "Your savings grew by 20%"),
    then one that cites a signal detected for this user, then the item's own order of preference.
    A used template is still better than none.
    """
    usable = [t for t in templates if t.fields <= facts.keys()]
    ranked = sorted(
        range(len(usable)),
        key=lambda i: (usable[i].id in already_used, not set(usable[i].cites) & detected, i),
    )
    # Only the winner is rendered; `render` can still refuse one (a brace in the data), hence the loop.
    return next((r for i in ranked if (r := render(usable[i], facts)) is not None), None)
