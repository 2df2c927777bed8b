"""The engine against the generator's ground truth: personas, and recurring streams (precision and recall)."""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from spendsense.eval.labels import UserLabels
from spendsense.eval.metrics import LONG_WINDOW, Metric, share

# A detected and a labelled stream are the same stream when each holds at least half of the other's transactions.
OVERLAP = 0.5


def persona_accuracy(assignments: pl.DataFrame, labels: Mapping[str, UserLabels]) -> Metric:
    """Primary persona of the 180-day window (the window the labels describe) equal to the labelled one."""
    rows = assignments.filter(pl.col("window") == LONG_WINDOW).select("user_id", "primary_persona").to_dicts()
    scored = [
        row["primary_persona"] == labels[row["user_id"]].primary_persona for row in rows if row["user_id"] in labels
    ]
    return Metric("persona_accuracy", share(scored), "reported", None, f"{len(scored)} labelled users")


def _pairs(detected: pl.DataFrame, labels: Mapping[str, UserLabels]) -> tuple[pl.DataFrame, pl.DataFrame]:
    found = detected.filter(pl.col("window") == LONG_WINDOW).select(
        "user_id", "stream_id", pl.col("transaction_ids").list.len().alias("found_size"), "transaction_ids"
    )
    truth_rows = [
        {"user_id": user, "label_id": f"{user}#{i}", "transaction_ids": sorted(ids)}
        for user, label in labels.items()
        for i, ids in enumerate(label.recurring_streams)
    ]
    schema = pl.Schema({"user_id": pl.String(), "label_id": pl.String(), "transaction_ids": pl.List(pl.String())})
    truth = pl.DataFrame(truth_rows, schema=schema).with_columns(
        pl.col("transaction_ids").list.len().alias("label_size")
    )
    return found, truth


def recurring_accuracy(
    detected: pl.DataFrame, labels: Mapping[str, UserLabels], processed: set[str] | None = None
) -> list[Metric]:
    """Detected streams of labelled users (180-day lookback) matched to labelled streams by shared transactions.

    Only `processed` users count (those the engine ran for: without consent it never reads a
    user's data, so their labelled streams are not missed streams). None means every labelled user.
    """
    if processed is not None:
        labels = {user: label for user, label in labels.items() if user in processed}
    found, truth = _pairs(detected.filter(pl.col("user_id").is_in(list(labels))), labels)
    shared = (
        found.explode("transaction_ids")
        .join(truth.explode("transaction_ids"), on=["user_id", "transaction_ids"])
        .group_by("stream_id", "label_id", "found_size", "label_size")
        .len()
        .filter((pl.col("len") >= OVERLAP * pl.col("found_size")) & (pl.col("len") >= OVERLAP * pl.col("label_size")))
    )
    precision = shared["stream_id"].n_unique() / found.height if found.height else None
    recall = shared["label_id"].n_unique() / truth.height if truth.height else None
    detail = f"{found.height} detected, {truth.height} labelled"
    return [
        Metric("recurring_precision", precision, "reported", None, detail),
        Metric("recurring_recall", recall, "reported", None, detail),
    ]
