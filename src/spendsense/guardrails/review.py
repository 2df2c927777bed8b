"""`review(candidate, context) -> Verdict`: the one step that decides whether an item may be shown."""

from __future__ import annotations

from collections.abc import Callable

from spendsense.guardrails.consent import check_consent
from spendsense.guardrails.disclosure import check_disclosure
from spendsense.guardrails.eligibility import check_eligibility
from spendsense.guardrails.predatory import check_predatory
from spendsense.guardrails.tone import check_tone
from spendsense.guardrails.types import Candidate, Check, ReviewContext, Verdict
from spendsense.kit.errors import SpendSenseError


class ContextMismatch(SpendSenseError):
    """A candidate reviewed against another user's context: a programming error, never a verdict."""

    status_code = 500
    error = "context_mismatch"


Guardrail = Callable[[Candidate, ReviewContext], Check]

# Consent first: without it nothing else about the user may be looked at.
GUARDRAILS: tuple[Guardrail, ...] = (check_predatory, check_eligibility, check_tone, check_disclosure)


def review(candidate: Candidate, context: ReviewContext) -> Verdict:
    """Run every guardrail; the item may become visible only if the verdict passed."""
    if candidate.user_id != context.user_id:
        raise ContextMismatch(f"candidate for {candidate.user_id!r} reviewed in the context of {context.user_id!r}")
    consent = check_consent(candidate, context)
    if not consent.passed:
        return Verdict((consent,))
    return Verdict((consent, *(guardrail(candidate, context) for guardrail in GUARDRAILS)))
