from spendsense.recommend.catalog import default_catalog
from spendsense.recommend.select import select
from spendsense.recommend.trace import selection_summary, trace_for
from tests.recommend.builders import context, profile


class TestTraceFor:
    def test_names_persona_fit_rationale_and_every_guardrail(self) -> None:
        selection = select(profile(), default_catalog())
        trace = trace_for(selection.chosen[0], selection)
        assert trace["persona"]["primary"] == "high_utilization"
        assert trace["fit"]["rank"] == 1
        assert trace["rationale"]["template"] == "card_utilization"
        assert trace["rationale"]["facts"]["card_mask"] == "4523"
        assert trace["signals"]["max_utilization"] == 0.68
        assert [c["guardrail"] for c in trace["guardrails"]["checks"]] == [
            "consent",
            "predatory",
            "eligibility",
            "tone",
            "disclosure",
        ]


class TestSelectionSummary:
    def test_blocked_candidates_keep_their_reasons(self) -> None:
        user = profile(context=context(max_utilization=0.9), signals={"max_utilization": 0.9, "util_ge_80": True})
        summary = selection_summary(select(user, default_catalog()))
        blocked = {entry["item_id"]: entry for entry in summary["blocked"]}
        assert blocked["offer_balance_transfer_card"]["reasons"] == [
            "eligibility: max_utilization: utilization 90% is above 80%"
        ]
