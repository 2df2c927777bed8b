"""Engine output -> the rows the store keeps: one JSON-ready dict per table row.

Built with Polars (structs become dicts, lists stay lists), so the only Python loop is the
one the database driver makes over the rows anyway.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import polars as pl

from spendsense.personas.trace import nested_query
from spendsense.signals import catalog, credit, provenance
from spendsense.signals.compute import SignalSet
from spendsense.signals.window import KEYS, collect

Row = dict[str, Any]
EVIDENCE_FIELDS = [name for name in provenance.EVIDENCE.names() if name != "user_id"]
CARD_FIELDS = [name for name in credit.CARDS.names() if name != "user_id"]


@dataclass(frozen=True)
class Outcome:
    """A full computation: the engine's frames plus the persona assignments and their flat trace."""

    signals: SignalSet
    assignments: pl.DataFrame
    trace: pl.DataFrame


def for_users(outcome: Outcome, user_ids: Sequence[str]) -> Outcome:
    """The part of `outcome` about `user_ids`, to turn a large run into rows a slice at a time."""
    keep = pl.col("user_id").is_in(list(user_ids))
    found = outcome.signals
    return Outcome(
        SignalSet(
            found.signals.filter(keep),
            found.cards.filter(keep),
            found.recurring_streams.filter(keep),
            found.income_streams.filter(keep),
            found.evidence.filter(keep),
        ),
        outcome.assignments.filter(keep),
        outcome.trace.filter(keep),
    )


def _listed(rows: list[Row], *columns: str) -> list[Row]:
    """A left join leaves null where a user has no evidence or no card: store an empty list instead."""
    for row in rows:
        for column in columns:
            row[column] = row[column] or []
    return rows


def signal_rows(result: SignalSet, computed_at: datetime) -> list[Row]:
    values = result.signals.lazy().select("user_id", "window", "as_of", pl.struct(catalog.NAMES).alias("values"))
    evidence = result.evidence.lazy().group_by(KEYS).agg(pl.struct(EVIDENCE_FIELDS).alias("evidence"))
    cards = result.cards.lazy().group_by("user_id").agg(pl.struct(CARD_FIELDS).alias("cards"))
    joined = (  # one query: on one user's rows each step would cost what the whole query does
        values.join(evidence, on=KEYS, how="left", maintain_order="left")
        .join(cards, on="user_id", how="left", maintain_order="left")
        .pipe(collect)
    )
    rows = _listed(joined.to_dicts(), "evidence", "cards")
    for row in rows:
        row["computed_at"] = computed_at
    return rows


def stream_rows(streams: pl.DataFrame, as_of: object) -> list[Row]:
    return streams.with_columns(pl.lit(as_of).alias("as_of")).to_dicts()


def assignment_rows(outcome: Outcome, computed_at: datetime) -> list[Row]:
    traces = nested_query(outcome.trace, outcome.signals.evidence)
    joined = outcome.assignments.lazy().join(traces, on=KEYS, how="left", maintain_order="left").pipe(collect)
    rows = _listed(joined.to_dicts(), "trace")
    for row in rows:
        row["computed_at"] = computed_at
    return rows
