from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from spendsense.ingest.errors import IngestRejected
from spendsense.ingest.load import apply_rows, ensure_user, store_raw, upsert
from spendsense.ingest.parse import parse_payload
from spendsense.models import Account, RawPayload, Transaction, User
from tests.ingest.builders import account, sync_body, transaction

NOW = datetime(2025, 6, 1, tzinfo=UTC)


def _apply(session: Session, body: dict, user_id: str = "u1") -> dict[str, int]:  # type: ignore[type-arg]
    ensure_user(session, user_id, NOW)
    payload = parse_payload(json.dumps(body).encode(), "page.json", user_id)
    return dict(apply_rows(session, user_id, payload.rows, "page.json", NOW))


class TestEnsureUser:
    def test_creates_a_placeholder(self, engine: Engine) -> None:
        with Session(engine) as session:
            assert ensure_user(session, "u1", NOW) is True
            assert session.get(User, "u1").name == "Customer u1"  # type: ignore[union-attr]

    def test_updates_a_profile(self, engine: Engine) -> None:
        with Session(engine) as session:
            ensure_user(session, "u1", NOW)
            assert ensure_user(session, "u1", NOW, {"name": "Ann", "region": "west"}) is False
            assert session.get(User, "u1").region == "west"  # type: ignore[union-attr]


class TestStoreRaw:
    def test_the_same_bytes_are_kept_once(self, engine: Engine) -> None:
        with Session(engine) as session:
            ensure_user(session, "u1", NOW)
            first = store_raw(session, "u1", "plaid:/accounts/get", "a.json", "f" * 64, "{}", NOW)
            second = store_raw(session, "u1", "plaid:/accounts/get", "b.json", "f" * 64, "{}", NOW)
            assert (first, second) == (True, False)
            assert len(session.scalars(select(RawPayload)).all()) == 1


class TestUpsert:
    def test_the_last_row_for_a_key_wins(self, engine: Engine) -> None:
        with Session(engine) as session:
            ensure_user(session, "u1", NOW)
            rows = [
                {"account_id": "a", "user_id": "u1", "name": name, "type": "depository", "updated_at": NOW}
                for name in ("x", "y")
            ]
            assert upsert(session, Account, rows, "account_id") == 1
            assert session.get(Account, "a").name == "y"  # type: ignore[union-attr]


class TestApplyRows:
    def test_writes_accounts_and_transactions(self, engine: Engine) -> None:
        with Session(engine) as session:
            counts = _apply(session, sync_body([transaction("t1"), transaction("t2")]))
            assert (counts["accounts"], counts["transactions"]) == (1, 2)

    def test_a_posted_transaction_replaces_its_pending_one(self, engine: Engine) -> None:
        with Session(engine) as session:
            _apply(session, sync_body([transaction("p1", pending=True)]))
            counts = _apply(session, sync_body([transaction("t1", pending_transaction_id="p1")]))
            assert counts["pending_replaced"] == 1
            assert session.scalars(select(Transaction.transaction_id)).all() == ["t1"]

    def test_removed_transactions_are_deleted(self, engine: Engine) -> None:
        with Session(engine) as session:
            _apply(session, sync_body([transaction("t1"), transaction("t2")]))
            _apply(session, sync_body([], removed=[{"transaction_id": "t1"}]))
            assert session.scalars(select(Transaction.transaction_id)).all() == ["t2"]

    def test_a_transaction_on_an_unknown_account_is_rejected(self, engine: Engine) -> None:
        with Session(engine) as session, pytest.raises(IngestRejected) as caught:
            _apply(session, sync_body([transaction("t1"), transaction("t2", "elsewhere")]))
        assert caught.value.problems[0].field == "added[1].account_id"

    def test_another_users_account_is_rejected(self, engine: Engine) -> None:
        with Session(engine) as session:
            _apply(session, {"accounts": [account()]}, "u1")
            with pytest.raises(IngestRejected, match="belongs to another user") as caught:
                _apply(session, {"accounts": [account()]}, "u2")
            assert caught.value.problems[0].field == "accounts[0].account_id"
