"""The engine against the generator's ground truth (labels.json) on a small generated population."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from spendsense.pipeline.generated import load_generated, load_labels
from spendsense.pipeline.run import compute_outcome
from spendsense.signals.accuracy import Accuracy, evaluate, labelled_streams, matches
from spendsense.synthetic.run import Request, generate

TARGET = 0.95


@pytest.fixture(scope="module")
def accuracy(tmp_path_factory: pytest.TempPathFactory) -> Accuracy:
    out = tmp_path_factory.mktemp("generated") / "out"
    generate(Request(users=200, seed=7, as_of=date(2026, 10, 31), months=6, out=out, format="parquet"))
    data = load_generated(out)
    outcome = compute_outcome(data.consenting, data.transactions, data.accounts, data.liabilities, data.as_of)
    return evaluate(
        load_labels(out), outcome.signals.recurring_streams, outcome.signals.income_streams, outcome.assignments
    )


class TestAgainstGeneratedLabels:
    def test_only_consenting_users_are_scored(self, accuracy: Accuracy) -> None:
        assert 0 < accuracy.users < 200  # the generator withholds consent from about one user in ten

    def test_recurring_stream_precision_and_recall(self, accuracy: Accuracy) -> None:
        assert accuracy.recurring_precision >= TARGET
        assert accuracy.recurring_recall >= TARGET

    def test_income_cadence(self, accuracy: Accuracy) -> None:
        assert accuracy.income_cadence_accuracy >= TARGET

    def test_primary_persona_180d(self, accuracy: Accuracy) -> None:
        assert accuracy.persona_agreement >= TARGET


class TestMatches:
    def test_streams_match_on_shared_transactions_not_names(self) -> None:
        labels = {
            "users": {
                "u1": {
                    "recurring_streams": [
                        {"frequency": "monthly", "transaction_ids": ["a", "b", "c", "d"]},
                        {"frequency": "weekly", "transaction_ids": ["w1", "w2", "w3"]},
                    ]
                }
            }
        }
        labelled = labelled_streams(labels, "recurring_streams", {"u1"})
        detected = pl.DataFrame(
            {
                "stream_id": ["s1", "s2"],
                "frequency": ["monthly", "weekly"],
                # s1 shares 3 of the label's 4 (and 3 of its own 3); s2 shares 1 of 3: not the same stream.
                "transaction_ids": [["a", "b", "c"], ["w1", "x", "y"]],
            }
        )
        assert matches(labelled, detected).select("label", "stream_id").rows() == [(0, "s1")]
