import polars as pl

from spendsense.eval.accuracy import persona_accuracy, recurring_accuracy
from spendsense.eval.labels import UserLabels


class TestPersonaAccuracy:
    def test_long_window_primary_against_labels(self) -> None:
        assignments = pl.DataFrame(
            {
                "user_id": ["u1", "u2", "u1", "u3"],
                "window": ["180d", "180d", "30d", "180d"],
                "primary_persona": ["fee_saver", None, "high_utilization", "savings_builder"],
            }
        )
        labels = {"u1": UserLabels("fee_saver", ("fee_saver",)), "u2": UserLabels("fee_saver", ("fee_saver",))}
        metric = persona_accuracy(assignments, labels)
        assert metric.value == 0.5
        assert metric.detail == "2 labelled users"


class TestRecurringAccuracy:
    def test_streams_match_by_shared_transactions(self) -> None:
        detected = pl.DataFrame(
            {
                "user_id": ["u1", "u1", "u1"],
                "window": ["180d", "180d", "30d"],
                "stream_id": ["netflix", "gym", "netflix"],
                "transaction_ids": [["n1", "n2", "n3"], ["g1", "x1", "x2", "x3"], ["n3"]],
            }
        )
        labels = {
            "u1": UserLabels(
                "subscription_heavy",
                (),
                (frozenset({"n1", "n2", "n3", "n4"}), frozenset({"g1", "g2", "g3"}), frozenset({"r1", "r2", "r3"})),
            )
        }
        precision, recall = recurring_accuracy(detected, labels)
        assert precision.value == 0.5  # netflix matches; gym shares 1 of 4 transactions
        assert recall.value == 1 / 3

    def test_unlabelled_users_are_left_out(self) -> None:
        detected = pl.DataFrame(
            {"user_id": ["zz"], "window": ["180d"], "stream_id": ["s"], "transaction_ids": [["t1", "t2", "t3"]]}
        )
        precision, recall = recurring_accuracy(detected, {"u1": UserLabels(None, ())})
        assert (precision.value, recall.value) == (None, None)

    def test_users_the_engine_did_not_process_do_not_lower_recall(self) -> None:
        # u2 has no consent: the engine never read its data, so its labelled stream is not "missed".
        detected = pl.DataFrame(
            {"user_id": ["u1"], "window": ["180d"], "stream_id": ["s"], "transaction_ids": [["t1", "t2", "t3"]]}
        )
        labels = {
            "u1": UserLabels(None, (), (frozenset({"t1", "t2", "t3"}),)),
            "u2": UserLabels(None, (), (frozenset({"x1", "x2", "x3"}),)),
        }
        _, everyone = recurring_accuracy(detected, labels)
        _, processed = recurring_accuracy(detected, labels, processed={"u1"})
        assert everyone.value == 1 / 2  # 1 of 2 labelled streams, counting the unprocessed user
        assert processed.value == 1.0  # 1 of 1
