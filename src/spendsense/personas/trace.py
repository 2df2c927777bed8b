"""Decision traces: for every (user, window, persona), each criterion with its value, threshold and result.

`criteria_trace` is the flat, vectorized form (one row per criterion); `nested_traces` turns
it, with the evidence behind each signal, into one JSON-ready document per (user, window).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import polars as pl

from spendsense.personas.criteria import Persona, load_personas
from spendsense.signals import catalog
from spendsense.signals.window import collect

TRACE = pl.Schema(
    {
        "user_id": pl.String(),
        "window": pl.String(),
        "persona_id": pl.String(),
        "priority": pl.Int64(),
        "matched": pl.Boolean(),
        "criterion": pl.Int64(),
        "signal": pl.String(),
        "unit": pl.String(),
        "op": pl.String(),
        "threshold": pl.Float64(),
        "missing": pl.Boolean(),
        "value": pl.Float64(),
        "result": pl.Boolean(),
    }
)


def criteria_trace(signals: pl.DataFrame, personas: Sequence[Persona] | None = None) -> pl.DataFrame:
    """One row per (user, window, persona, criterion) (`TRACE`); flags read as 1.0 / 0.0 in `value`."""
    rows = signals.lazy()
    chosen = tuple(personas) if personas is not None else load_personas()
    frames = [TRACE.to_frame().lazy(), *(rows.select(columns) for columns in _criterion_columns(chosen))]
    # One query for all criteria: on one user's rows a step costs as much as the query.
    return pl.concat(frames, how="vertical_relaxed").cast(TRACE).pipe(collect)


@functools.cache
def _criterion_columns(personas: tuple[Persona, ...]) -> list[list[pl.Expr]]:
    """Per criterion of every persona, the columns of its trace rows; built once (expressions are immutable)."""
    found = []
    for persona in personas:
        matched = persona.rule.expr()
        for index, leaf in enumerate(persona.rule.leaves()):
            found.append(
                [
                    pl.col("user_id"),
                    pl.col("window"),
                    pl.lit(persona.id).alias("persona_id"),
                    pl.lit(persona.priority).alias("priority"),
                    matched.alias("matched"),
                    pl.lit(index).alias("criterion"),
                    pl.lit(leaf.signal).alias("signal"),
                    pl.lit(catalog.BY_NAME[leaf.signal].unit).alias("unit"),
                    pl.lit(leaf.op).alias("op"),
                    pl.lit(float(leaf.threshold)).alias("threshold"),
                    pl.lit(leaf.missing).alias("missing"),
                    pl.col(leaf.signal).cast(pl.Float64).alias("value"),
                    leaf.expr().alias("result"),
                ]
            )
    return found


def _with_evidence(trace: pl.DataFrame, evidence: pl.DataFrame) -> pl.LazyFrame:
    """Each criterion with every account and transaction behind its signal, for every signal at once.

    One group-by over the evidence sets, one row per signal they name, instead of one query
    per signal: the same lists, in a handful of operations however many signals there are.
    """
    listed = pl.col("account_ids", "transaction_ids").list.explode(keep_nulls=False, empty_as_null=False)
    keyed = (
        evidence.lazy()
        .with_columns(pl.col("signals").list.unique().alias("signal"))
        .explode("signal")
        .filter(pl.col("signal").is_in(trace["signal"].unique().implode()))
        .group_by("user_id", "window", "signal")
        .agg(listed.unique().sort(), pl.col("transaction_count").sum())
    )
    return (
        trace.lazy()
        .join(keyed, on=["user_id", "window", "signal"], how="left")
        .with_columns(pl.col("account_ids", "transaction_ids").fill_null([]), pl.col("transaction_count").fill_null(0))
    )


def nested_traces(
    trace: pl.DataFrame, evidence: pl.DataFrame, personas: Sequence[Persona] | None = None
) -> pl.DataFrame:
    """One row per (user, window) with `trace`: a list of personas, each with its rule and its criteria.

    `evidence` holds the evidence sets (`provenance.EVIDENCE` plus `window`) the signals came from.
    """
    return nested_query(trace, evidence, personas).pipe(collect)


def nested_query(
    trace: pl.DataFrame, evidence: pl.DataFrame, personas: Sequence[Persona] | None = None
) -> pl.LazyFrame:
    """`nested_traces` as one query, for a caller to join on before it runs."""
    rules = {persona.id: (persona.name, persona.rule.describe()) for persona in personas or load_personas()}
    criteria = pl.struct(
        "signal",
        "unit",
        "op",
        "threshold",
        "missing",
        "value",
        "result",
        "account_ids",
        "transaction_ids",
        "transaction_count",
    )
    per_persona = (
        _with_evidence(trace, evidence)
        .sort("user_id", "window", "priority", "criterion")
        .group_by("user_id", "window", "persona_id", "priority", "matched", maintain_order=True)
        .agg(criteria.alias("criteria"))
        .with_columns(
            pl.col("persona_id").replace_strict({k: v[0] for k, v in rules.items()}, default=None).alias("name"),
            pl.col("persona_id").replace_strict({k: v[1] for k, v in rules.items()}, default=None).alias("rule"),
        )
    )
    persona = pl.struct("persona_id", "name", "priority", "matched", "rule", "criteria")
    return per_persona.group_by("user_id", "window", maintain_order=True).agg(persona.alias("trace"))
