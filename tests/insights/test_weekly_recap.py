from __future__ import annotations

from datetime import date

from spendsense.insights.weekly_recap import build_weekly_recap
from tests.insights.builders import BUSINESS, CARD, CHECKING, SAVINGS, txn, user_data

AS_OF = date(2026, 3, 14)  # this week: Mar 8-14; the week before: Mar 1-7


def _week() -> list[dict[str, object]]:
    return [
        txn("t1", CARD["account_id"], date(2026, 3, 8), 5000, "FOOD_AND_DRINK", merchant="Grocer"),
        txn("t2", CHECKING["account_id"], date(2026, 3, 10), 2500, "FOOD_AND_DRINK", merchant="Cafe"),
        txn("t3", CARD["account_id"], date(2026, 3, 12), 12000, merchant="Shop"),
        txn("t4", CARD["account_id"], date(2026, 3, 13), -3000, merchant="Shop"),  # refund
        txn("p1", CHECKING["account_id"], date(2026, 3, 2), 4000, "FOOD_AND_DRINK", merchant="Grocer"),
        txn("p2", CHECKING["account_id"], date(2026, 3, 5), 7000, "ENTERTAINMENT", merchant="Cinema"),
    ]


class TestBuildWeeklyRecap:
    def test_totals_and_week_over_week_change(self) -> None:
        recap = build_weekly_recap(user_data([CHECKING, CARD], _week()), AS_OF)
        # this week: 5000 + 2500 + 12000 - 3000 (refund) = 16500; the week before: 4000 + 7000 = 11000
        assert (recap.total_spend_cents, recap.previous_total_spend_cents) == (16500, 11000)
        # 16500 - 11000 = 5500, which is 5500 / 11000 = 50% of the week before
        assert (recap.change_cents, recap.change_pct) == (5500, 50.0)
        assert (recap.start, recap.previous_start) == (date(2026, 3, 8), date(2026, 3, 1))

    def test_every_day_of_the_week_with_zeros(self) -> None:
        recap = build_weekly_recap(user_data([CHECKING, CARD], _week()), AS_OF)
        assert [day.date.day for day in recap.daily] == [8, 9, 10, 11, 12, 13, 14]
        assert [day.spend_cents for day in recap.daily] == [5000, 0, 2500, 0, 12000, -3000, 0]

    def test_categories_of_both_weeks_largest_first(self) -> None:
        recap = build_weekly_recap(user_data([CHECKING, CARD], _week()), AS_OF)
        rows = [(cat.category, cat.spend_cents, cat.previous_spend_cents) for cat in recap.by_category]
        # shopping 12000 - 3000 = 9000; food 5000 + 2500 = 7500 (4000 before); entertainment only before
        assert rows == [
            ("GENERAL_MERCHANDISE", 9000, 0),
            ("FOOD_AND_DRINK", 7500, 4000),
            ("ENTERTAINMENT", 0, 7000),
        ]

    def test_top_merchants_net_of_refunds(self) -> None:
        recap = build_weekly_recap(user_data([CHECKING, CARD], _week()), AS_OF)
        merchants = [(m.merchant, m.spend_cents, m.transactions) for m in recap.top_merchants]
        assert merchants == [("Shop", 9000, 2), ("Grocer", 5000, 1), ("Cafe", 2500, 1)]

    def test_top_merchants_keep_five(self) -> None:
        rows = [txn(f"m{i}", CHECKING["account_id"], AS_OF, 100 * i, merchant=f"M{i}") for i in range(1, 8)]
        recap = build_weekly_recap(user_data([CHECKING], rows), AS_OF)
        assert [m.merchant for m in recap.top_merchants] == ["M7", "M6", "M5", "M4", "M3"]

    def test_transfers_and_card_payments_are_not_spending(self) -> None:
        moves = [
            txn(
                "x1",
                CHECKING["account_id"],
                date(2026, 3, 11),
                30000,
                "LOAN_PAYMENTS",
                "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT",
            ),
            txn(
                "x2",
                CARD["account_id"],
                date(2026, 3, 11),
                -30000,
                "LOAN_PAYMENTS",
                "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT",
            ),
            txn("x3", CHECKING["account_id"], date(2026, 3, 9), 20000, "TRANSFER_OUT", "TRANSFER_OUT_SAVINGS"),
            txn("x4", SAVINGS["account_id"], date(2026, 3, 9), -20000, "TRANSFER_IN", "TRANSFER_IN_SAVINGS"),
        ]
        recap = build_weekly_recap(user_data([CHECKING, CARD, SAVINGS], _week() + moves), AS_OF)
        assert recap.total_spend_cents == 16500  # as without the payment and the transfer
        assert {cat.category for cat in recap.by_category} == {"GENERAL_MERCHANDISE", "FOOD_AND_DRINK", "ENTERTAINMENT"}

    def test_pending_business_and_later_rows_are_left_out(self) -> None:
        others = [
            txn("o1", CHECKING["account_id"], AS_OF, 9999, pending=True),
            txn("o2", BUSINESS["account_id"], AS_OF, 7777),
            txn("o3", CHECKING["account_id"], date(2026, 3, 15), 4444),
            txn("o4", CHECKING["account_id"], date(2026, 2, 28), 99999),
        ]
        recap = build_weekly_recap(user_data([CHECKING, CARD, BUSINESS], _week() + others), AS_OF)
        assert (recap.total_spend_cents, recap.previous_total_spend_cents) == (16500, 11000)

    def test_empty_weeks(self) -> None:
        recap = build_weekly_recap(user_data([CHECKING], []), AS_OF)
        assert (recap.total_spend_cents, recap.change_cents, recap.change_pct) == (0, 0, None)
        assert [day.spend_cents for day in recap.daily] == [0] * 7
        assert (recap.by_category, recap.top_merchants) == ([], [])
        assert recap.summary == "No spending recorded from Mar 8 to Mar 14 or in the week before."

    def test_no_previous_week_has_no_percentage(self) -> None:
        rows = [txn("t1", CHECKING["account_id"], AS_OF, 1234, "FOOD_AND_DRINK")]
        recap = build_weekly_recap(user_data([CHECKING], rows), AS_OF)
        assert (recap.change_cents, recap.change_pct) == (1234, None)
        assert "no spending the week before to compare with" in recap.summary

    def test_quiet_week_after_a_busy_one(self) -> None:
        rows = [txn("p1", CHECKING["account_id"], date(2026, 3, 2), 4000, "FOOD_AND_DRINK")]
        recap = build_weekly_recap(user_data([CHECKING], rows), AS_OF)
        assert (recap.change_cents, recap.change_pct) == (-4000, -100.0)
        assert recap.summary == "No spending recorded from Mar 8 to Mar 14; the week before came to $40."

    def test_summary_names_the_change_and_the_largest_category(self) -> None:
        recap = build_weekly_recap(user_data([CHECKING, CARD], _week()), AS_OF)
        assert recap.summary == (
            "You spent $165 from Mar 8 to Mar 14, $55 more than the week before (50%). "
            "The largest share went to shopping ($90)."
        )

    def test_result_serializes_to_json(self) -> None:
        recap = build_weekly_recap(user_data([CHECKING, CARD], _week()), AS_OF)
        body = recap.model_dump(mode="json")
        assert (body["kind"], body["as_of"], body["iso_currency_code"]) == ("weekly_recap", "2026-03-14", "USD")
        assert body["daily"][0] == {"date": "2026-03-08", "spend_cents": 5000}
