"""Rebuild the profile a selection was made from, out of its stored run (for overrides and re-reviews)."""

from __future__ import annotations

from spendsense.guardrails.types import ReviewContext
from spendsense.models import RecommendationRun
from spendsense.recommend.facts import load_facts
from spendsense.recommend.profile import Profile


def profile_from_run(run: RecommendationRun, consent_granted: bool) -> Profile:
    """Consent comes from the store *now*, never from the snapshot: a revocation since then must count."""
    context = run.context
    review_context = ReviewContext(
        user_id=run.user_id,
        consent_granted=consent_granted,
        monthly_income_cents=context.get("monthly_income_cents"),
        max_utilization=context.get("max_utilization"),
        products=frozenset(context.get("products", ())),
        is_overdue=bool(context.get("is_overdue", False)),
    )
    persona = run.persona
    return Profile(
        user_id=run.user_id,
        window=run.window,
        primary_persona=persona.get("primary"),
        personas=tuple(persona.get("all", ())),
        signals=dict(run.signals),
        facts=load_facts(run.facts),
        context=review_context,
        as_of=run.as_of,
        persona_trace=persona.get("decision", {}),
    )
