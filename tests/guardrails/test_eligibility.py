from spendsense.guardrails.eligibility import check_eligibility
from spendsense.guardrails.offer_rules import EligibilityRules
from tests.recommend.builders import candidate, context


def _check(rules: EligibilityRules, **ctx: object):
    return check_eligibility(candidate(eligibility=rules), context(**ctx))


class TestCheckEligibility:
    def test_offer_without_rules_passes(self) -> None:
        assert _check(EligibilityRules()).passed

    def test_education_is_not_subject_to_offer_rules(self) -> None:
        item = candidate(kind="education", eligibility=EligibilityRules(max_utilization=0.1))
        assert check_eligibility(item, context()).passed

    def test_income_below_minimum_fails_with_values(self) -> None:
        check = _check(EligibilityRules(min_monthly_income_cents=500_000), monthly_income_cents=400_000)
        assert not check.passed
        assert check.details["failed_rules"] == [{"rule": "min_monthly_income", "actual": 400_000, "minimum": 500_000}]
        assert check.reason == "min_monthly_income: monthly income $4,000 is below $5,000"

    def test_unknown_income_fails_an_income_floor(self) -> None:
        assert not _check(EligibilityRules(min_monthly_income_cents=100), monthly_income_cents=None).passed

    def test_income_at_minimum_passes(self) -> None:
        assert _check(EligibilityRules(min_monthly_income_cents=400_000), monthly_income_cents=400_000).passed

    def test_ninety_percent_utilization_fails_an_eighty_percent_ceiling(self) -> None:
        check = _check(EligibilityRules(max_utilization=0.8), max_utilization=0.9)
        assert not check.passed
        assert check.details["failed_rules"][0]["rule"] == "max_utilization"

    def test_no_card_counts_as_no_utilization(self) -> None:
        assert _check(EligibilityRules(max_utilization=0.3), max_utilization=None).passed

    def test_product_already_held_fails(self) -> None:
        check = _check(EligibilityRules(excludes_products=("savings",)), products=frozenset({"checking", "savings"}))
        assert not check.passed
        assert check.details["failed_rules"] == [{"rule": "excludes_products", "already_has": ["savings"]}]

    def test_required_product_missing_fails(self) -> None:
        check = _check(EligibilityRules(requires_products=("credit_card",)), products=frozenset({"checking"}))
        assert check.details["failed_rules"] == [{"rule": "requires_products", "missing": ["credit_card"]}]

    def test_overdue_fails_a_not_overdue_rule(self) -> None:
        assert not _check(EligibilityRules(not_overdue=True), is_overdue=True).passed

    def test_every_failing_rule_is_recorded(self) -> None:
        rules = EligibilityRules(min_monthly_income_cents=500_000, max_utilization=0.5, not_overdue=True)
        check = _check(rules, monthly_income_cents=100_000, max_utilization=0.9, is_overdue=True)
        assert [f["rule"] for f in check.details["failed_rules"]] == [
            "min_monthly_income",
            "max_utilization",
            "not_overdue",
        ]
