from spendsense.guardrails.disclosure import DISCLOSURE
from spendsense.recommend.catalog import default_catalog
from spendsense.recommend.facts import Count, Facts, Money, Months, Text
from spendsense.recommend.select import EDUCATION_LIMITS, OFFER_LIMITS, fit, rank, select
from tests.recommend.builders import context, profile, rich_facts

CATALOG = default_catalog()


def _kinds(selection, kind: str) -> list[str]:
    return [r.candidate.item_id for r in selection.chosen if r.kind == kind]


class TestFit:
    def test_primary_persona_and_signals_add_up(self) -> None:
        scored = fit(CATALOG.item("edu_utilization_basics"), profile())
        assert scored.personas == ("high_utilization",)
        assert scored.signals == ("max_utilization", "util_ge_30", "util_ge_50")
        assert scored.score == 100 + 3 * 10

    def test_unrelated_item_does_not_fit(self) -> None:
        assert fit(CATALOG.item("edu_subscription_audit"), profile()).score == 0

    def test_general_item_is_a_fallback(self) -> None:
        assert fit(CATALOG.item("edu_budget_basics"), profile()).score == 1


class TestRank:
    def test_order_is_stable_and_best_first(self) -> None:
        ranked = rank(CATALOG.education, profile())
        assert [f.score for f in ranked] == sorted((f.score for f in ranked), reverse=True)
        assert rank(CATALOG.education, profile()) == ranked


class TestSelect:
    def test_high_utilization_user_gets_three_to_five_education_items_and_one_to_three_offers(self) -> None:
        selection = select(profile(), CATALOG)
        assert EDUCATION_LIMITS.minimum <= len(_kinds(selection, "education")) <= EDUCATION_LIMITS.maximum
        assert OFFER_LIMITS.minimum <= len(_kinds(selection, "offer")) <= OFFER_LIMITS.maximum
        assert _kinds(selection, "education")[0] == "edu_utilization_basics"

    def test_every_chosen_item_passed_review_and_carries_the_disclosure(self) -> None:
        selection = select(profile(), CATALOG)
        assert all(r.verdict.passed and r.candidate.disclosure == DISCLOSURE for r in selection.chosen)

    def test_same_input_gives_the_same_selection(self) -> None:
        assert select(profile(), CATALOG) == select(profile(), CATALOG)

    def test_ninety_percent_utilization_blocks_the_balance_transfer_card(self) -> None:
        user = profile(context=context(max_utilization=0.9), signals={"max_utilization": 0.9, "util_ge_80": True})
        selection = select(user, CATALOG)
        assert "offer_balance_transfer_card" not in _kinds(selection, "offer")
        blocked = {r.candidate.item_id: r.verdict for r in selection.blocked}
        assert blocked["offer_balance_transfer_card"].blocked_by == ("eligibility",)

    def test_savings_offer_is_not_made_to_someone_with_savings(self) -> None:
        saver = profile(
            primary_persona="savings_builder",
            personas=("savings_builder",),
            signals={"savings_net_inflow_monthly": 30_000, "savings_growth_rate": 0.05},
            facts=rich_facts(
                savings_inflow_monthly=Money(30_000),
                savings_balance=Money(900_000),
                savings_name=Text("Savings"),
                savings_mask=Text("9"),
            ),
            context=context(products=frozenset({"checking", "savings", "money_market", "cd"}), max_utilization=0.1),
        )
        selection = select(saver, CATALOG)
        assert "offer_high_yield_savings" not in _kinds(selection, "offer")
        assert "offer_high_yield_savings" in {r.candidate.item_id for r in selection.blocked}

    def test_without_consent_nothing_is_selected_or_even_reviewed(self) -> None:
        selection = select(profile(context=context(consent_granted=False)), CATALOG)
        assert (selection.chosen, selection.blocked, selection.skipped) == ((), (), ())

    def test_item_without_data_for_a_rationale_is_skipped_with_a_reason(self) -> None:
        sparse = Facts.of(window=Count(30, "day"), interest_charges=Money(8_734), monthly_spend=Money(1_000))
        selection = select(profile(facts=sparse), CATALOG)
        assert all(r.rationale.text for r in selection.chosen)
        assert selection.skipped == () or all("rationale" in s.reason for s in selection.skipped)

    def test_user_without_persona_gets_general_education(self) -> None:
        nobody = profile(primary_persona=None, personas=(), signals={})
        selection = select(nobody, CATALOG)
        education = _kinds(selection, "education")
        assert len(education) == EDUCATION_LIMITS.minimum
        assert all(CATALOG.item(item).is_general for item in education)

    def test_fee_saver_gets_fee_education_citing_their_fees(self) -> None:
        fees = rich_facts(
            fee_total=Money(7_000),
            fee_count=Count(2, "fee"),
            last_fee=Text("an overdraft fee"),
            last_fee_amount=Money(3_500),
            cash_flow_buffer=Months(0.3),
        )
        user = profile(
            primary_persona="fee_saver",
            personas=("fee_saver",),
            signals={"fee_count": 2, "fee_total": 7_000, "cash_flow_buffer_months": 0.3},
            facts=fees,
            context=context(max_utilization=0.1),
        )
        chosen = select(user, CATALOG).chosen
        assert chosen[0].candidate.item_id == "edu_avoid_overdraft"
        assert chosen[0].rationale.text == (
            "You paid $70 in bank fees over the last 30 days (2 fees), "
            "most recently an overdraft fee of $35 on March 4, 2026."
        )
