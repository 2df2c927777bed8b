from spendsense.recommend.facts import Count, Money, Percent, Text
from spendsense.recommend.profiles import build_profiles
from tests.recommend.frames import AS_OF, output


def _profiles(consented: tuple[str, ...] = ("u1",)):
    return {p.window: p for p in build_profiles(output(), consented)}


class TestBuildProfiles:
    def test_one_profile_per_window(self) -> None:
        assert sorted(_profiles()) == ["180d", "30d"]

    def test_persona_and_its_criteria_come_along(self) -> None:
        profile = _profiles()["30d"]
        assert profile.primary_persona == "high_utilization"
        assert set(profile.personas) == {"high_utilization", "fee_saver", "subscription_heavy"}
        assert any(c["signal"] == "max_utilization" and c["result"] for c in profile.persona_trace["criteria"])

    def test_card_facts_name_the_most_used_card(self) -> None:
        facts = _profiles()["30d"].facts
        assert (facts["card_name"], facts["card_mask"]) == (Text("Visa"), Text("4523"))
        assert (facts["card_utilization"], facts["card_balance"], facts["card_limit"]) == (
            Percent(0.68),
            Money(340_000),
            Money(500_000),
        )
        assert facts["card_target_balance"] == Money(150_000)

    def test_subscription_facts_list_merchants_largest_first(self) -> None:
        facts = _profiles()["30d"].facts
        assert facts["subscription_merchants"] == Text("City Gym, Hulu and Netflix")
        assert facts["subscription_count"] == Count(3, "recurring charge")

    def test_latest_fee_is_named_in_plain_words(self) -> None:
        facts = _profiles()["30d"].facts
        assert (facts["last_fee"], facts["last_fee_amount"]) == (Text("an overdraft fee"), Money(3_500))
        assert facts["last_fee_date"].render() == "June 27, 2026"
        assert facts["fee_count"] == Count(2, "fee")

    def test_products_are_read_from_account_types(self) -> None:
        assert _profiles()["30d"].context.products == {"checking", "savings", "credit_card"}

    def test_eligibility_reads_the_long_window_income_in_both_windows(self) -> None:
        profiles = _profiles()
        long_income = profiles["180d"].signals["monthly_income"]
        assert profiles["30d"].context.monthly_income_cents == long_income
        assert profiles["30d"].signals["monthly_income"] != long_income

    def test_zero_interest_is_not_a_fact(self) -> None:
        assert "interest_charges" not in _profiles()["30d"].facts

    def test_consent_is_what_the_caller_says(self) -> None:
        assert not _profiles(consented=())["30d"].context.consent_granted

    def test_as_of_is_the_run_date(self) -> None:
        assert _profiles()["180d"].as_of == AS_OF
