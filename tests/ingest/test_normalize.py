from __future__ import annotations

import json

from spendsense.ingest import payloads
from spendsense.ingest.normalize import account_row, liability_rows, normalize, stream_row, transaction_row
from tests.ingest.builders import OPENAPI, account, sync_body, transaction


def _example(name: str) -> dict:  # type: ignore[type-arg]
    return json.loads((OPENAPI / name).read_text())


class TestAccountRow:
    def test_balances_in_cents(self) -> None:
        row = account_row(payloads.Account.model_validate(account()), "u")
        assert (row["available_cents"], row["current_cents"], row["limit_cents"]) == (10050, 12025, None)

    def test_business_holder_is_marked(self) -> None:
        row = account_row(payloads.Account.model_validate(account(holder_category="business")), "u")
        assert row["is_business"] is True

    def test_unknown_enum_values_are_kept(self) -> None:
        row = account_row(payloads.Account.model_validate(account(type="crypto", subtype="wallet")), "u")
        assert (row["type"], row["subtype"]) == ("crypto", "wallet")


class TestTransactionRow:
    def test_amount_in_cents_with_plaid_sign(self) -> None:
        assert (
            transaction_row(payloads.Transaction.model_validate(transaction(amount=-72.1)), "u")["amount_cents"]
            == -7210
        )

    def test_plaids_category_is_kept(self) -> None:
        row = transaction_row(payloads.Transaction.model_validate(transaction()), "u")
        assert (row["pfc_primary"], row["pfc_detailed"]) == ("FOOD_AND_DRINK", "FOOD_AND_DRINK_GROCERIES")

    def test_a_missing_category_is_inferred(self) -> None:
        body = transaction(name="Discover credit card payment", personal_finance_category=None)
        row = transaction_row(payloads.Transaction.model_validate(body), "u")
        assert row["pfc_detailed"] == "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT"


class TestLiabilityRows:
    def test_credit_card(self) -> None:
        model = payloads.LiabilitiesResponse.model_validate(_example("liabilities_get_example-1.json"))
        credit = next(row for row in liability_rows(model.liabilities, "u") if row["kind"] == "credit")
        assert (
            credit["minimum_payment_cents"],
            credit["last_payment_cents"],
            credit["last_statement_balance_cents"],
        ) == (2000, 16825, 170877)
        assert credit["aprs"][0] == {
            "apr_percentage": 15.24,
            "apr_type": "balance_transfer_apr",
            "balance_subject_to_apr": 1562.32,
            "interest_charge_amount": 130.22,
        }
        assert credit["details"] == {"last_statement_issue_date": "2019-05-28"}

    def test_mortgage_rate_and_the_rest_in_details(self) -> None:
        model = payloads.LiabilitiesResponse.model_validate(_example("liabilities_get_example-1.json"))
        mortgage = next(row for row in liability_rows(model.liabilities, "u") if row["kind"] == "mortgage")
        assert (mortgage["interest_rate_pct"], mortgage["minimum_payment_cents"]) == (3.99, 314154)
        assert mortgage["details"]["property_address"]["city"] == "Malakoff"
        assert "interest_rate" not in mortgage["details"]

    def test_student_loan(self) -> None:
        model = payloads.LiabilitiesResponse.model_validate(_example("liabilities_get_example-1.json"))
        student = next(row for row in liability_rows(model.liabilities, "u") if row["kind"] == "student")
        assert (student["interest_rate_pct"], str(student["next_payment_due_date"])) == (5.25, "2019-05-28")
        assert student["details"]["loan_name"] == "Consolidation"


class TestStreamRow:
    def test_amounts_and_details(self) -> None:
        model = payloads.RecurringResponse.model_validate(_example("transactions_recurring_get_example-1.json"))
        row = stream_row(model.inflow_streams[0], "u", "inflow")
        assert (row["average_amount_cents"], row["last_amount_cents"], row["frequency"]) == (
            -80000,
            -100000,
            "SEMI_MONTHLY",
        )
        assert row["details"]["personal_finance_category"]["detailed"] == "INCOME_WAGES"


class TestNormalize:
    def test_sync_applies_added_modified_and_removed(self) -> None:
        body = sync_body([transaction("a")], modified=[transaction("b")], removed=[{"transaction_id": "c"}])
        rows = normalize(payloads.TransactionsSyncResponse.model_validate(body), "u", "sha")
        assert ([r["transaction_id"] for r in rows.transactions], rows.removed) == (["a", "b"], ["c"])

    def test_rows_remember_their_json_path(self) -> None:
        body = sync_body([transaction("a"), transaction("b")])
        rows = normalize(payloads.TransactionsSyncResponse.model_validate(body), "u", "sha")
        assert rows.paths["b"] == "added[1]"
