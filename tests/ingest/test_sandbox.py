from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from spendsense.ingest.errors import IngestRejected
from spendsense.ingest.sandbox import adapt
from spendsense.ingest.sandbox_payloads import SandboxConfig
from tests.ingest.builders import SANDBOX


def _config(*accounts: dict[str, Any]) -> SandboxConfig:
    return SandboxConfig.model_validate({"override_accounts": list(accounts)})


def _row(
    description: str = "KROGER", amount: float = 10.0, posted: str = "2025-03-02", transacted: str = "2025-03-01"
) -> dict[str, Any]:
    return {"date_transacted": transacted, "date_posted": posted, "amount": amount, "description": description}


def _fixture(relative: str) -> SandboxConfig:
    return SandboxConfig.model_validate_json((SANDBOX / relative).read_bytes())


class TestAdaptIds:
    def test_same_file_and_user_give_the_same_ids(self) -> None:
        config = _config({"type": "depository", "transactions": [_row()]})
        assert adapt(config, "u1", "sha").transactions == adapt(config, "u1", "sha").transactions

    def test_another_user_gets_other_ids(self) -> None:
        config = _config({"type": "depository", "transactions": [_row()]})
        assert adapt(config, "u1", "sha").accounts[0].account_id != adapt(config, "u2", "sha").accounts[0].account_id


class TestAdaptTransactions:
    def test_date_is_posted_and_authorized_is_transacted(self) -> None:
        transaction = adapt(_config({"type": "depository", "transactions": [_row()]}), "u", "s").transactions[0]
        assert (transaction.date, transaction.authorized_date) == (dt.date(2025, 3, 2), dt.date(2025, 3, 1))

    def test_a_posted_date_before_the_transacted_date_gives_way(self) -> None:
        config = _fixture("income/selfEmployedGiguser.json")
        fees = [t for t in adapt(config, "u", "s").transactions if t.name in {"Overdraft fee", "NSF fee"}]
        assert {t.date for t in fees} == {dt.date(2026, 8, 22)}

    def test_plaid_sign_is_kept_and_a_category_is_inferred(self) -> None:
        config = _config({"type": "depository", "transactions": [_row("Plaid Direct Dep", -5500)]})
        transaction = adapt(config, "u", "s").transactions[0]
        assert transaction.amount == -5500
        assert transaction.personal_finance_category is not None
        assert transaction.personal_finance_category.detailed == "INCOME_WAGES"

    def test_the_blank_template_row_is_skipped(self) -> None:
        view = adapt(_fixture("blank_template_custom_sandbox_user.json"), "u", "s")
        assert (len(view.accounts), view.transactions) == (1, [])

    def test_missing_amount_is_reported_with_its_path(self) -> None:
        row = _row() | {"amount": None}
        with pytest.raises(IngestRejected) as caught:
            adapt(_config({"type": "depository"}, {"type": "depository", "transactions": [_row(), row]}), "u", "s")
        assert [p.field for p in caught.value.problems] == ["override_accounts[1].transactions[1].amount"]


class TestAdaptAccounts:
    def test_credit_balances_and_limit(self) -> None:
        balances = adapt(_fixture("liabilities/credit_card_custom_user.json"), "u", "s").accounts[0].balances
        assert (balances.current, balances.available, balances.limit) == (1245.67, 8754.33, 10000)

    def test_depository_available_defaults_to_current(self) -> None:
        balances = adapt(_config({"type": "depository", "starting_balance": 300}), "u", "s").accounts[0].balances
        assert balances.available == 300

    def test_business_accounts_are_marked(self) -> None:
        assert adapt(_fixture("transactions/business_account.json"), "u", "s").accounts[0].holder_category == "business"

    def test_a_missing_type_is_plaids_other(self) -> None:
        assert adapt(_config({}), "u", "s").accounts[0].type == "other"


class TestAdaptLiabilities:
    def test_credit_aprs_and_payments(self) -> None:
        credit = adapt(_fixture("liabilities/credit_card_custom_user.json"), "u", "s").credit[0]
        assert [(a.apr_type, a.apr_percentage) for a in credit.aprs][:2] == [
            ("purchase_apr", 16.99),
            ("cash_apr", 24.99),
        ]
        assert (credit.minimum_payment_amount, credit.last_payment_amount, credit.is_overdue) == (35, 250, False)

    def test_student_rate_and_details(self) -> None:
        student = adapt(_fixture("liabilities/student_loan_custom_user.json"), "u", "s").student[0]
        assert student.interest_rate_percentage == 4.23
        assert student.model_extra is not None
        assert student.model_extra["guarantor"] == "DEPT OF ED"


class TestAdaptInflowModel:
    def test_monthly_income_within_the_files_dates(self) -> None:
        view = adapt(_fixture("income/transactions+inflow_custom_user.json"), "u", "s")
        income = [t for t in view.transactions if t.name == "DIRECT DEPOSIT PLAID INC"]
        assert [(t.date, t.amount) for t in income] == [
            (dt.date(2026, 7, 1), -5125.25),
            (dt.date(2026, 8, 1), -5125.25),
        ]

    def test_a_bad_payment_day_is_reported(self) -> None:
        model = {"type": "monthly-income", "income_amount": 100, "payment_day_of_month": 40}
        with pytest.raises(IngestRejected) as caught:
            adapt(_config({"type": "depository", "inflow_model": model, "transactions": [_row()]}), "u", "s")
        assert caught.value.problems[0].field == "override_accounts[0].inflow_model.payment_day_of_month"
