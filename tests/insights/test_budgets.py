from __future__ import annotations

from datetime import date

from spendsense.insights.budgets import SuggestedBudget, suggest_budget, track_budget
from tests.insights.builders import CARD, CHECKING, SAVINGS, budgets, txn, user_data

CHK, CRD = CHECKING["account_id"], CARD["account_id"]
AS_OF = date(2026, 7, 15)  # complete months: Feb-Jun (the history starts on Feb 1)
GROCERS = {2: "Aldi", 3: "Lidl", 4: "Kroger", 5: "Safeway", 6: "Publix"}  # no stream: a new shop each month
RESTAURANTS = {2: 20000, 3: 10000, 4: 40000, 6: 10000}
NETFLIX = {2: 1549, 3: 1549, 4: 1549, 5: 1799, 6: 1799, 7: 1799}  # the price went up in May


RENT = ("RENT_AND_UTILITIES", "RENT_AND_UTILITIES_RENT")
CARD_PAYMENT = ("LOAN_PAYMENTS", "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT")
GROCERIES = ("FOOD_AND_DRINK", "FOOD_AND_DRINK_GROCERIES")


def _bills(month: int) -> list[dict[str, object]]:
    """Rent (a recurring bill), a transfer to savings and a card payment (neither is spending), Feb-Jul."""
    return [
        txn(f"rent-{month}", CHK, date(2026, month, 2), 150000, *RENT, merchant="Landlord"),
        txn(f"save-{month}", CHK, date(2026, month, 3), 50000, "TRANSFER_OUT", name="To savings"),
        txn(f"card-{month}", CHK, date(2026, month, 20), 60000, *CARD_PAYMENT, name="Card"),
    ]


def _history() -> list[dict[str, object]]:
    rows = [
        txn(f"flix-{m}", CRD, date(2026, m, 12), c, "ENTERTAINMENT", merchant="Netflix") for m, c in NETFLIX.items()
    ]
    for m, cents in RESTAURANTS.items():
        rows.append(txn(f"eat-{m}", CRD, date(2026, m, 18), cents, "FOOD_AND_DRINK", merchant=f"Diner {chr(64 + m)}"))
    for m in range(2, 8):
        rows += _bills(m)
    for m in range(2, 7):
        rows.append(txn(f"pay-{m}", CHK, date(2026, m, 1), -500000, "INCOME", "INCOME_WAGES", name="ACME PAYROLL"))
        rows.append(txn(f"food-{m}", CRD, date(2026, m, 8), 30000, *GROCERIES, merchant=GROCERS[m]))
    return [*rows, txn("shop", CRD, date(2026, 5, 3), 20000), txn("refund", CRD, date(2026, 5, 10), -5000)]


def _suggested() -> SuggestedBudget:
    return suggest_budget(user_data([CHECKING, CARD, SAVINGS], _history()), AS_OF)


