from __future__ import annotations

import polars as pl

from spendsense import rules


def _frame(rows: list[tuple[int, str | None, str | None, str]]) -> pl.DataFrame:
    return pl.DataFrame(
        rows,
        schema={"amount_cents": pl.Int64, "pfc_primary": pl.String, "pfc_detailed": pl.String, "name": pl.String},
        orient="row",
    )


class TestSpending:
    def test_card_payments_and_transfers_are_not_spending_refunds_are(self) -> None:
        frame = _frame(
            [
                (5000, "FOOD_AND_DRINK", "FOOD_AND_DRINK_GROCERIES", "Grocer"),  # spending
                (-1200, "GENERAL_MERCHANDISE", "GENERAL_MERCHANDISE_OTHER", "Refund"),  # refund: counts, negative
                (30000, "LOAN_PAYMENTS", "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT", "Card payment"),  # not spending
                (20000, "TRANSFER_OUT", "TRANSFER_OUT_SAVINGS", "To savings"),  # not spending
                (45000, "LOAN_PAYMENTS", "LOAN_PAYMENTS_STUDENT_LOAN_PAYMENT", "Student loan"),  # spending
            ]
        )
        total = frame.filter(rules.is_spending())["amount_cents"].sum()
        assert total == 5000 - 1200 + 45000


class TestIncomeAndFees:
    def test_payroll_by_category_or_words(self) -> None:
        frame = _frame(
            [
                (-250000, "INCOME", "INCOME_WAGES", "ACME"),
                (-100000, None, None, "ACME CORP PAYROLL"),
                (-5000, "TRANSFER_IN", "TRANSFER_IN_DEPOSIT", "Venmo"),
            ]
        )
        assert frame.select(rules.is_payroll().alias("payroll"))["payroll"].to_list() == [True, True, False]

    def test_fee_kinds_leave_out_interest(self) -> None:
        frame = _frame(
            [
                (3500, "BANK_FEES", "BANK_FEES_OVERDRAFT_FEES", "Overdraft"),
                (2900, "BANK_FEES", "BANK_FEES_INTEREST_CHARGE", "Interest"),
                (300, "BANK_FEES", "BANK_FEES_ATM_FEES", "ATM"),
            ]
        )
        fees = frame.filter(rules.is_fee()).select(rules.fee_kind().alias("kind"))
        assert fees["kind"].to_list() == ["overdraft", "other"]
