"""The recommendation step through the real pipeline: consent end to end, idempotent re-runs, no unsafe offer."""

from pathlib import Path

import pytest
from sqlalchemy import Engine, select, update

from spendsense.consent import service as consent
from spendsense.consent.service import ConsentRequired
from spendsense.kit.db import session_scope
from spendsense.models import Account, Recommendation
from spendsense.operator.queue import visible_for_user
from spendsense.pipeline.run import run_pipeline
from tests.pipeline.seed import seed


def _stored(engine: Engine) -> list[tuple[str, str, str]]:
    with session_scope(engine) as session:
        rows = session.scalars(select(Recommendation).order_by(Recommendation.id)).all()
        return [(r.id, r.user_id, r.status) for r in rows]


class TestRecommendStep:
    def test_only_consenting_users_get_recommendations(self, engine: Engine, tmp_path: Path) -> None:
        seed(engine)
        summary = run_pipeline(engine, tmp_path)
        users = {user for _, user, _ in _stored(engine)}
        # u2 never consented; u3 consented but has nothing a rationale could cite (an empty account).
        assert users == {"u1"}
        assert summary.rows["recommendations"] == len(_stored(engine))

    def test_running_twice_keeps_the_same_ids_and_count(self, engine: Engine, tmp_path: Path) -> None:
        seed(engine)
        run_pipeline(engine, tmp_path)
        first = _stored(engine)
        run_pipeline(engine, tmp_path)
        assert _stored(engine) == first

    def test_revoking_consent_shows_nothing_and_stops_processing(self, engine: Engine, tmp_path: Path) -> None:
        seed(engine)
        run_pipeline(engine, tmp_path)
        with session_scope(engine) as session:
            consent.record(session, "u1", False, source="api", actor="u1")
        run_pipeline(engine, tmp_path)
        assert {status for _, user, status in _stored(engine) if user == "u1"} <= {"hidden", "blocked"}
        with pytest.raises(ConsentRequired), session_scope(engine) as session:
            visible_for_user(session, "u1")

    def test_granting_again_brings_recommendations_back(self, engine: Engine, tmp_path: Path) -> None:
        seed(engine)
        run_pipeline(engine, tmp_path)
        before = _stored(engine)
        with session_scope(engine) as session:
            consent.record(session, "u1", False, source="api")
            consent.record(session, "u1", True, source="api")
        run_pipeline(engine, tmp_path)
        assert _stored(engine) == before

    def test_card_at_ninety_percent_never_gets_the_transfer_card(self, engine: Engine, tmp_path: Path) -> None:
        seed(engine)
        with session_scope(engine) as session:
            session.execute(update(Account).where(Account.account_id == "u1-card").values(current_cents=450_000))
        run_pipeline(engine, tmp_path)
        with session_scope(engine) as session:
            rows = session.scalars(
                select(Recommendation).where(Recommendation.item_id == "offer_balance_transfer_card")
            )
            assert {row.status for row in rows} == {"blocked"}
