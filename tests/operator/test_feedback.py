import pytest
from sqlalchemy import Engine, select

from spendsense.consent import service as consent
from spendsense.consent.service import ConsentRequired
from spendsense.kit.db import session_scope
from spendsense.kit.errors import InvalidInput
from spendsense.models import Recommendation
from spendsense.operator.errors import NotVisible
from spendsense.operator.feedback import feedback_for, record_feedback, to_dict
from spendsense.operator.queue import visible_for_user
from tests.operator.helpers import NOW, add_user, stored_selection


def _visible_id(session) -> str:
    return session.scalars(select(Recommendation.id).where(Recommendation.status == "approved")).first()


class TestRecordFeedback:
    @pytest.mark.parametrize("kind", ["helpful", "not_helpful", "dismissed"])
    def test_each_kind_is_stored(self, engine: Engine, kind: str) -> None:
        with session_scope(engine) as session:
            add_user(session)
            stored_selection(session)
            record_feedback(session, "u1", _visible_id(session), kind, "thanks", NOW)
            assert [(f.kind, f.comment) for f in feedback_for(session, "u1")] == [(kind, "thanks")]

    def test_comment_is_optional(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            add_user(session)
            stored_selection(session)
            entry = record_feedback(session, "u1", _visible_id(session), "helpful", None, NOW)
            assert to_dict(entry)["comment"] is None

    def test_dismissed_item_leaves_the_customer_list(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            add_user(session)
            stored_selection(session)
            rec_id = _visible_id(session)
            record_feedback(session, "u1", rec_id, "dismissed", None, NOW)
            assert rec_id not in {row.id for row in visible_for_user(session, "u1")}

    def test_unknown_kind_is_refused(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            add_user(session)
            stored_selection(session)
            with pytest.raises(InvalidInput):
                record_feedback(session, "u1", _visible_id(session), "love_it", None, NOW)

    def test_overlong_comment_is_refused(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            add_user(session)
            stored_selection(session)
            with pytest.raises(InvalidInput):
                record_feedback(session, "u1", _visible_id(session), "helpful", "x" * 1001, NOW)

    def test_another_users_item_is_not_visible(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            add_user(session)
            add_user(session, "u2")
            stored_selection(session)
            with pytest.raises(NotVisible):
                record_feedback(session, "u2", _visible_id(session), "helpful", None, NOW)

    def test_pending_item_is_not_visible(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            add_user(session)
            stored_selection(session)
            pending = session.scalars(select(Recommendation.id).where(Recommendation.status == "pending")).first()
            with pytest.raises(NotVisible):
                record_feedback(session, "u1", pending, "helpful", None, NOW)

    def test_without_consent_is_refused(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            add_user(session)
            stored_selection(session)
            rec_id = _visible_id(session)
            consent.record(session, "u1", False, source="test")
            with pytest.raises(ConsentRequired):
                record_feedback(session, "u1", rec_id, "helpful", None, NOW)
