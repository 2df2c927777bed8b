"""The audit log is append-only: every path that could change or remove a row is tried, on both stores."""

import pytest
from sqlalchemy import Engine, delete, text, update
from sqlalchemy.exc import DatabaseError

from spendsense.kit.db import session_scope
from spendsense.models import AuditLogImmutable, OperatorAction, Recommendation
from spendsense.operator import audit
from spendsense.operator.actions import act
from tests.operator.helpers import NOW, add_user, stored_selection


def _logged(engine: Engine) -> int:
    """One approved offer, so one audit entry; returns its id."""
    with session_scope(engine) as session:
        add_user(session)
        stored_selection(session)
        pending = next(r for r in session.query(Recommendation).all() if r.status == "pending")
        act(session, pending.id, "approve", "ops@bank", "", NOW)
        return audit.entries(session)[0].id


class TestAppend:
    def test_entry_records_who_when_what_and_why(self, engine: Engine) -> None:
        entry_id = _logged(engine)
        with session_scope(engine) as session:
            entry = session.get(OperatorAction, entry_id)
            assert entry is not None
            assert (entry.actor, entry.action, entry.before_status, entry.after_status) == (
                "ops@bank",
                "approve",
                "pending",
                "approved",
            )
            assert entry.at.replace(tzinfo=None) == NOW.replace(tzinfo=None)  # SQLite keeps no offset
            assert entry.reason == "approved"


class TestImmutability:
    def test_orm_update_is_refused(self, engine: Engine) -> None:
        entry_id = _logged(engine)
        with session_scope(engine) as session:
            entry = session.get(OperatorAction, entry_id)
            assert entry is not None
            entry.reason = "rewritten"
            with pytest.raises(AuditLogImmutable):
                session.flush()
            session.rollback()

    def test_orm_delete_is_refused(self, engine: Engine) -> None:
        entry_id = _logged(engine)
        with session_scope(engine) as session:
            session.delete(session.get(OperatorAction, entry_id))
            with pytest.raises(AuditLogImmutable):
                session.flush()
            session.rollback()

    def test_orm_bulk_update_is_refused(self, engine: Engine) -> None:
        _logged(engine)
        with pytest.raises(AuditLogImmutable), session_scope(engine) as session:
            session.execute(update(OperatorAction).values(reason="rewritten"))

    def test_orm_bulk_delete_is_refused(self, engine: Engine) -> None:
        _logged(engine)
        with pytest.raises(AuditLogImmutable), session_scope(engine) as session:
            session.execute(delete(OperatorAction))

    def test_core_update_is_refused_by_the_database(self, engine: Engine) -> None:
        _logged(engine)
        with pytest.raises(DatabaseError, match="append-only"), engine.begin() as conn:
            conn.execute(update(OperatorAction.__table__).values(reason="rewritten"))

    def test_raw_sql_update_is_refused_by_the_database(self, engine: Engine) -> None:
        _logged(engine)
        with pytest.raises(DatabaseError, match="append-only"), engine.begin() as conn:
            conn.execute(text("UPDATE operator_actions SET reason = 'rewritten'"))

    def test_raw_sql_delete_is_refused_by_the_database(self, engine: Engine) -> None:
        _logged(engine)
        with pytest.raises(DatabaseError, match="append-only"), engine.begin() as conn:
            conn.execute(text("DELETE FROM operator_actions"))

    def test_truncate_is_refused_on_postgres(self, postgres_engine: Engine) -> None:
        _logged(postgres_engine)
        with pytest.raises(DatabaseError, match="append-only"), postgres_engine.begin() as conn:
            conn.execute(text("TRUNCATE operator_actions"))

    def test_log_is_unchanged_after_every_attempt(self, engine: Engine) -> None:
        entry_id = _logged(engine)
        for statement in ("UPDATE operator_actions SET actor = 'x'", "DELETE FROM operator_actions"):
            with pytest.raises(DatabaseError), engine.begin() as conn:
                conn.execute(text(statement))
        with session_scope(engine) as session:
            entry = session.get(OperatorAction, entry_id)
            assert entry is not None
            assert entry.actor == "ops@bank"
            assert len(audit.entries(session)) == 1

    def test_appending_still_works(self, engine: Engine) -> None:
        _logged(engine)
        with session_scope(engine) as session:
            row = next(r for r in session.query(Recommendation).all() if r.status == "approved" and r.kind == "offer")
            act(session, row.id, "flag", "ops@bank", "customer complained", NOW)
            assert [e.action for e in audit.entries(session)] == ["approve", "flag"]


class TestEntries:
    def test_filter_by_user_and_recommendation(self, engine: Engine) -> None:
        entry_id = _logged(engine)
        with session_scope(engine) as session:
            entry = session.get(OperatorAction, entry_id)
            assert entry is not None
            assert len(audit.entries(session, user_id="u1")) == 1
            assert len(audit.entries(session, user_id="nobody")) == 0
            assert len(audit.entries(session, recommendation_id=entry.recommendation_id, limit=5)) == 1
            assert audit.to_dict(entry)["actor"] == "ops@bank"
