from __future__ import annotations

from datetime import date

from spendsense import tables
from spendsense.insights.types import InsightData
from spendsense.store.frames import Frames
from tests.insights.builders import CHECKING, frame, txn, user_data


class TestInsightData:
    def test_from_frames_keeps_one_user(self) -> None:
        other = {**CHECKING, "account_id": "chk-other", "user_id": "u2"}
        rows = [
            txn("t1", CHECKING["account_id"], date(2026, 1, 2), 100),
            {**txn("t2", "chk-other", date(2026, 1, 3), 200), "user_id": "u2"},
        ]
        frames = Frames(
            users=frame([], tables.USERS),
            consent=frame([], tables.CONSENT),
            accounts=frame([CHECKING, other], tables.ACCOUNTS),
            transactions=frame(rows, tables.TRANSACTIONS),
            liabilities=frame([], tables.LIABILITIES),
        )
        data = InsightData.from_frames(frames, "u1")
        assert (data.accounts["account_id"].to_list(), data.transactions["transaction_id"].to_list()) == (
            ["chk-0001"],
            ["t1"],
        )
        assert data.budgets.is_empty()

    def test_newest_transaction_date(self) -> None:
        rows = [txn("t1", "chk-0001", date(2026, 1, 2), 100), txn("t2", "chk-0001", date(2026, 3, 1), 100)]
        assert user_data([CHECKING], rows).newest_transaction_date() == date(2026, 3, 1)
        assert user_data([CHECKING], []).newest_transaction_date() is None
