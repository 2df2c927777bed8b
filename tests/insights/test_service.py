from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine

from spendsense.consent.service import ConsentRequired
from spendsense.insights.repository import save_budgets
from spendsense.insights.service import InsightKind, compute_insight
from spendsense.insights.weekly_recap import WeeklyRecap
from spendsense.kit.db import session_scope
from spendsense.kit.errors import InvalidInput, NotFound
from tests.insights.builders import CARD, CHECKING, txn
from tests.insights.store import row_counts, seed

CHK, CRD = CHECKING["account_id"], CARD["account_id"]


def _seeded(engine: Engine, consent: bool = True) -> None:
    rows = [txn(f"gym-{m}", CRD, date(2026, m, 3), 4000, "PERSONAL_CARE", merchant="Gym") for m in range(1, 8)]
    rows += [txn(f"pay-{m}", CHK, date(2026, m, 1), -300000, "INCOME") for m in range(1, 8)]
    rows.append(txn("coffee", CRD, date(2026, 7, 12), 450, "FOOD_AND_DRINK"))
    seed(engine, [CHECKING, CARD], rows, consent=consent)


class TestComputeInsight:
    def test_as_of_defaults_to_the_newest_transaction(self, engine: Engine) -> None:
        _seeded(engine)
        with session_scope(engine) as session:
            recap = compute_insight(session, "u1", "weekly-recap")
        assert isinstance(recap, WeeklyRecap)
        assert (recap.as_of, recap.total_spend_cents) == (date(2026, 7, 12), 450)

    def test_given_as_of(self, engine: Engine) -> None:
        _seeded(engine)
        with session_scope(engine) as session:
            recap = compute_insight(session, "u1", InsightKind.WEEKLY_RECAP, date(2026, 7, 5))
        assert (recap.as_of, getattr(recap, "total_spend_cents", None)) == (date(2026, 7, 5), 4000)

    @pytest.mark.parametrize("kind", list(InsightKind))
    def test_every_insight_only_reads(self, engine: Engine, kind: InsightKind) -> None:
        _seeded(engine)
        with session_scope(engine) as session:
            save_budgets(session, "u1", "2026-07", {"PERSONAL_CARE": 5000})
        before = row_counts(engine)
        with session_scope(engine) as session:
            result = compute_insight(session, "u1", kind)
        assert result.model_dump(mode="json")["kind"] == kind.value.replace("-", "_")
        assert row_counts(engine) == before

    def test_unknown_user_is_not_found(self, engine: Engine) -> None:
        with pytest.raises(NotFound), session_scope(engine) as session:
            compute_insight(session, "nobody", "net-worth")

    def test_without_consent(self, engine: Engine) -> None:
        _seeded(engine, consent=False)
        with pytest.raises(ConsentRequired), session_scope(engine) as session:
            compute_insight(session, "u1", "net-worth")

    def test_as_of_far_from_today_is_invalid(self, engine: Engine) -> None:
        _seeded(engine)
        with pytest.raises(InvalidInput), session_scope(engine) as session:
            compute_insight(session, "u1", "spending-analysis", date(1, 1, 1))

    def test_unknown_kind(self, engine: Engine) -> None:
        _seeded(engine)
        with pytest.raises(InvalidInput), session_scope(engine) as session:
            compute_insight(session, "u1", "horoscope")
