"""The catalog: education items, partner offers and rationale templates, as data files validated at load.

A file that breaks a rule (an unknown persona or signal, a missing template, a predatory
offer, too few items) is rejected whole with `CatalogInvalid`: a bad catalog never half-loads.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from spendsense.guardrails.offer_rules import EligibilityRules
from spendsense.guardrails.predatory import predatory_reasons
from spendsense.guardrails.types import ItemKind
from spendsense.kit.errors import SpendSenseError
from spendsense.recommend.rationale import RationaleTemplate
from spendsense.recommend.vocabulary import SIGNAL_NAMES, PersonaId

MIN_EDUCATION = 30
MIN_OFFERS = 10
FILES = ("education.json", "offers.json", "rationales.json")


class CatalogInvalid(SpendSenseError):
    status_code = 500
    error = "catalog_invalid"


class CatalogItem(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]+$")
    title: str = Field(min_length=1, max_length=120)
    summary: str = Field(min_length=1, max_length=400)
    body: tuple[str, ...] = Field(min_length=1, max_length=6)
    personas: tuple[PersonaId, ...]
    signals: tuple[str, ...]
    rationales: tuple[str, ...] = Field(min_length=1)

    @field_validator("signals")
    @classmethod
    def _known_signals(cls, signals: tuple[str, ...]) -> tuple[str, ...]:
        unknown = sorted(set(signals) - SIGNAL_NAMES)
        if unknown:
            raise ValueError(f"unknown signal names: {unknown}")
        return signals

    @property
    def is_general(self) -> bool:
        """Fits everyone a little and no one in particular: the fallback track."""
        return not self.personas and not self.signals


class EducationItem(CatalogItem):
    topic: str = Field(min_length=1)
    reading_minutes: int = Field(ge=1, le=30)
    body: tuple[str, ...] = Field(min_length=2, max_length=6)


class Offer(CatalogItem):
    partner: str = Field(min_length=1)
    category: str = Field(min_length=1)
    apr_max_pct: float | None = Field(default=None, ge=0)
    annual_fee_cents: int = Field(default=0, ge=0)
    eligibility: EligibilityRules

    @model_validator(mode="after")
    def _not_predatory(self) -> Offer:
        reasons = predatory_reasons(
            self.category, (self.title, self.summary, *self.body, self.partner), self.apr_max_pct
        )
        if reasons:
            raise ValueError(f"predatory offer {self.id!r} cannot be served: {'; '.join(reasons)}")
        return self


class Catalog(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    education: tuple[EducationItem, ...] = Field(min_length=MIN_EDUCATION)
    offers: tuple[Offer, ...] = Field(min_length=MIN_OFFERS)
    templates: dict[str, RationaleTemplate]

    @model_validator(mode="after")
    def _consistent(self) -> Catalog:
        ids = [item.id for item in (*self.education, *self.offers)]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate item ids: {duplicates}")
        for item in (*self.education, *self.offers):
            missing = [t for t in item.rationales if t not in self.templates]
            if missing:
                raise ValueError(f"item {item.id!r} names unknown rationale templates {missing}")
        return self

    def templates_for(self, item: CatalogItem) -> tuple[RationaleTemplate, ...]:
        return tuple(self.templates[t] for t in item.rationales)

    @property
    def items(self) -> tuple[EducationItem | Offer, ...]:
        return (*self.education, *self.offers)

    def item(self, item_id: str) -> EducationItem | Offer:
        found = next((i for i in self.items if i.id == item_id), None)
        if found is None:
            raise KeyError(item_id)
        return found


def kind_of(item: CatalogItem) -> ItemKind:
    return "offer" if isinstance(item, Offer) else "education"


def _read(folder: Traversable, name: str) -> Any:
    try:
        return json.loads(folder.joinpath(name).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise CatalogInvalid(f"cannot read catalog file {name}: {exc}", file=name) from exc


def load_catalog(folder: Path | Traversable | None = None) -> Catalog:
    """Read and validate the catalog in `folder` (the packaged one by default)."""
    source = folder if folder is not None else resources.files("spendsense.recommend").joinpath("data")
    education, offers, templates = (_read(source, name) for name in FILES)
    try:
        return Catalog.model_validate(
            {
                "education": education["items"],
                "offers": offers["offers"],
                "templates": {t["id"]: t for t in templates["templates"]},
            }
        )
    except (ValidationError, KeyError, TypeError) as exc:
        raise CatalogInvalid(f"the catalog in {source} is invalid: {exc}") from exc


@lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    return load_catalog()
