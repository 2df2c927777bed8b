from __future__ import annotations

import pytest

from spendsense.ingest.business import holder_category
from spendsense.ingest.sandbox_payloads import SandboxAccount, SandboxConfig
from tests.ingest.builders import SANDBOX


def _first_account(relative: str) -> SandboxAccount:
    return SandboxConfig.model_validate_json((SANDBOX / relative).read_bytes()).override_accounts[0]


class TestHolderCategory:
    def test_the_business_fixture_is_business(self) -> None:
        assert holder_category(_first_account("transactions/business_account.json")) == "business"

    @pytest.mark.parametrize("relative", ["assets/assets_credit_categories.json", "income/welderTestUser.json"])
    def test_personal_fixtures_are_personal(self, relative: str) -> None:
        assert holder_category(_first_account(relative)) == "personal"

    def test_an_explicit_value_wins(self) -> None:
        account = SandboxAccount.model_validate(
            {"type": "depository", "holder_category": "business", "transactions": []}
        )
        assert holder_category(account) == "business"

    def test_one_business_vendor_is_not_enough(self) -> None:
        rows = [{"amount": 10, "description": "TWILIO INC.", "date_posted": "2025-01-01"}] + [
            {"amount": 10, "description": "KROGER", "date_posted": "2025-01-01"}
        ] * 3
        assert holder_category(SandboxAccount.model_validate({"transactions": rows})) == "personal"
