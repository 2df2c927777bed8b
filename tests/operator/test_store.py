from sqlalchemy import Engine, select

from spendsense.guardrails.disclosure import DISCLOSURE
from spendsense.kit.db import session_scope
from spendsense.models import OperatorAction, Recommendation, RecommendationRun
from spendsense.operator.actions import act
from spendsense.operator.policy import ReviewPolicy, default_policy
from spendsense.operator.store import hide_without_consent, recommendation_id, save_selections
from spendsense.recommend.catalog import default_catalog
from spendsense.recommend.facts import Percent
from spendsense.recommend.select import select as select_items
from tests.operator.helpers import NOW, add_user, stored_selection
from tests.recommend.builders import context, profile, rich_facts


def _rows(session) -> dict[str, Recommendation]:
    return {row.id: row for row in session.scalars(select(Recommendation))}


class TestSaveSelections:
    def test_stores_chosen_and_blocked_with_policy_statuses(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            add_user(session)
            selection, summary = stored_selection(
                session, context=context(max_utilization=0.9), signals={"max_utilization": 0.9, "util_ge_80": True}
            )
            rows = _rows(session)
            assert summary.created == len(selection.chosen) + len(selection.blocked) == len(rows)
            statuses = {(r.kind, r.status) for r in rows.values()}
            assert statuses == {("education", "approved"), ("offer", "pending"), ("offer", "blocked")}
            assert all(r.disclosure == DISCLOSURE and r.rationale and r.cited_signals for r in rows.values())

    def test_ids_derive_from_user_window_and_item(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            add_user(session)
            selection, _ = stored_selection(session)
            first = selection.chosen[0].candidate
            assert recommendation_id("u1", "30d", first.item_id) in _rows(session)

    def test_rerun_keeps_the_same_ids_and_count(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            add_user(session)
            stored_selection(session)
            before = sorted(_rows(session))
            _, summary = stored_selection(session)
            assert sorted(_rows(session)) == before
            assert (summary.created, summary.updated) == (0, 0)
            assert session.scalars(select(OperatorAction)).all() == []

    def test_new_numbers_update_the_rationale_in_place(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            add_user(session)
            stored_selection(session)
            before = sorted(_rows(session))
            _, summary = stored_selection(session, facts=rich_facts(card_utilization=Percent(0.72)))
            assert sorted(_rows(session)) == before
            assert summary.updated > 0
            texts = {r.rationale for r in _rows(session).values()}
            assert any("72% utilization" in text for text in texts)

    def test_run_snapshot_is_kept_once_per_user_and_window(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            add_user(session)
            stored_selection(session)
            stored_selection(session)
            runs = session.scalars(select(RecommendationRun)).all()
            assert [(r.user_id, r.window) for r in runs] == [("u1", "30d")]
            assert runs[0].facts["card_mask"] == {"type": "text", "value": "4523"}

    def test_operator_decision_survives_a_rerun(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            add_user(session)
            stored_selection(session)
            offer = next(r for r in _rows(session).values() if r.status == "pending")
            act(session, offer.id, "reject", "ops@bank", "not a fit", NOW)
            stored_selection(session)
            assert _rows(session)[offer.id].status == "rejected"

    def test_item_no_longer_selected_is_hidden_and_logged(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            add_user(session)
            stored_selection(session)
            saver = profile(primary_persona="savings_builder", personas=("savings_builder",), signals={})
            save_selections(session, [select_items(saver, default_catalog())], default_policy(), NOW)
            hidden = [r for r in _rows(session).values() if r.status == "hidden"]
            assert hidden
            log = session.scalars(select(OperatorAction)).all()
            assert {e.reason for e in log} == {"no longer selected for this window"}
            assert len(log) == len(hidden)

    def test_guardrail_block_wins_over_an_operator_approval(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            add_user(session)
            stored_selection(session)
            offer = next(r for r in _rows(session).values() if r.item_id == "offer_balance_transfer_card")
            act(session, offer.id, "approve", "ops@bank", "", NOW)
            stored_selection(session, context=context(max_utilization=0.95))
            assert _rows(session)[offer.id].status == "blocked"

    def test_configured_policy_can_queue_education_too(self, engine: Engine) -> None:
        strict = ReviewPolicy(initial_status={"education": "pending", "offer": "pending"})
        with session_scope(engine) as session:
            add_user(session)
            save_selections(session, [select_items(profile(), default_catalog())], strict, NOW)
            assert {r.status for r in _rows(session).values()} == {"pending"}


class TestHideWithoutConsent:
    def test_hides_what_a_user_without_consent_could_see(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            add_user(session)
            stored_selection(session)
            add_user(session, "u2", consent_granted=False)
            stored_selection(session, "u2")  # as if consent had been removed behind the ORM's back
            assert hide_without_consent(session, NOW) > 0
            statuses = {(r.user_id, r.status) for r in _rows(session).values()}
            assert ("u2", "approved") not in statuses
            assert ("u1", "approved") in statuses

    def test_a_sweep_of_some_users_leaves_the_others(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            add_user(session)
            add_user(session, "u2", consent_granted=False)
            stored_selection(session, "u2")
            add_user(session, "u3", consent_granted=False)
            stored_selection(session, "u3")
            assert hide_without_consent(session, NOW, ["u1", "u2"]) > 0
            statuses = {(r.user_id, r.status) for r in _rows(session).values()}
            assert ("u2", "approved") not in statuses
            assert ("u3", "approved") in statuses
