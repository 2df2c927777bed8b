from spendsense.guardrails.consent import check_consent
from tests.recommend.builders import candidate, context


class TestCheckConsent:
    def test_granted_passes(self) -> None:
        assert check_consent(candidate(), context()).passed

    def test_not_granted_fails_with_reason(self) -> None:
        check = check_consent(candidate(), context(consent_granted=False))
        assert not check.passed
        assert check.reason == "the user has not granted consent"
