from dataclasses import replace

import polars as pl

from spendsense.eval.labels import UserLabels
from spendsense.eval.metrics import (
    auditability,
    chosen,
    coverage,
    explainability,
    latency,
    relevance,
    safety,
    volume,
)
from spendsense.guardrails.offer_rules import EligibilityRules
from spendsense.recommend.catalog import default_catalog
from spendsense.recommend.select import select
from tests.recommend.builders import profile

CATALOG = default_catalog()


def _items(**overrides: object):
    return chosen({"u1": [select(profile(**overrides), CATALOG)]})


class TestCoverage:
    def test_needs_a_persona_and_three_behaviours(self) -> None:
        signals = pl.DataFrame({"user_id": ["a", "b", "c"], "window": ["180d"] * 3, "behaviour_count": [3, 2, 4]})
        assignments = pl.DataFrame(
            {"user_id": ["a", "b", "c"], "window": ["180d"] * 3, "primary_persona": ["fee_saver", "fee_saver", None]}
        )
        metric = coverage(signals, assignments)
        assert metric.value == 1 / 3
        assert metric.passed is False

    def test_short_window_is_reported_without_a_target(self) -> None:
        signals = pl.DataFrame({"user_id": ["a"], "window": ["30d"], "behaviour_count": [1]})
        assignments = pl.DataFrame({"user_id": ["a"], "window": ["30d"], "primary_persona": [None]})
        metric = coverage(signals, assignments, "30d", target=False)
        assert (metric.value, metric.target, metric.passed) == (0.0, "reported", None)


class TestExplainabilityAndAuditability:
    def test_selected_items_are_explained_and_traced(self) -> None:
        items = _items()
        assert explainability(items).value == 1.0
        assert auditability(items).value == 1.0

    def test_rationale_without_a_number_is_not_explained(self) -> None:
        selection, reviewed = _items()[0]
        vague = replace(reviewed, rationale=replace(reviewed.rationale, text="Cards can be costly."))
        assert explainability([(selection, vague)]).value == 0.0


class TestRelevance:
    def test_items_fitting_the_labelled_persona_are_relevant(self) -> None:
        labels = {"u1": UserLabels("high_utilization", ("high_utilization",))}
        assert relevance(_items(), labels, CATALOG).value == 1.0

    def test_items_fitting_neither_label_nor_signal_are_not(self) -> None:
        labels = {"u1": UserLabels("savings_builder", ("savings_builder",))}
        metric = relevance(_items(signals={}), labels, CATALOG)
        assert metric.value == 0.0


class TestSafety:
    def test_chosen_items_are_safe(self) -> None:
        assert [m.passed for m in safety(_items())] == [True, True, True]

    def test_an_ineligible_offer_would_be_counted(self) -> None:
        selection, reviewed = next((s, r) for s, r in _items() if r.kind == "offer")
        strict = replace(
            reviewed, candidate=replace(reviewed.candidate, eligibility=EligibilityRules(max_utilization=0.1))
        )
        unsafe = safety([(selection, strict)])[2]
        assert (unsafe.value, unsafe.passed) == (1.0, False)


class TestVolume:
    def test_three_to_five_education_and_one_to_three_offers(self) -> None:
        assert [m.value for m in volume({"u1": [select(profile(), CATALOG)]})] == [1.0, 1.0]

    def test_window_without_an_offer_misses_the_offer_target(self) -> None:
        found = select(profile(), CATALOG)
        no_offers = replace(found, chosen=tuple(r for r in found.chosen if r.kind == "education"))
        assert [m.value for m in volume({"u1": [no_offers]})] == [1.0, 0.0]


class TestLatency:
    def test_percentiles_and_target(self) -> None:
        metric, stats = latency({f"u{i}": float(i) for i in range(1, 101)})
        assert (stats["p50"], stats["max"]) == (50.5, 100.0)
        assert metric.passed is False

    def test_no_users(self) -> None:
        metric, stats = latency({})
        assert (metric.value, stats) == (None, {})
