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


class TestPayrollWording:
    def test_direct_deposit_spelled_out_is_payroll(self) -> None:
        frame = _frame([(-416666, None, None, "Direct Deposit - Excelsior Welding Company")])
        assert frame.select(rules.is_payroll().alias("payroll"))["payroll"].to_list() == [True]


class TestSubscriptionCategory:
    def test_rent_loans_card_payments_and_transfers_are_never_subscriptions(self) -> None:
        frame = _frame(
            [
                (1599, "ENTERTAINMENT", "ENTERTAINMENT_TV_AND_MOVIES", "Netflix"),
                (150000, "RENT_AND_UTILITIES", "RENT_AND_UTILITIES_RENT", "Rent"),
                (5099, "RENT_AND_UTILITIES", "RENT_AND_UTILITIES_TELEPHONE", "T-Mobile"),
                (26700, "LOAN_PAYMENTS", "LOAN_PAYMENTS_STUDENT_LOAN_PAYMENT", "Student loan"),
                (20000, "TRANSFER_OUT", "TRANSFER_OUT_SAVINGS", "To savings"),
            ]
        )
        kept = frame.select(rules.is_subscription_category().alias("kept"))["kept"].to_list()
        assert kept == [True, False, True, False, False]


class TestPersonalPosted:
    def test_business_and_pending_rows_go_and_the_account_type_comes_along(self) -> None:
        accounts = pl.DataFrame(
            {
                "account_id": ["chk", "biz"],
                "type": ["depository", "depository"],
                "subtype": ["checking", None],
                "is_business": [False, True],
            }
        )
        transactions = pl.DataFrame(
            {"transaction_id": ["t1", "t2", "t3"], "account_id": ["chk", "chk", "biz"], "pending": [False, True, False]}
        )
        kept = rules.personal_posted(transactions, accounts)
        assert kept.select("transaction_id", "account_type", "subtype").rows() == [("t1", "depository", "checking")]
