from __future__ import annotations

import re
from datetime import date

from spendsense.insights.spending import SpendingAnalysis, analyze_spending, trend_of
from tests.insights.builders import CARD, CHECKING, SAVINGS, txn, user_data

AS_OF = date(2026, 7, 15)  # the six months ended: Jan-Jun 2026; July is in progress
CHK, CRD = CHECKING["account_id"], CARD["account_id"]
FOOD = {2: 50000, 3: 50000, 4: 60000, 5: 70000, 6: 80000}
# Phrases the tone rules forbid (REQUIREMENTS section 4): observations describe, never judge.
SHAMING = re.compile(r"(?i)overspend|wasteful|bad with money|irresponsible|careless|too much|you should|failed?\b")


def _history() -> list[dict[str, object]]:
    rows = [
        # The history starts on Jan 20, too late for January to count as a complete month.
        txn("jan-food", CRD, date(2026, 1, 20), 10000, "FOOD_AND_DRINK"),
        txn("jan-pay", CHK, date(2026, 1, 25), -500000, "INCOME", "INCOME_WAGES", name="ACME PAYROLL"),
        txn("jul-shop", CRD, date(2026, 7, 2), 99999),  # the month in progress: not analysed
        txn("may-shop", CRD, date(2026, 5, 3), 20000),
        txn("may-refund", CRD, date(2026, 5, 10), -5000),  # a refund reduces May's shopping to 15000
    ]
    for month in range(2, 7):
        rows += [
            txn(f"pay-{month}", CHK, date(2026, month, 1), -500000, "INCOME", "INCOME_WAGES", name="ACME PAYROLL"),
            txn(f"rent-{month}", CHK, date(2026, month, 2), 150000, "RENT_AND_UTILITIES", "RENT_AND_UTILITIES_RENT"),
            txn(f"food-{month}", CRD, date(2026, month, 9), FOOD[month], "FOOD_AND_DRINK"),
            # Moving money between own accounts and paying the card are not spending.
            txn(f"save-{month}", CHK, date(2026, month, 3), 50000, "TRANSFER_OUT", "TRANSFER_OUT_SAVINGS"),
            txn(f"saved-{month}", SAVINGS["account_id"], date(2026, month, 3), -50000, "TRANSFER_IN"),
            txn(
                f"cardpay-{month}",
                CHK,
                date(2026, month, 20),
                60000,
                "LOAN_PAYMENTS",
                "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT",
            ),
            txn(
                f"cardin-{month}",
                CRD,
                date(2026, month, 20),
                -60000,
                "LOAN_PAYMENTS",
                "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT",
            ),
        ]
    return rows


def _analysis() -> SpendingAnalysis:
    return analyze_spending(user_data([CHECKING, CARD, SAVINGS], _history()), AS_OF)


