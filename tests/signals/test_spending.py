from __future__ import annotations

from datetime import date

from spendsense.signals.spending import spending_signals
from spendsense.signals.window import Window, prepare
from tests.signals.builders import AS_OF, account, accounts, transactions, txn


class TestSpendingSignals:
    def test_refunds_reduce_card_payments_and_transfers_do_not_count(self) -> None:
        rows = [
            txn("groceries", date(2026, 6, 3), 12000, name="Kroger", primary="FOOD_AND_DRINK"),
            txn("refund", date(2026, 6, 4), -2000, name="Kroger refund", primary="FOOD_AND_DRINK"),
            txn(
                "card",
                date(2026, 6, 5),
                50000,
                name="Card payment",
                primary="LOAN_PAYMENTS",
                detailed="LOAN_PAYMENTS_CREDIT_CARD_PAYMENT",
            ),
            txn(
                "student",
                date(2026, 6, 6),
                26700,
                name="Student loan",
                primary="LOAN_PAYMENTS",
                detailed="LOAN_PAYMENTS_STUDENT_LOAN_PAYMENT",
            ),
            txn("move", date(2026, 6, 7), 40000, name="To savings", primary="TRANSFER_OUT"),
            txn("pay", date(2026, 6, 8), -300000, name="Payroll", primary="INCOME"),
            txn("house", date(2026, 6, 9), 9000, account_id="mortgage"),  # not a depository or credit account
        ]
        frame = accounts(account(), account("mortgage", type="loan", subtype="mortgage"))
        (values,) = spending_signals(prepare(transactions(*rows), frame, AS_OF), Window(180, AS_OF)).values.to_dicts()
        assert values["spending"] == 12000 - 2000 + 26700
        assert values["monthly_spending"] == round((12000 - 2000 + 26700) / 6)
