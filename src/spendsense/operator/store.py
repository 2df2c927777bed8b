"""Storing reviewed selections: the pipeline's last step, and the only writer of recommendations.

Idempotent: a recommendation's id is derived from (user, window, item), so a re-run updates
rows in place. An operator's decision survives a re-run; a guardrail's "no" always wins;
an item no longer selected is hidden, not deleted, so its history stays readable.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session, defer

from spendsense.kit.ids import sha256_hex, stable_id
from spendsense.models import Consent, Recommendation, RecommendationRun
from spendsense.models.revocation import HIDEABLE
from spendsense.operator import audit
from spendsense.operator.policy import ReviewPolicy
from spendsense.recommend.facts import dump_facts
from spendsense.recommend.select import Reviewed, Selection
from spendsense.recommend.trace import selection_summary, trace_for

PIPELINE = "system:pipeline"


@dataclass
class SaveSummary:
    created: int = 0
    updated: int = 0
    hidden: int = 0


def recommendation_id(user_id: str, window: str, item_id: str) -> str:
    return stable_id("recommendation", user_id, window, item_id)


def _load(session: Session, keys: set[tuple[str, str]]) -> dict[tuple[str, str], list[Recommendation]]:
    rows: dict[tuple[str, str], list[Recommendation]] = {key: [] for key in keys}
    users = sorted({user for user, _ in keys})
    for start in range(0, len(users), 500):  # stay under every driver's bound-parameter limit
        # The trace is replaced, never read: leaving it unloaded saves decoding every stored document.
        query = (
            select(Recommendation)
            .options(defer(Recommendation.trace))
            .where(Recommendation.user_id.in_(users[start : start + 500]))
        )
        for row in session.scalars(query):
            if (row.user_id, row.window) in rows:
                rows[(row.user_id, row.window)].append(row)
    return rows


def _runs(session: Session, keys: set[tuple[str, str]]) -> dict[tuple[str, str], RecommendationRun]:
    found: dict[tuple[str, str], RecommendationRun] = {}
    ordered = sorted(keys)
    for start in range(0, len(ordered), 400):
        chunk = ordered[start : start + 400]
        query = select(RecommendationRun).where(tuple_(RecommendationRun.user_id, RecommendationRun.window).in_(chunk))
        found.update({(run.user_id, run.window): run for run in session.scalars(query)})
    return found


def _save_run(session: Session, run: RecommendationRun | None, selection: Selection, now: datetime) -> None:
    profile = selection.profile
    values = {
        "as_of": profile.as_of,
        "persona": profile.persona_summary(),
        "signals": dict(profile.signals),
        "facts": dump_facts(profile.facts),
        "context": profile.context.to_dict(),
        "selection": selection_summary(selection),
        "updated_at": now,
    }
    if run is None:
        session.add(RecommendationRun(user_id=profile.user_id, window=profile.window, **values))
        return
    for name, value in values.items():
        setattr(run, name, value)


def _content(reviewed: Reviewed, selection: Selection) -> dict[str, Any]:
    """What the pipeline writes into a row, and its fingerprint."""
    candidate = reviewed.candidate
    content: dict[str, Any] = {
        "kind": candidate.kind,
        "item_id": candidate.item_id,
        "title": candidate.title,
        "rank": reviewed.rank,
        "rationale": candidate.rationale,
        "disclosure": candidate.disclosure,
        "cited_signals": list(candidate.cited_signals),
        "trace": trace_for(reviewed, selection),
        "as_of": selection.profile.as_of,
    }
    content["fingerprint"] = sha256_hex(json.dumps(content, sort_keys=True, default=str).encode())
    return content


def _new_row(reviewed: Reviewed, selection: Selection, status: str, now: datetime) -> Recommendation:
    candidate = reviewed.candidate
    return Recommendation(
        id=recommendation_id(candidate.user_id, candidate.window, candidate.item_id),
        user_id=candidate.user_id,
        window=candidate.window,
        status=status,
        origin="pipeline",
        created_at=now,
        updated_at=now,
        **_content(reviewed, selection),
    )


def _refresh(
    session: Session, row: Recommendation, reviewed: Reviewed, selection: Selection, initial: str, now: datetime
) -> bool:
    """Bring a stored row up to date; False when nothing about it changed."""
    content = _content(reviewed, selection)
    changed = bool(content["fingerprint"] != row.fingerprint)
    if changed:
        for name, value in content.items():
            setattr(row, name, value)
        row.updated_at = now
    if not reviewed.verdict.passed and row.status != "blocked":
        reason = "; ".join(reviewed.verdict.reasons) or "a guardrail did not pass"
        audit.set_status(session, row, "blocked", actor="system:guardrails", action="block", reason=reason, at=now)
        return True
    if reviewed.verdict.passed and row.status in ("hidden", "blocked"):
        reason = "selected again and passed review"
        audit.set_status(session, row, initial, actor=PIPELINE, action="restore", reason=reason, at=now)
        return True
    return changed


def save_selections(
    session: Session, selections: Iterable[Selection], policy: ReviewPolicy, now: datetime
) -> SaveSummary:
    """Store every selection (chosen and blocked candidates); hide what a window no longer selects."""
    selections = list(selections)
    keys = {(s.profile.user_id, s.profile.window) for s in selections}
    existing, runs, summary = _load(session, keys), _runs(session, keys), SaveSummary()
    for selection in selections:
        key = (selection.profile.user_id, selection.profile.window)
        _save_run(session, runs.get(key), selection, now)
        rows = {row.id: row for row in existing[key]}
        kept = set()
        for reviewed in (*selection.chosen, *selection.blocked):
            candidate = reviewed.candidate
            row_id = recommendation_id(candidate.user_id, candidate.window, candidate.item_id)
            kept.add(row_id)
            initial = policy.status_for(candidate.kind) if reviewed.verdict.passed else "blocked"
            if row_id in rows:
                summary.updated += _refresh(session, rows[row_id], reviewed, selection, initial, now)
            else:
                session.add(_new_row(reviewed, selection, initial, now))
                summary.created += 1
        summary.hidden += _hide_unselected([r for r in rows.values() if r.id not in kept], session, now)
    session.flush()
    return summary


def _hide_unselected(rows: Sequence[Recommendation], session: Session, now: datetime) -> int:
    stale = [r for r in rows if r.origin == "pipeline" and r.status in HIDEABLE]
    for row in stale:
        audit.set_status(
            session, row, "hidden", actor=PIPELINE, action="hide", reason="no longer selected for this window", at=now
        )
    return len(stale)


def hide_without_consent(session: Session, now: datetime, user_ids: Collection[str] | None = None) -> int:
    """Hide what users without consent could still see (consent changed by a path that skipped the ORM).

    Every user by default; with `user_ids`, only those (a one-user recompute must not scan
    every stored recommendation: on SQLite that sweep alone cost more than the whole recompute).
    """
    granted = select(Consent.user_id).where(Consent.granted.is_(True))
    query = select(Recommendation).where(Recommendation.status.in_(HIDEABLE), Recommendation.user_id.not_in(granted))
    if user_ids is None:
        rows = session.scalars(query).all()
    else:
        chosen = sorted(user_ids)
        rows = [
            row
            for start in range(0, len(chosen), 500)  # stay under every driver's bound-parameter limit
            for row in session.scalars(query.where(Recommendation.user_id.in_(chosen[start : start + 500])))
        ]
    for row in rows:
        audit.set_status(session, row, "hidden", actor="system:consent", action="hide", reason="no consent", at=now)
    session.flush()
    return len(rows)
