"""Consent: nothing is recommended to a user who has not opted in (or has since revoked)."""

from __future__ import annotations

from spendsense.guardrails.types import Candidate, Check, ReviewContext


def check_consent(_candidate: Candidate, context: ReviewContext) -> Check:
    if context.consent_granted:
        return Check("consent", True)
    return Check("consent", False, "the user has not granted consent", {"consent_granted": False})
