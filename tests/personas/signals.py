"""A signals frame with every catalog column, for persona tests: one row per given override."""

from __future__ import annotations

from datetime import date
from typing import Any

import polars as pl

from spendsense.signals import catalog


def signals_frame(*overrides: dict[str, Any]) -> pl.DataFrame:
    rows = []
    for index, override in enumerate(overrides):
        row: dict[str, Any] = {s.name: s.fill for s in catalog.SIGNALS}
        row.update(user_id=f"u{index}", window="180d", as_of=date(2026, 6, 30))
        row.update(override)
        rows.append(row)
    return pl.DataFrame(rows, schema=catalog.SCHEMA)
