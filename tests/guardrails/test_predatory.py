import pytest

from spendsense.guardrails.predatory import MAX_APR_PCT, check_predatory, predatory_reasons
from tests.recommend.builders import candidate, context


class TestPredatoryReasons:
    @pytest.mark.parametrize("category", ["payday_loan", "title_loan", "cash_advance", "rent_to_own", "pawn_loan"])
    def test_blocked_category(self, category: str) -> None:
        assert predatory_reasons(category, (), None)

    @pytest.mark.parametrize(
        "title",
        [
            "Fast Payday Loan",
            "Quick car title loan",
            "Instant cash advance",
            "Rent-to-own furniture",
            "Guaranteed approval",
        ],
    )
    def test_blocked_wording_under_a_harmless_category(self, title: str) -> None:
        assert predatory_reasons("personal_loan", (title,), None)

    def test_apr_above_the_cap_is_predatory(self) -> None:
        assert predatory_reasons("personal_loan", (), MAX_APR_PCT + 0.01) == ["APR up to 36.01% is above the 36% cap"]

    def test_fair_offer_has_no_reason(self) -> None:
        assert predatory_reasons("high_yield_savings", ("High-yield savings",), None) == []


class TestCheckPredatory:
    def test_fair_offer_passes(self) -> None:
        assert check_predatory(candidate(), context()).passed

    def test_payday_offer_is_blocked(self) -> None:
        check = check_predatory(candidate(category="payday_loan", title="Payday loan"), context())
        assert not check.passed
        assert "payday_loan" in (check.reason or "")

    def test_blocked_wording_in_the_partner_name(self) -> None:
        assert not check_predatory(candidate(partner="QuickCash Payday Centers"), context()).passed

    def test_education_about_payday_loans_is_allowed(self) -> None:
        item = candidate(kind="education", category="general", title="Alternatives to payday loans")
        assert check_predatory(item, context()).passed
