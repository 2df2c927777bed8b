import polars as pl

from spendsense.eval.fairness import fairness, outcomes_frame, parity

USERS = pl.DataFrame(
    {
        "user_id": ["a", "b", "c", "d"],
        "age_band": ["18-24", "18-24", "65+", "65+"],
        "gender": ["female", "male", "female", "male"],
        "income_tier": ["low", "low", "high", "high"],
        "region": ["west", "west", "west", "west"],
    }
)


def _frame() -> pl.DataFrame:
    primary = {"a": "high_utilization", "b": "high_utilization", "c": "savings_builder", "d": "high_utilization"}
    offers = {"a": frozenset({"budgeting_app"}), "b": frozenset(), "c": frozenset({"cd", "money_market_account"})}
    return outcomes_frame(USERS, primary, {**offers, "d": frozenset({"balance_transfer_card"})})


class TestParity:
    def test_ratio_is_lowest_rate_over_highest(self) -> None:
        result = parity(_frame(), "age_band", "persona:high_utilization", pl.col("persona") == "high_utilization")
        assert result.rates == {"18-24": 1.0, "65+": 0.5}
        assert result.ratio == 0.5
        assert result.flagged

    def test_equal_rates_are_not_flagged(self) -> None:
        frame = outcomes_frame(USERS, dict.fromkeys("abcd", "fee_saver"), dict.fromkeys("abcd", frozenset({"cd"})))
        result = parity(frame, "gender", "offer", pl.col("has_offer"))
        assert (result.ratio, result.flagged) == (1.0, False)

    def test_four_fifths_boundary_is_not_flagged(self) -> None:
        frame = pl.DataFrame({"g": ["x"] * 5 + ["y"] * 5, "hit": [True] * 4 + [False] + [True] * 5})
        result = parity(frame, "g", "offer", pl.col("hit"))
        assert (result.ratio, result.flagged) == (0.8, False)

    def test_single_group_has_no_ratio(self) -> None:
        result = parity(_frame(), "region", "offer", pl.col("has_offer"))
        assert result.ratio is None
        assert not result.flagged


class TestFairness:
    def test_every_attribute_for_every_persona_and_offers(self) -> None:
        results = fairness(_frame(), ("high_utilization", "savings_builder"))
        assert len(results) == 4 * 4
        assert {r.outcome for r in results} == {
            "persona:high_utilization",
            "persona:savings_builder",
            "offer",
            "credit_offer",
        }

    def test_credit_offers_are_told_apart(self) -> None:
        result = parity(_frame(), "income_tier", "credit_offer", pl.col("has_credit_offer"))
        assert result.rates == {"high": 0.5, "low": 0.0}
