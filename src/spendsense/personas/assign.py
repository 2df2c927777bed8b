"""Assign personas to every (user, window) row of the signals frame at once.

Every persona whose rule holds is kept, in priority order; the primary persona is the first.
A row that matches none gets an empty list and a null primary (docs/personas.md: not an error).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import polars as pl

from spendsense.personas.criteria import Persona, load_personas
from spendsense.signals.window import collect

ASSIGNMENTS = pl.Schema(
    {
        "user_id": pl.String(),
        "window": pl.String(),
        "as_of": pl.Date(),
        "primary_persona": pl.String(),
        "personas": pl.List(pl.String()),
    }
)


def assign_personas(signals: pl.DataFrame, personas: Sequence[Persona] | None = None) -> pl.DataFrame:
    """One row per row of `signals` (`ASSIGNMENTS`): the primary persona and every match."""
    listed = _matches(tuple(personas) if personas is not None else load_personas())
    return (  # one query: on one user's rows each step would cost what the whole query does
        signals.lazy()
        .select("user_id", "window", "as_of", listed.alias("personas"))
        .with_columns(pl.col("personas").list.first().alias("primary_persona"))
        .select(ASSIGNMENTS.names())
        .cast(ASSIGNMENTS)
        .pipe(collect)
    )


@functools.cache
def _matches(personas: tuple[Persona, ...]) -> pl.Expr:
    """Every persona whose rule holds, in priority order; built once (expressions are immutable)."""
    ordered = sorted(personas, key=lambda persona: persona.priority)
    matches = [pl.when(persona.rule.expr()).then(pl.lit(persona.id)) for persona in ordered]
    return pl.concat_list(matches).list.drop_nulls() if matches else pl.lit([], dtype=pl.List(pl.String()))
