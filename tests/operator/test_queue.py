import pytest
from sqlalchemy import Engine

from spendsense.consent import service as consent
from spendsense.consent.service import ConsentRequired
from spendsense.kit.db import session_scope
from spendsense.operator.queue import for_user, review_queue, to_dict, visible_for_user
from tests.operator.helpers import add_user, stored_selection


class TestReviewQueue:
    def test_pending_offers_wait_for_an_operator(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            add_user(session)
            stored_selection(session)
            queue = review_queue(session)
            assert queue
            assert {(row.kind, row.status) for row in queue} == {("offer", "pending")}
            assert len(review_queue(session, limit=1)) == 1


class TestVisibleForUser:
    def test_customer_sees_only_approved_items(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            add_user(session)
            stored_selection(session)
            assert {row.status for row in visible_for_user(session, "u1")} == {"approved"}
            assert len(for_user(session, "u1")) > len(visible_for_user(session, "u1"))

    def test_revoked_consent_shows_nothing(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            add_user(session)
            stored_selection(session)
            consent.record(session, "u1", False, source="test")
            with pytest.raises(ConsentRequired):
                visible_for_user(session, "u1")


class TestToDict:
    def test_carries_status_rationale_disclosure_and_cited_signals(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            add_user(session)
            stored_selection(session)
            body = to_dict(for_user(session, "u1")[0], with_trace=True)
            assert {"status", "rationale", "disclosure", "cited_signals", "trace"} <= set(body)
            assert "trace" not in to_dict(for_user(session, "u1")[0])
