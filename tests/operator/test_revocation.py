from sqlalchemy import Engine, select

from spendsense.consent import service as consent
from spendsense.kit.db import session_scope
from spendsense.models import OperatorAction, Recommendation
from spendsense.operator.queue import for_user
from tests.operator.helpers import add_user, stored_selection


class TestHideOnRevoke:
    def test_revoking_hides_everything_shown_or_queued_and_logs_it(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            add_user(session)
            stored_selection(session)
        with session_scope(engine) as session:
            consent.record(session, "u1", False, source="api", actor="u1")
        with session_scope(engine) as session:
            statuses = {row.status for row in for_user(session, "u1")}
            assert statuses <= {"hidden", "blocked"}
            log = session.scalars(select(OperatorAction)).all()
            assert log
            assert {(e.actor, e.action, e.reason) for e in log} == {("system:consent", "hide", "consent revoked")}

    def test_a_rolled_back_revocation_hides_nothing(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            add_user(session)
            stored_selection(session)
        with session_scope(engine) as session:
            consent.record(session, "u1", False, source="api")
            session.rollback()  # the request failed after the revocation was flushed
        with session_scope(engine) as session:
            assert "approved" in {row.status for row in for_user(session, "u1")}

    def test_granting_does_not_hide(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            add_user(session)
            stored_selection(session)
            consent.record(session, "u1", True, source="api")
            assert session.scalars(select(Recommendation).where(Recommendation.status == "hidden")).all() == []

    def test_history_is_kept(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            add_user(session)
            consent.record(session, "u1", False, source="api")
            assert [e.action for e in consent.status(session, "u1").history] == ["grant", "revoke"]
