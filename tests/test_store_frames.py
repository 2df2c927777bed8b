from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine

from spendsense import tables
from spendsense.kit.clock import utcnow
from spendsense.kit.db import session_scope
from spendsense.models import Account, Liability, Transaction, User
from spendsense.store.frames import load_frames


def _seed(engine: Engine) -> None:
    now = utcnow()
    with session_scope(engine) as s:
        s.add(User(user_id="u1", name="Ada Example", created_at=now))
        s.add(User(user_id="u2", name="Bo Example", created_at=now))
        s.flush()
        s.add(
            Account(
                account_id="a1",
                user_id="u1",
                name="Visa",
                type="credit",
                subtype="credit card",
                current_cents=340000,
                limit_cents=500000,
                updated_at=now,
            )
        )
        s.flush()
        s.add(
            Transaction(
                transaction_id="t1",
                account_id="a1",
                user_id="u1",
                date=dt.date(2026, 1, 2),
                amount_cents=1250,
                name="Coffee",
            )
        )
        s.add(
            Liability(
                account_id="a1",
                user_id="u1",
                kind="credit",
                aprs=[{"apr_type": "purchase_apr", "apr_percentage": 22.9}],
            )
        )


class TestLoadFrames:
    def test_frames_follow_the_tables_contract(self, engine: Engine) -> None:
        _seed(engine)
        frames = load_frames(engine)
        assert frames.transactions.schema == tables.TRANSACTIONS
        assert frames.accounts.schema == tables.ACCOUNTS
        assert frames.transactions["amount_cents"].to_list() == [1250]
        assert frames.transactions["date"].to_list() == [dt.date(2026, 1, 2)]
        assert '"apr_percentage": 22.9' in frames.liabilities["aprs_json"][0]

    def test_user_filter(self, engine: Engine) -> None:
        _seed(engine)
        assert load_frames(engine, ["u2"]).users["user_id"].to_list() == ["u2"]
        assert load_frames(engine).for_users(["u1"]).accounts.height == 1