class TestAnalyzeSpending:
    def test_monthly_income_and_spending(self) -> None:
        analysis = _analysis()
        figures = [(m.month, m.income_cents, m.spend_cents, m.complete) for m in analysis.months]
        assert figures == [
            ("2026-01", 500000, 10000, False),
            ("2026-02", 500000, 150000 + 50000, True),
            ("2026-03", 500000, 150000 + 50000, True),
            ("2026-04", 500000, 150000 + 60000, True),
            ("2026-05", 500000, 150000 + 70000 + 20000 - 5000, True),  # 235000, with the refund
            ("2026-06", 500000, 150000 + 80000, True),
        ]
        assert analysis.months[1].net_cents == 500000 - 200000

    def test_averages_use_complete_months_only(self) -> None:
        analysis = _analysis()
        assert analysis.complete_months == 5
        # (200000 + 200000 + 210000 + 235000 + 230000) / 5 = 1075000 / 5
        assert (analysis.average_spend_cents, analysis.average_income_cents) == (215000, 500000)

    def test_trend_compares_recent_with_earlier_months(self) -> None:
        trend = _analysis().trend
        assert trend is not None
        # recent: (210000 + 235000 + 230000) / 3 = 225000; earlier: (200000 + 200000) / 2 = 200000; +12.5%
        assert (trend.recent_months, trend.recent_average_cents, trend.earlier_average_cents) == (3, 225000, 200000)
        assert (trend.change_pct, trend.direction) == (12.5, "rising")
        # least squares on x = 0..4: sum((x - 2)(y - 215000)) = 95000, sum((x - 2)^2) = 10
        assert trend.slope_per_month_cents == 9500

    def test_volatility_and_savings_rate(self) -> None:
        analysis = _analysis()
        # deviations from 215000: -15000, -15000, -5000, 20000, 15000 -> variance 1.1e9 / 5 = 2.2e8
        # std = 14832.4, / 215000 = 0.069
        assert analysis.volatility == 0.069
        # (5 x 500000 - 1075000) / 2500000 = 0.57
        assert analysis.savings_rate == 0.57

    def test_categories_with_shares_and_trends(self) -> None:
        categories = {cat.category: cat for cat in _analysis().by_category}
        assert [cat.category for cat in _analysis().by_category] == [
            "RENT_AND_UTILITIES",
            "FOOD_AND_DRINK",
            "GENERAL_MERCHANDISE",
        ]
        food = categories["FOOD_AND_DRINK"]
        assert food.monthly_cents == [10000, 50000, 50000, 60000, 70000, 80000]
        # complete months: 310000 / 5 = 62000 a month; 310000 / 1075000 = 28.8% of spending
        assert (food.average_cents, food.share_pct) == (62000, 28.8)
        assert food.trend is not None
        assert (food.trend.change_pct, food.trend.direction) == (40.0, "rising")
        shopping = categories["GENERAL_MERCHANDISE"]
        assert (shopping.monthly_cents[4], shopping.average_cents) == (15000, 3000)
        assert shopping.trend is not None
        assert (shopping.trend.change_pct, shopping.trend.direction) == (None, "rising")

    def test_observations(self) -> None:
        assert _analysis().observations == [
            "Over the last 5 full months, spending averaged $2,150 a month.",
            "Rent and utilities is your largest category, at about $1,500 a month (69.8% of spending).",
            "Spending in the last 3 months averaged $2,250 a month, 12.5% more than the months before, "
            "with the biggest increase in food and drink.",
            "You kept 57% of your income over these months.",
        ]

    def test_tight_volatile_months_get_supportive_notes(self) -> None:
        spends = {2: 300000, 3: 100000, 4: 400000, 5: 100000}
        rows = [txn(f"s{m}", CHK, date(2026, m, 5), cents) for m, cents in spends.items()]
        rows += [txn(f"i{m}", CHK, date(2026, m, 1), -200000, "INCOME") for m in spends]
        analysis = analyze_spending(user_data([CHECKING], rows), date(2026, 5, 31))
        notes = analysis.observations
        # spend 900000 against income 800000: 100000 more than income
        assert "Over these months, spending came to $1,000 more than income; " in notes[-1]
        assert any("from month to month (from $1,000 to $4,000)" in note for note in notes)
        assert not [note for note in notes if SHAMING.search(note)]

    def test_falling_spending_is_described_plainly(self) -> None:
        spends = {1: 100000, 2: 100000, 3: 100000, 4: 70000, 5: 70000, 6: 70000}
        rows = [txn(f"s{m}", CHK, date(2026, m, 1), cents) for m, cents in spends.items()]
        notes = analyze_spending(user_data([CHECKING], rows), AS_OF).observations
        # (70000 x 3) / 3 against (100000 x 3) / 3: 30% less
        assert "Spending in the last 3 months averaged $700 a month, 30% less than the months before." in notes

    def test_spending_equal_to_income(self) -> None:
        rows = [txn("s", CHK, date(2026, 6, 5), 300000), txn("i", CHK, date(2026, 6, 1), -300000, "INCOME")]
        analysis = analyze_spending(user_data([CHECKING], rows), AS_OF)
        assert (analysis.savings_rate, analysis.observations[-1]) == (
            0.0,
            "Spending matched your income over these months.",
        )

    def test_no_income_means_no_savings_rate(self) -> None:
        rows = [txn(f"s{m}", CHK, date(2026, m, 5), 10000) for m in range(1, 7)]
        analysis = analyze_spending(user_data([CHECKING], rows), AS_OF)
        assert analysis.savings_rate is None
        assert (
            analysis.observations[-1] == "We did not find income deposits in these months, so no savings rate is shown."
        )

    def test_without_history(self) -> None:
        analysis = analyze_spending(user_data([CHECKING], []), AS_OF)
        assert [m.month for m in analysis.months] == ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]
        assert analysis.complete_months == 0
        assert (analysis.trend, analysis.volatility, analysis.savings_rate, analysis.average_spend_cents) == (
            None,
            None,
            None,
            None,
        )
        assert analysis.observations == [
            "There is not a full month of history yet; these figures fill in as the months go by."
        ]

    def test_a_month_ending_on_the_as_of_date_counts(self) -> None:
        analysis = analyze_spending(user_data([CHECKING, CARD, SAVINGS], _history()), date(2026, 6, 30))
        assert [m.month for m in analysis.months][-1] == "2026-06"
        assert analysis.months[-1].complete


class TestTrendOf:
    def test_needs_two_months(self) -> None:
        assert trend_of([100]) is None

    def test_six_months_split_three_and_three(self) -> None:
        trend = trend_of([100, 100, 100, 70, 70, 70])
        assert trend is not None
        # (70 x 3) / 3 against (100 x 3) / 3: -30%
        assert (trend.recent_months, trend.change_pct, trend.direction) == (3, -30.0, "falling")

    def test_small_changes_are_steady(self) -> None:
        trend = trend_of([1000, 1050])
        assert trend is not None
        assert (trend.change_pct, trend.direction, trend.slope_per_month_cents) == (5.0, "steady", 50)
