import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from spendsense.consent import service as consent
from spendsense.kit.db import session_scope
from spendsense.kit.errors import NotFound
from spendsense.models import Recommendation
from spendsense.operator import audit
from spendsense.operator.actions import act, override
from spendsense.operator.errors import InvalidTransition, OverrideBlocked, ReasonRequired
from tests.operator.helpers import NOW, add_user, stored_selection
from tests.recommend.builders import context


def _by_item(session: Session, item_id: str) -> Recommendation:
    return session.scalars(select(Recommendation).where(Recommendation.item_id == item_id)).one()


def _setup(session: Session, **overrides: object) -> None:
    add_user(session)
    stored_selection(session, **overrides)


class TestAct:
    def test_approve_makes_a_pending_offer_visible(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            _setup(session)
            row = act(session, _by_item(session, "offer_balance_transfer_card").id, "approve", "ops", "", NOW)
            assert row.status == "approved"

    @pytest.mark.parametrize(("action", "status"), [("reject", "rejected"), ("flag", "flagged")])
    def test_reject_and_flag_need_a_reason_and_are_logged(self, engine: Engine, action: str, status: str) -> None:
        with session_scope(engine) as session:
            _setup(session)
            row = act(session, _by_item(session, "edu_utilization_basics").id, action, "ops", "checked it", NOW)
            assert row.status == status
            assert [(e.action, e.reason) for e in audit.entries(session)] == [(action, "checked it")]

    def test_missing_reason_is_refused(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            _setup(session)
            with pytest.raises(ReasonRequired):
                act(session, _by_item(session, "edu_utilization_basics").id, "reject", "ops", "  ", NOW)

    def test_missing_operator_name_is_refused(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            _setup(session)
            with pytest.raises(ReasonRequired):
                act(session, _by_item(session, "edu_utilization_basics").id, "approve", "", "", NOW)

    def test_blocked_item_cannot_be_approved(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            _setup(session, context=context(max_utilization=0.9), signals={"max_utilization": 0.9})
            blocked = _by_item(session, "offer_balance_transfer_card")
            assert blocked.status == "blocked"
            with pytest.raises(InvalidTransition, match="blocked"):
                act(session, blocked.id, "approve", "ops", "", NOW)

    def test_approve_without_consent_is_refused(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            _setup(session)
            row = _by_item(session, "offer_balance_transfer_card")
            consent.record(session, "u1", False, source="test")
            session.refresh(row)
            with pytest.raises(InvalidTransition):
                act(session, row.id, "approve", "ops", "", NOW)

    def test_unknown_recommendation(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            _setup(session)
            with pytest.raises(NotFound):
                act(session, "nope", "approve", "ops", "", NOW)


class TestOverride:
    def test_replaces_the_item_and_logs_both_sides(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            _setup(session)
            original = _by_item(session, "offer_consolidation_loan")
            replacement = override(session, original.id, "edu_talk_to_issuer", "ops", "education first", NOW)
            assert original.status == "overridden"
            assert (replacement.status, replacement.origin, replacement.replaces_id) == (
                "approved",
                "operator",
                original.id,
            )
            assert replacement.rationale
            assert replacement.trace["override"]["reason"] == "education first"
            log = [(e.recommendation_id, e.action, e.after_status) for e in audit.entries(session)]
            assert log == [(replacement.id, "override", "approved"), (original.id, "override", "overridden")]

    def test_replacement_must_pass_eligibility(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            _setup(session, context=context(max_utilization=0.9))
            original = _by_item(session, "offer_consolidation_loan")
            with pytest.raises(OverrideBlocked, match="max_utilization"):
                override(session, original.id, "offer_balance_transfer_card", "ops", "wants a transfer", NOW)
            assert original.status == "pending"
            assert _by_item(session, "offer_balance_transfer_card").status == "blocked"

    def test_replacement_that_is_already_live_is_refused(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            _setup(session)
            original = _by_item(session, "offer_consolidation_loan")
            with pytest.raises(InvalidTransition, match="already recommended"):
                override(session, original.id, "edu_utilization_basics", "ops", "duplicate", NOW)

    def test_unknown_catalog_item(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            _setup(session)
            with pytest.raises(NotFound):
                override(session, _by_item(session, "offer_consolidation_loan").id, "offer_payday", "ops", "x", NOW)

    def test_item_without_data_for_its_rationale_is_refused(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            _setup(session)
            with pytest.raises(OverrideBlocked, match="cannot be explained"):
                override(
                    session,
                    _by_item(session, "offer_consolidation_loan").id,
                    "offer_subscription_manager",
                    "ops",
                    "x",
                    NOW,
                )
