"""How well the engine agrees with the generator's ground truth (labels.json).

A detected stream and a labelled one are the same stream when they share at least half of
each other's transactions: ids, not names, decide, so a detector cannot score by guessing
merchants. Figures are over the users the engine processed (those with consent).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import polars as pl

SAME_STREAM_SHARE = 0.5
LABELLED = pl.Schema(
    {"user_id": pl.String(), "label": pl.Int64(), "frequency": pl.String(), "transaction_ids": pl.List(pl.String())}
)


@dataclass(frozen=True)
class Accuracy:
    users: int
    recurring_precision: float
    recurring_recall: float
    income_cadence_accuracy: float
    persona_agreement: float
    counts: dict[str, int]

    def as_dict(self) -> dict[str, Any]:
        return {
            "users": self.users,
            "recurring_precision": round(self.recurring_precision, 4),
            "recurring_recall": round(self.recurring_recall, 4),
            "income_cadence_accuracy": round(self.income_cadence_accuracy, 4),
            "persona_agreement": round(self.persona_agreement, 4),
            **self.counts,
        }


def labelled_streams(labels: Mapping[str, Any], key: str, user_ids: set[str]) -> pl.DataFrame:
    """One row per labelled stream (`key`: recurring_streams or income_streams) of the given users."""
    rows = [
        {"user_id": user_id, "frequency": stream["frequency"], "transaction_ids": stream["transaction_ids"]}
        for user_id, truth in labels["users"].items()
        if user_id in user_ids
        for stream in truth[key]
    ]
    frame = pl.DataFrame(rows, schema={k: v for k, v in LABELLED.items() if k != "label"})
    return frame.with_row_index("label").with_columns(pl.col("label").cast(pl.Int64)).select(LABELLED.names())


def matches(labelled: pl.DataFrame, detected: pl.DataFrame) -> pl.DataFrame:
    """(label, stream_id) pairs sharing at least half of each side's transactions, with both frequencies."""
    truth = labelled.explode("transaction_ids").rename({"transaction_ids": "transaction_id"})
    found = detected.select("stream_id", "frequency", "transaction_ids").explode("transaction_ids")
    found = found.rename({"transaction_ids": "transaction_id", "frequency": "detected_frequency"})
    sizes_l = labelled.select("label", pl.col("transaction_ids").list.len().alias("label_size"))
    sizes_d = detected.select("stream_id", pl.col("transaction_ids").list.len().alias("stream_size"))
    shared = (
        truth.join(found, on="transaction_id")
        .group_by("label", "stream_id", "frequency", "detected_frequency")
        .agg(pl.len().alias("shared"))
        .join(sizes_l, on="label")
        .join(sizes_d, on="stream_id")
    )
    enough = (pl.col("shared") >= SAME_STREAM_SHARE * pl.col("label_size")) & (
        pl.col("shared") >= SAME_STREAM_SHARE * pl.col("stream_size")
    )
    return shared.filter(enough)


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def evaluate(
    labels: Mapping[str, Any],
    recurring_streams: pl.DataFrame,
    income_streams: pl.DataFrame,
    assignments: pl.DataFrame,
    window: str = "180d",
) -> Accuracy:
    """Precision and recall of recurring streams, income cadence and primary persona, for one window's output."""
    mine = assignments.filter(pl.col("window") == window)
    users = set(mine["user_id"].to_list())
    detected = recurring_streams.filter(pl.col("window") == window)
    recurring = labelled_streams(labels, "recurring_streams", users)
    paired = matches(recurring, detected)
    incomes = labelled_streams(labels, "income_streams", users)
    income_pairs = matches(incomes, income_streams.filter(pl.col("window") == window))
    cadence_right = income_pairs.filter(pl.col("frequency") == pl.col("detected_frequency"))["label"].n_unique()
    expected = {user: truth["primary_persona"] for user, truth in labels["users"].items() if user in users}
    agreed = sum(
        1 for user, primary in mine.select("user_id", "primary_persona").iter_rows() if expected.get(user) == primary
    )
    return Accuracy(
        users=len(users),
        recurring_precision=_share(paired["stream_id"].n_unique(), detected.height),
        recurring_recall=_share(paired["label"].n_unique(), recurring.height),
        income_cadence_accuracy=_share(cadence_right, incomes.height),
        persona_agreement=_share(agreed, len(users)),
        counts={
            "labelled_recurring": recurring.height,
            "detected_recurring": detected.height,
            "labelled_income": incomes.height,
            "frequency_agreement_on_matched": paired.filter(pl.col("frequency") == pl.col("detected_frequency")).height,
        },
    )