class TestSuggestBudget:
    def test_months_used_and_month_budgeted(self) -> None:
        budget = _suggested()
        assert budget.based_on_months == ["2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]
        assert budget.month == "2026-07"

    def test_median_of_complete_months_per_category(self) -> None:
        food = {cat.category: cat for cat in _suggested().categories}["FOOD_AND_DRINK"]
        # groceries 30000 + restaurants per month: 50000, 40000, 70000, 30000, 40000 -> median 40000
        assert (food.median_cents, food.bills_cents, food.suggested_cents, food.bucket) == (40000, 0, 40000, "wants")

    def test_recurring_bills_prefill_their_category(self) -> None:
        categories = {cat.category: cat for cat in _suggested().categories}
        fun = categories["ENTERTAINMENT"]
        # median 1549 (three months at 15.49, two at 17.99), but the bill now costs 17.99: rounded up to $18
        assert (fun.median_cents, fun.bills_cents, fun.suggested_cents) == (1549, 1799, 1800)
        assert [(bill.merchant, bill.monthly_cents) for bill in fun.bills] == [("Netflix", 1799)]
        rent = categories["RENT_AND_UTILITIES"]
        assert (rent.median_cents, rent.bills_cents, rent.suggested_cents, rent.bucket) == (
            150000,
            150000,
            150000,
            "needs",
        )

    def test_transfers_card_payments_and_refunded_months_are_left_out(self) -> None:
        budget = _suggested()
        # shopping: 0, 0, 0, 20000 - 5000, 0 -> median 0, so no line; transfers and card payments never are
        assert [cat.category for cat in budget.categories] == ["RENT_AND_UTILITIES", "FOOD_AND_DRINK", "ENTERTAINMENT"]
        assert budget.total_suggested_cents == 150000 + 40000 + 1800

    def test_fifty_thirty_twenty(self) -> None:
        view = _suggested().fifty_thirty_twenty
        assert view.monthly_income_cents == 500000
        # needs: rent 150000 + groceries 30000 every month
        assert (view.needs.actual_cents, view.needs.actual_pct, view.needs.target_cents) == (180000, 36.0, 250000)
        # wants per month (restaurants + Netflix + shopping): 21549, 11549, 41549, 1799 + 15000 = 16799, 11799
        # -> median 16799
        assert (view.wants.actual_cents, view.wants.actual_pct, view.wants.target_cents) == (16799, 3.4, 150000)
        # savings: 500000 - 180000 - 16799 = 303201, 60.6% against a 20% target of 100000
        assert (view.savings.actual_cents, view.savings.actual_pct, view.savings.target_cents) == (303201, 60.6, 100000)

    def test_without_a_complete_month(self) -> None:
        rows = [txn("t1", CHK, date(2026, 7, 3), 5000, "FOOD_AND_DRINK")]
        budget = suggest_budget(user_data([CHECKING], rows), AS_OF)
        assert (budget.based_on_months, budget.categories, budget.total_suggested_cents) == ([], [], 0)
        assert (budget.fifty_thirty_twenty.monthly_income_cents, budget.fifty_thirty_twenty.needs.actual_pct) == (
            0,
            None,
        )


JULY_10 = date(2026, 7, 10)  # 10 of 31 days elapsed
SAVED = budgets(
    "2026-07", {"FOOD_AND_DRINK": 62000, "ENTERTAINMENT": 3100, "GENERAL_MERCHANDISE": 31000, "TRAVEL": 50000}
)


def _july() -> list[dict[str, object]]:
    return [
        txn("f1", CRD, date(2026, 7, 4), 25000, "FOOD_AND_DRINK"),
        txn("e1", CRD, date(2026, 7, 5), 3500, "ENTERTAINMENT"),
        txn("g1", CRD, date(2026, 7, 6), 12000),
        txn("g2", CRD, date(2026, 7, 8), -2000),  # refund
        txn("p1", CRD, date(2026, 7, 9), 4000, "PERSONAL_CARE"),
        txn("c1", CHK, date(2026, 7, 9), 60000, "LOAN_PAYMENTS", "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT"),
        txn("s1", CHK, date(2026, 7, 9), 40000, "TRANSFER_OUT", "TRANSFER_OUT_SAVINGS"),
        txn("later", CRD, date(2026, 7, 11), 99999, "FOOD_AND_DRINK"),
        txn("june", CRD, date(2026, 6, 30), 88888, "FOOD_AND_DRINK"),
    ]


class TestTrackBudget:
    def test_spent_against_budget_with_pace(self) -> None:
        tracking = track_budget(user_data([CHECKING, CARD], _july(), SAVED), JULY_10)
        rows = {
            c.category: (c.spent_cents, c.remaining_cents, c.expected_by_now_cents, c.projected_cents)
            for c in tracking.categories
        }
        # food: 62000 x 10/31 = 20000 expected by now; 25000 / (10/31) = 77500 at this pace
        assert rows["FOOD_AND_DRINK"] == (25000, 37000, 20000, 77500)
        # shopping: 12000 - 2000 refund = 10000, exactly the even pace of 31000 x 10/31
        assert rows["GENERAL_MERCHANDISE"] == (10000, 21000, 10000, 31000)
        assert rows["TRAVEL"] == (0, 50000, 16129, 0)  # 50000 x 10/31 = 16129.03

    def test_status_per_category_worst_first(self) -> None:
        tracking = track_budget(user_data([CHECKING, CARD], _july(), SAVED), JULY_10)
        statuses = [(c.category, c.status) for c in tracking.categories]
        # entertainment 3500 > 3100: over; food 25000 > 20000 x 1.1 = 22000: watch; shopping 10000 <= 11000
        assert statuses == [
            ("ENTERTAINMENT", "over"),
            ("FOOD_AND_DRINK", "watch"),
            ("GENERAL_MERCHANDISE", "on_track"),
            ("TRAVEL", "on_track"),
        ]
        assert tracking.status == "over"

    def test_totals_and_unbudgeted_spending(self) -> None:
        tracking = track_budget(user_data([CHECKING, CARD], _july(), SAVED), JULY_10)
        assert (tracking.month, tracking.days_elapsed, tracking.days_in_month) == ("2026-07", 10, 31)
        assert tracking.total_budget_cents == 62000 + 3100 + 31000 + 50000
        assert tracking.total_spent_cents == 25000 + 3500 + 10000 + 0
        # the card payment and the transfer are not spending, so only personal care is unbudgeted
        assert [(c.category, c.amount_cents) for c in tracking.unbudgeted] == [("PERSONAL_CARE", 4000)]

    def test_just_within_the_watch_margin_is_on_track(self) -> None:
        saved = budgets("2026-07", {"FOOD_AND_DRINK": 62000})
        rows = [txn("f1", CRD, date(2026, 7, 4), 22000, "FOOD_AND_DRINK")]  # 20000 x 1.1 = 22000: not above
        tracking = track_budget(user_data([CARD], rows, saved), JULY_10)
        assert tracking.categories[0].status == "on_track"

    def test_budgets_of_other_months_do_not_apply(self) -> None:
        tracking = track_budget(user_data([CARD], _july(), budgets("2026-06", {"FOOD_AND_DRINK": 1000})), JULY_10)
        assert (tracking.categories, tracking.status, tracking.total_budget_cents) == ([], None, 0)
        assert [c.category for c in tracking.unbudgeted] == [
            "FOOD_AND_DRINK",  # 25000
            "GENERAL_MERCHANDISE",  # 12000 - 2000
            "PERSONAL_CARE",  # 4000
            "ENTERTAINMENT",  # 3500
        ]
