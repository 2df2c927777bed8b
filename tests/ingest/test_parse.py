from __future__ import annotations

import json

import pytest

from spendsense.ingest.detect import Kind
from spendsense.ingest.errors import IngestRejected
from spendsense.ingest.parse import parse_payload
from tests.ingest.builders import sync_body, transaction


def _problems(raw: bytes) -> list[tuple[str, str | None]]:
    with pytest.raises(IngestRejected) as caught:
        parse_payload(raw, "page.json", "u")
    return [(p.file, p.field) for p in caught.value.problems]


class TestParsePayload:
    def test_keeps_the_text_and_its_hash(self) -> None:
        raw = json.dumps(sync_body([transaction()])).encode()
        payload = parse_payload(raw, "page.json", "u")
        assert (payload.kind, payload.text, len(payload.sha256)) == (Kind.TRANSACTIONS_SYNC, raw.decode(), 64)

    def test_unknown_fields_are_kept_not_fatal(self) -> None:
        raw = json.dumps(sync_body([transaction(brand_new_field={"x": 1})])).encode()
        assert "brand_new_field" in parse_payload(raw, "page.json", "u").text

    def test_wrong_type_names_the_json_path(self) -> None:
        raw = json.dumps(sync_body([transaction(), transaction("t2", amount="12.00")])).encode()
        assert _problems(raw) == [("page.json", "added[1].amount")]

    def test_missing_required_field_names_the_json_path(self) -> None:
        body = sync_body([transaction()])
        del body["added"][0]["date"]
        assert _problems(json.dumps(body).encode()) == [("page.json", "added[0].date")]

    def test_not_json(self) -> None:
        assert _problems(b"this is not json {") == [("page.json", None)]

    def test_not_an_object(self) -> None:
        assert _problems(b"[1, 2]") == [("page.json", None)]

    def test_not_a_plaid_body(self) -> None:
        assert _problems(b'{"hello": 1}') == [("page.json", None)]

    def test_sandbox_problems_name_the_file(self) -> None:
        raw = json.dumps({"override_accounts": [{"transactions": [{"date_posted": "2025-01-01", "amount": 1}]}]})
        assert _problems(raw.encode()) == [("page.json", "override_accounts[0].transactions[0].description")]
