from spendsense.recommend.vocabulary import detected_signals


class TestDetectedSignals:
    def test_thresholds_decide(self) -> None:
        found = detected_signals({"max_utilization": 0.68, "util_ge_50": True, "util_ge_80": False, "fee_count": 0})
        assert found == {"max_utilization", "util_ge_50"}

    def test_missing_values_are_not_detected(self) -> None:
        assert detected_signals({"median_pay_gap_days": None, "cash_flow_buffer_months": None}) == frozenset()

    def test_low_buffer_and_long_gap_are_detected(self) -> None:
        assert detected_signals({"median_pay_gap_days": 61.0, "cash_flow_buffer_months": 0.4}) == {
            "median_pay_gap_days",
            "cash_flow_buffer_months",
        }

    def test_subscription_share_needs_three_recurring_merchants(self) -> None:
        one = {"recurring_merchant_count": 1, "subscription_share": 1.0, "monthly_recurring_spend": 9_000}
        assert detected_signals(one) == frozenset()
        three = {**one, "recurring_merchant_count": 3}
        assert detected_signals(three) == {"recurring_merchant_count", "subscription_share", "monthly_recurring_spend"}

    def test_text_values_are_ignored(self) -> None:
        assert detected_signals({"fee_count": "many"}) == frozenset()
