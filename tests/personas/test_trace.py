from __future__ import annotations

import json

import polars as pl

from spendsense.personas.trace import TRACE, criteria_trace, nested_traces
from spendsense.signals import provenance
from tests.personas.signals import signals_frame


def evidence() -> pl.DataFrame:
    rows = [
        {
            "user_id": "u0",
            "signals": ["fee_count", "fee_total"],
            "account_ids": ["chk"],
            "transaction_ids": ["od1", "od2"],
            "transaction_count": 2,
        },
    ]
    return pl.DataFrame(rows, schema=provenance.EVIDENCE).with_columns(pl.lit("180d").alias("window"))


class TestCriteriaTrace:
    def test_one_row_per_criterion_with_value_threshold_and_result(self) -> None:
        trace = criteria_trace(signals_frame({"fee_count": 2, "fee_total": 3400}))
        assert trace.schema == TRACE
        assert trace.height == 14  # 4 + 2 + 2 + 3 + 3 criteria over the five personas
        fees = trace.filter(pl.col("persona_id") == "fee_saver").select(
            "signal", "op", "threshold", "value", "result", "matched"
        )
        assert fees.rows() == [
            ("fee_count", ">=", 2.0, 2.0, True, True),
            ("fee_total", ">=", 5000.0, 3400.0, False, True),
        ]

    def test_a_missing_value_is_null_and_its_result_the_default(self) -> None:
        trace = criteria_trace(signals_frame({}))
        last = trace.filter((pl.col("persona_id") == "savings_builder") & (pl.col("signal") == "max_utilization"))
        assert last.select("value", "result").rows() == [(None, True)]


class TestNestedTraces:
    def test_a_json_document_per_user_window_with_evidence(self) -> None:
        signals = signals_frame({"fee_count": 2, "fee_total": 6900})
        (row,) = nested_traces(criteria_trace(signals), evidence()).to_dicts()
        document = json.loads(json.dumps(row["trace"]))
        assert [persona["persona_id"] for persona in document][:3] == [
            "high_utilization",
            "variable_income",
            "fee_saver",
        ]
        fee_saver = document[2]
        assert fee_saver["matched"] is True
        assert fee_saver["rule"] == "fee_count >= 2 OR fee_total >= 5000"
        first = fee_saver["criteria"][0]
        assert (first["signal"], first["value"], first["result"]) == ("fee_count", 2.0, True)
        assert first["transaction_ids"] == ["od1", "od2"]
        # A signal without evidence (no card, so no utilization) carries empty lists, never null.
        assert document[0]["criteria"][0]["account_ids"] == []
