"""Disclosure: every item carries REQUIREMENTS.md's sentence, character for character."""

from __future__ import annotations

from spendsense.guardrails.types import Candidate, Check, ReviewContext

DISCLOSURE = "This is educational content, not financial advice. Consult a licensed advisor for personalized guidance."


def check_disclosure(candidate: Candidate, _context: ReviewContext) -> Check:
    if candidate.disclosure == DISCLOSURE:
        return Check("disclosure", True)
    return Check("disclosure", False, "the disclosure is missing or altered", {"found": candidate.disclosure})
