"""An override's replacement: rendered from the same stored facts and reviewed like any other item."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from spendsense.consent.service import has_consent
from spendsense.guardrails.review import review
from spendsense.kit.errors import NotFound
from spendsense.models import Recommendation, RecommendationRun
from spendsense.operator import audit
from spendsense.operator.errors import InvalidTransition, OverrideBlocked
from spendsense.operator.snapshot import profile_from_run
from spendsense.operator.store import recommendation_id
from spendsense.recommend.catalog import default_catalog, kind_of
from spendsense.recommend.profile import Profile
from spendsense.recommend.rationale import first_rationale
from spendsense.recommend.select import Reviewed, Selection, candidate_for, fit
from spendsense.recommend.trace import trace_for

# A replacement may take the place of a row in one of these states; anything else is live.
REUSABLE = ("hidden", "blocked", "rejected", "overridden")


def _reviewed(profile: Profile, item_id: str, rank: int) -> Reviewed:
    catalog = default_catalog()
    try:
        item = catalog.item(item_id)
    except KeyError:
        raise NotFound(f"no catalog item {item_id!r}", item_id=item_id) from None
    rationale = first_rationale(catalog.templates_for(item), profile.facts, detected=profile.detected)
    if rationale is None:
        raise OverrideBlocked(f"{item_id} cannot be explained from this user's data", item_id=item_id)
    kind = kind_of(item)
    candidate = candidate_for(item, kind, rationale, profile)
    verdict = review(candidate, profile.context)
    if not verdict.passed:
        raise OverrideBlocked(f"{item_id} did not pass review: {'; '.join(verdict.reasons)}", item_id=item_id)
    return Reviewed(kind, fit(item, profile), rationale, candidate, verdict, rank)


def _fill(row: Recommendation, reviewed: Reviewed, original: Recommendation, run: RecommendationRun) -> None:
    candidate = reviewed.candidate
    row.kind, row.item_id, row.title, row.origin = candidate.kind, candidate.item_id, candidate.title, "operator"
    row.rank, row.rationale, row.disclosure = original.rank, candidate.rationale, candidate.disclosure
    row.cited_signals, row.replaces_id, row.as_of = list(candidate.cited_signals), original.id, run.as_of
    row.fingerprint = None  # written by an operator, not the pipeline: the next run must not skip it


def build_replacement(
    session: Session,
    original: Recommendation,
    run: RecommendationRun,
    item_id: str,
    actor: str,
    reason: str,
    now: datetime,
) -> Recommendation:
    """The approved replacement row (new, or a dormant row of the same item brought back)."""
    profile = profile_from_run(run, has_consent(session, original.user_id))
    reviewed = _reviewed(profile, item_id, original.rank)
    new_id = recommendation_id(original.user_id, original.window, item_id)
    row = session.get(Recommendation, new_id)
    if row is not None and row.status not in REUSABLE:
        raise InvalidTransition(f"{item_id} is already recommended to this user ({row.status})", status=row.status)
    if row is None:
        row = Recommendation(id=new_id, user_id=original.user_id, window=original.window, created_at=now)
        session.add(row)
    _fill(row, reviewed, original, run)
    row.trace = trace_for(reviewed, Selection(profile, (reviewed,), (), ()))
    row.trace["override"] = {
        "replaces": original.id,
        "replaced_item_id": original.item_id,
        "actor": actor,
        "reason": reason,
    }
    details = {"replaces": original.id, "replaced_item_id": original.item_id}
    audit.set_status(session, row, "approved", actor=actor, action="override", reason=reason, at=now, details=details)
    return row
