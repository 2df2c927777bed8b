from __future__ import annotations

import polars as pl
import pytest

from spendsense.personas.criteria import CriteriaError, Criterion, Group, load_personas, parse_personas


class TestLoadPersonas:
    def test_the_five_personas_in_priority_order(self) -> None:
        ids = [persona.id for persona in load_personas()]
        assert ids == ["high_utilization", "variable_income", "fee_saver", "subscription_heavy", "savings_builder"]

    def test_rules_read_like_docs_personas_md(self) -> None:
        rules = {persona.id: persona.rule.describe() for persona in load_personas()}
        assert rules["subscription_heavy"] == (
            "recurring_merchant_count >= 3 AND (monthly_recurring_spend >= 5000 OR subscription_share >= 0.1)"
        )
        assert rules["savings_builder"].endswith("AND max_utilization < 0.3 (true without a value)")


class TestParsePersonas:
    def test_an_unknown_signal_is_refused_at_load_time(self) -> None:
        document = {
            "persona": [
                {
                    "id": "x",
                    "name": "X",
                    "priority": 1,
                    "rule": {"all": [{"signal": "nope", "op": ">", "threshold": 1}]},
                }
            ]
        }
        with pytest.raises(CriteriaError, match="unknown signal 'nope'"):
            parse_personas(document)

    def test_an_unknown_operator_is_refused(self) -> None:
        document = {
            "persona": [
                {
                    "id": "x",
                    "name": "X",
                    "priority": 1,
                    "rule": {"all": [{"signal": "fee_count", "op": "~", "threshold": 1}]},
                }
            ]
        }
        with pytest.raises(CriteriaError, match="unknown operator"):
            parse_personas(document)

    def test_duplicate_priorities_are_refused(self) -> None:
        rule = {"all": [{"signal": "fee_count", "op": ">", "threshold": 1}]}
        document = {
            "persona": [
                {"id": "a", "name": "A", "priority": 1, "rule": rule},
                {"id": "b", "name": "B", "priority": 1, "rule": rule},
            ]
        }
        with pytest.raises(CriteriaError, match="unique"):
            parse_personas(document)


class TestEvaluation:
    def test_a_missing_value_takes_the_criterions_default(self) -> None:
        frame = pl.DataFrame({"max_utilization": [None, 0.1, 0.4]}, schema={"max_utilization": pl.Float64})
        under = Criterion("max_utilization", "<", 0.30, missing=True)
        over = Criterion("max_utilization", ">=", 0.50)
        assert frame.select(under.expr())["max_utilization"].to_list() == [True, True, False]
        assert frame.select(over.expr())["max_utilization"].to_list() == [False, False, False]

    def test_groups_combine_all_and_any(self) -> None:
        frame = pl.DataFrame({"fee_count": [0, 3, 3], "fee_total": [9000, 0, 9000]})
        both = Group("all", (Criterion("fee_count", ">=", 2), Criterion("fee_total", ">=", 5000)))
        either = Group("any", both.rules)
        assert frame.select(both.expr().alias("r"))["r"].to_list() == [False, False, True]
        assert frame.select(either.expr().alias("r"))["r"].to_list() == [True, True, True]
