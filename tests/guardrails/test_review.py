import pytest

from spendsense.guardrails.offer_rules import EligibilityRules
from spendsense.guardrails.review import ContextMismatch, review
from tests.recommend.builders import candidate, context


class TestReview:
    def test_clean_candidate_passes_every_guardrail(self) -> None:
        verdict = review(candidate(), context())
        assert verdict.passed
        assert [c.guardrail for c in verdict.checks] == ["consent", "predatory", "eligibility", "tone", "disclosure"]

    def test_without_consent_nothing_else_is_looked_at(self) -> None:
        verdict = review(candidate(), context(consent_granted=False))
        assert not verdict.passed
        assert [c.guardrail for c in verdict.checks] == ["consent"]

    def test_every_failure_is_recorded(self) -> None:
        item = candidate(
            category="payday_loan",
            rationale="You're overspending.",
            disclosure="",
            eligibility=EligibilityRules(max_utilization=0.5),
        )
        verdict = review(item, context(max_utilization=0.9))
        assert verdict.blocked_by == ("predatory", "eligibility", "tone", "disclosure")
        assert len(verdict.reasons) == 4

    def test_verdict_serializes_for_the_trace(self) -> None:
        body = review(candidate(disclosure=""), context()).to_dict()
        assert body["passed"] is False
        assert body["blocked_by"] == ["disclosure"]

    def test_candidate_of_another_user_is_refused(self) -> None:
        with pytest.raises(ContextMismatch):
            review(candidate(user_id="u2"), context("u1"))
