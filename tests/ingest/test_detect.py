from __future__ import annotations

import json

import pytest

from spendsense.ingest.detect import Kind, detect_kind
from tests.ingest.builders import OPENAPI, SANDBOX


class TestDetectKind:
    @pytest.mark.parametrize(
        ("name", "kind"),
        [
            ("accounts_get_example-1.json", Kind.ACCOUNTS),
            ("accounts_balance_get_example-1.json", Kind.ACCOUNTS),
            ("transactions_get_example-1.json", Kind.TRANSACTIONS_GET),
            ("transactions_sync_example-1.json", Kind.TRANSACTIONS_SYNC),
            ("transactions_recurring_get_example-1.json", Kind.RECURRING),
            ("liabilities_get_example-1.json", Kind.LIABILITIES),
        ],
    )
    def test_plaid_examples(self, name: str, kind: Kind) -> None:
        assert detect_kind(json.loads((OPENAPI / name).read_text())) is kind

    def test_sandbox_configuration(self) -> None:
        body = json.loads((SANDBOX / "income" / "welderTestUser.json").read_text())
        assert detect_kind(body) is Kind.SANDBOX

    def test_a_sync_page_with_only_removals(self) -> None:
        assert detect_kind({"removed": [{"transaction_id": "t"}]}) is Kind.TRANSACTIONS_SYNC

    def test_unknown_body(self) -> None:
        assert detect_kind({"hello": "world"}) is None

    def test_sources_name_the_endpoint(self) -> None:
        assert Kind.TRANSACTIONS_SYNC.source == "plaid:/transactions/sync"
