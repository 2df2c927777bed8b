"""Selection: per user and window, 3-5 education items and 1-3 offers, ranked by fit, each reviewed.

Deterministic: the same profile and catalog give the same items in the same order (ties
break on the item id). Every candidate looked at is kept: chosen, blocked with the
guardrails' reasons, or skipped (no data for a rationale).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spendsense.guardrails.disclosure import DISCLOSURE
from spendsense.guardrails.review import review
from spendsense.guardrails.types import Candidate, ItemKind, Verdict
from spendsense.recommend.catalog import Catalog, CatalogItem, EducationItem, Offer
from spendsense.recommend.profile import Profile
from spendsense.recommend.rationale import Rationale, first_rationale

PRIMARY_WEIGHT, PERSONA_WEIGHT, SIGNAL_WEIGHT, GENERAL_WEIGHT = 100, 40, 10, 1
# An item fits the user when it matches at least one persona or one detected signal.
FIT_THRESHOLD = SIGNAL_WEIGHT


@dataclass(frozen=True)
class Limits:
    minimum: int
    maximum: int


EDUCATION_LIMITS = Limits(3, 5)
OFFER_LIMITS = Limits(1, 3)


@dataclass(frozen=True)
class Fit:
    item: CatalogItem
    score: int
    personas: tuple[str, ...]
    signals: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"score": self.score, "personas": list(self.personas), "signals": list(self.signals)}


@dataclass(frozen=True)
class Reviewed:
    kind: ItemKind
    fit: Fit
    rationale: Rationale
    candidate: Candidate
    verdict: Verdict
    rank: int


@dataclass(frozen=True)
class Skipped:
    kind: ItemKind
    item_id: str
    reason: str


@dataclass(frozen=True)
class Selection:
    profile: Profile
    chosen: tuple[Reviewed, ...]
    blocked: tuple[Reviewed, ...]
    skipped: tuple[Skipped, ...]


def fit(item: CatalogItem, profile: Profile) -> Fit:
    personas = tuple(p for p in item.personas if p in profile.personas)
    signals = tuple(s for s in item.signals if s in profile.detected)
    score = SIGNAL_WEIGHT * len(signals) + sum(
        PRIMARY_WEIGHT if p == profile.primary_persona else PERSONA_WEIGHT for p in personas
    )
    return Fit(item, score or (GENERAL_WEIGHT if item.is_general else 0), personas, signals)


def rank(items: Sequence[CatalogItem], profile: Profile) -> list[Fit]:
    """Items that fit (or general ones, as a fallback), best first; ties by id so the order is stable."""
    fits = [f for f in (fit(item, profile) for item in items) if f.score > 0]
    return sorted(fits, key=lambda f: (-f.score, f.item.id))


def candidate_for(item: CatalogItem, kind: ItemKind, rationale: Rationale, profile: Profile) -> Candidate:
    offer = item if isinstance(item, Offer) else None
    return Candidate(
        user_id=profile.user_id,
        window=profile.window,
        kind=kind,
        item_id=item.id,
        title=item.title,
        summary=item.summary,
        body=item.body,
        rationale=rationale.text,
        disclosure=DISCLOSURE,
        category=offer.category if offer else item.topic if isinstance(item, EducationItem) else "general",
        cited_signals=rationale.cites,
        eligibility=offer.eligibility if offer else None,
        apr_max_pct=offer.apr_max_pct if offer else None,
        partner=offer.partner if offer else None,
    )


def _pick(fits: list[Fit], kind: ItemKind, limits: Limits, profile: Profile, catalog: Catalog) -> Selection:
    chosen: list[Reviewed] = []
    blocked: list[Reviewed] = []
    skipped: list[Skipped] = []
    for position, item_fit in enumerate(fits, start=1):
        if len(chosen) == limits.maximum or (item_fit.score < FIT_THRESHOLD and len(chosen) >= limits.minimum):
            break
        used = frozenset(r.rationale.template_id for r in chosen)
        rationale = first_rationale(catalog.templates_for(item_fit.item), profile.facts, used, profile.detected)
        if rationale is None:
            skipped.append(Skipped(kind, item_fit.item.id, "no rationale template has the data it needs"))
            continue
        candidate = candidate_for(item_fit.item, kind, rationale, profile)
        reviewed = Reviewed(kind, item_fit, rationale, candidate, review(candidate, profile.context), position)
        (chosen if reviewed.verdict.passed else blocked).append(reviewed)
    return Selection(profile, tuple(chosen), tuple(blocked), tuple(skipped))


def select(profile: Profile, catalog: Catalog) -> Selection:
    """The user's recommendations for one window, with everything that was considered."""
    if not profile.context.consent_granted:
        # No consent, no processing: not even ranking the catalog against the user's data.
        return Selection(profile, (), (), ())
    education = _pick(rank(catalog.education, profile), "education", EDUCATION_LIMITS, profile, catalog)
    offers = _pick(rank(catalog.offers, profile), "offer", OFFER_LIMITS, profile, catalog)
    return Selection(
        profile,
        education.chosen + offers.chosen,
        education.blocked + offers.blocked,
        education.skipped + offers.skipped,
    )
