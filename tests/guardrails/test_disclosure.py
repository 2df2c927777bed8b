from spendsense.guardrails.disclosure import DISCLOSURE, check_disclosure
from tests.recommend.builders import candidate, context


class TestCheckDisclosure:
    def test_sentence_is_the_one_of_the_requirements(self) -> None:
        assert DISCLOSURE == (
            "This is educational content, not financial advice. Consult a licensed advisor for personalized guidance."
        )

    def test_exact_disclosure_passes(self) -> None:
        assert check_disclosure(candidate(), context()).passed

    def test_missing_disclosure_fails(self) -> None:
        assert not check_disclosure(candidate(disclosure=""), context()).passed

    def test_altered_disclosure_fails(self) -> None:
        altered = DISCLOSURE.replace("licensed", "qualified")
        check = check_disclosure(candidate(disclosure=altered), context())
        assert not check.passed
        assert check.details["found"] == altered

    def test_trailing_space_fails(self) -> None:
        assert not check_disclosure(candidate(disclosure=DISCLOSURE + " "), context()).passed
