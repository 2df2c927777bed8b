from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, select

from spendsense import tables
from spendsense.consent.service import ConsentRequired
from spendsense.insights.repository import (
    list_net_worth_snapshots,
    load_insight_data,
    record_net_worth_snapshot,
    save_budgets,
)
from spendsense.insights.types import BUDGETS
from spendsense.kit.db import session_scope
from spendsense.kit.errors import InvalidInput, NotFound
from spendsense.models import Budget
from tests.insights.builders import CARD, CHECKING, txn
from tests.insights.store import seed

CHK, CRD = CHECKING["account_id"], CARD["account_id"]


def _seeded(engine: Engine, consent: bool = True) -> None:
    rows = [
        txn("t1", CHK, date(2026, 7, 1), -300000, "INCOME"),
        txn("t2", CRD, date(2026, 7, 10), 10000),
    ]
    seed(engine, [CHECKING, CARD], rows, consent=consent)


def _budget_rows(engine: Engine) -> list[tuple[str, str, int]]:
    with session_scope(engine) as session:
        rows = session.execute(select(Budget.month, Budget.category, Budget.amount_cents).order_by(Budget.category))
        return [(month, category, cents) for month, category, cents in rows]


class TestLoadInsightData:
    def test_frames_follow_the_tables_contract(self, engine: Engine) -> None:
        _seeded(engine)
        with session_scope(engine) as session:
            save_budgets(session, "u1", "2026-07", {"FOOD_AND_DRINK": 40000})
        with session_scope(engine) as session:
            data = load_insight_data(session, "u1")
        assert (data.accounts.schema, data.transactions.schema) == (tables.ACCOUNTS, tables.TRANSACTIONS)
        assert (data.liabilities.schema, data.budgets.schema) == (tables.LIABILITIES, BUDGETS)
        assert data.transactions["transaction_id"].to_list() == ["t1", "t2"]
        assert data.budgets.rows() == [("2026-07", "FOOD_AND_DRINK", 40000)]


class TestSaveBudgets:
    def test_saves_a_month(self, engine: Engine) -> None:
        _seeded(engine)
        with session_scope(engine) as session:
            saved = save_budgets(session, "u1", "2026-07", {"FOOD_AND_DRINK": 40000, "TRAVEL": 25000})
        assert [(b.category, b.amount_cents, b.iso_currency_code) for b in saved] == [
            ("FOOD_AND_DRINK", 40000, "USD"),
            ("TRAVEL", 25000, "USD"),
        ]
        assert _budget_rows(engine) == [("2026-07", "FOOD_AND_DRINK", 40000), ("2026-07", "TRAVEL", 25000)]

    def test_saving_again_replaces_the_month(self, engine: Engine) -> None:
        _seeded(engine)
        with session_scope(engine) as session:
            save_budgets(session, "u1", "2026-07", {"FOOD_AND_DRINK": 40000, "TRAVEL": 25000})
            save_budgets(session, "u1", "2026-08", {"TRAVEL": 1000})
        with session_scope(engine) as session:
            save_budgets(session, "u1", "2026-07", {"FOOD_AND_DRINK": 45000, "ENTERTAINMENT": 5000})
        assert _budget_rows(engine) == [
            ("2026-07", "ENTERTAINMENT", 5000),
            ("2026-07", "FOOD_AND_DRINK", 45000),
            ("2026-08", "TRAVEL", 1000),
        ]

    @pytest.mark.parametrize(
        ("month", "amounts"),
        [
            ("2026-13", {"FOOD_AND_DRINK": 100}),
            ("July", {"FOOD_AND_DRINK": 100}),
            ("2026-07", {"food and drink": 100}),
            ("2026-07", {"FOOD_AND_DRINK": 0}),
            ("2026-07", {"FOOD_AND_DRINK": -500}),
            ("2026-07", {"FOOD_AND_DRINK": 12.5}),
            ("2026-07", {"TRAVEL": 100, "FOOD_AND_DRINK": True}),
        ],
    )
    def test_invalid_input_writes_nothing(self, engine: Engine, month: str, amounts: dict[str, int]) -> None:
        _seeded(engine)
        with pytest.raises(InvalidInput), session_scope(engine) as session:
            save_budgets(session, "u1", month, amounts)
        assert _budget_rows(engine) == []

    def test_every_problem_is_reported(self) -> None:
        with pytest.raises(InvalidInput) as raised:
            save_budgets(None, "u1", "2026-7", {"bad": -1})  # type: ignore[arg-type]  # rejected before any query
        assert len(raised.value.context["errors"]) == 3

    def test_unknown_user_is_not_found(self, engine: Engine) -> None:
        with pytest.raises(NotFound), session_scope(engine) as session:
            save_budgets(session, "nobody", "2026-07", {"FOOD_AND_DRINK": 100})


class TestRecordNetWorthSnapshot:
    def test_writes_the_net_worth_of_the_day(self, engine: Engine) -> None:
        _seeded(engine)
        with session_scope(engine) as session:
            snapshot = record_net_worth_snapshot(session, "u1", date(2026, 7, 10))
        # checking 250000 (an asset) minus the card's 40000 owed
        assert (snapshot.assets_cents, snapshot.liabilities_cents, snapshot.net_worth_cents) == (250000, 40000, 210000)

    def test_one_row_per_user_and_date(self, engine: Engine) -> None:
        _seeded(engine)
        with session_scope(engine) as session:
            record_net_worth_snapshot(session, "u1", date(2026, 7, 10))
        with session_scope(engine) as session:
            record_net_worth_snapshot(session, "u1", date(2026, 7, 10))
            record_net_worth_snapshot(session, "u1", date(2026, 6, 30))
        with session_scope(engine) as session:
            kept = list_net_worth_snapshots(session, "u1")
        # on Jun 30, before the paycheck of Jul 1 (300000 in) and the purchase of Jul 10 (10000 on the card)
        assert [(s.as_of, s.net_worth_cents) for s in kept] == [
            (date(2026, 6, 30), 210000 - 300000 + 10000),
            (date(2026, 7, 10), 210000),
        ]

    def test_requires_consent(self, engine: Engine) -> None:
        _seeded(engine, consent=False)
        with pytest.raises(ConsentRequired), session_scope(engine) as session:
            record_net_worth_snapshot(session, "u1", date(2026, 7, 10))
