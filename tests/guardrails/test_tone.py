import pytest

from spendsense.guardrails.tone import MIN_PATTERNS, ToneRules, check_tone, compiled_patterns, tone_violations
from spendsense.recommend.catalog import default_catalog
from tests.recommend.builders import candidate, context


class TestTonePatterns:
    def test_at_least_thirty_patterns_ship(self) -> None:
        assert len(compiled_patterns()) >= MIN_PATTERNS

    def test_a_pattern_that_misses_its_example_is_rejected(self) -> None:
        with pytest.raises(ValueError, match="does not match its own example"):
            ToneRules.model_validate(
                {"patterns": [{"id": "x", "pattern": r"\bshame\b", "example": "all fine"}] * MIN_PATTERNS}
            )

    def test_too_few_patterns_are_rejected(self) -> None:
        with pytest.raises(ValueError, match="at least 30"):
            ToneRules.model_validate({"patterns": [{"id": "x", "pattern": "a", "example": "a"}]})


class TestToneViolations:
    @pytest.mark.parametrize(
        "text",
        [
            "You're overspending on takeout.",
            "You\u2019re overspending on takeout.",
            "That purchase was irresponsible.",
            "You are living beyond your means.",
            "Your spending is out of control.",
            "You never save anything.",
        ],
    )
    def test_judgmental_text_is_caught(self, text: str) -> None:
        assert tone_violations(text)

    @pytest.mark.parametrize(
        "text",
        [
            "We noticed your Visa ending in 4523 is at 68% utilization ($3,400 of a $5,000 limit).",
            "Setting up autopay for at least the minimum payment keeps the account current.",
            "You paid $70 in bank fees over the last 30 days (2 fees).",
        ],
    )
    def test_supportive_text_passes(self, text: str) -> None:
        assert tone_violations(text) == []

    def test_every_catalog_string_is_supportive(self) -> None:
        catalog = default_catalog()
        texts = [t for item in catalog.items for t in (item.title, item.summary, *item.body)]
        texts += [template.text for template in catalog.templates.values()]
        assert [t for t in texts if tone_violations(t)] == []


class TestCheckTone:
    def test_clean_candidate_passes(self) -> None:
        assert check_tone(candidate(), context()).passed

    def test_shaming_rationale_fails_with_the_words(self) -> None:
        check = check_tone(candidate(rationale="You're overspending: $900 on dining."), context())
        assert not check.passed
        assert "You're overspending" in (check.reason or "")

    def test_every_string_is_read_not_only_the_rationale(self) -> None:
        assert not check_tone(candidate(body=("Fine.", "Stop wasting your money.")), context()).passed
        assert not check_tone(candidate(title="Reckless spending"), context()).passed
        assert not check_tone(candidate(summary="A foolish choice"), context()).passed
