"""Read the generator's Parquet output (`spendsense generate --format parquet`) straight into frames.

The accuracy check and the benchmark compute from these files directly, so they measure the
engine and not the database. Only the columns the engine reads are loaded.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl

from spendsense import tables

ENGINE_COLUMNS = {
    "transactions": [
        "transaction_id", "account_id", "user_id", "date", "amount_cents", "name", "merchant_name",
        "merchant_entity_id", "pfc_primary", "pfc_detailed", "pending",
    ],
    "accounts": [
        "account_id", "user_id", "name", "mask", "type", "subtype", "is_business", "current_cents", "limit_cents",
    ],
    "liabilities": ["account_id", "user_id", "kind", "minimum_payment_cents", "last_payment_cents", "is_overdue"],
}  # fmt: skip


@dataclass(frozen=True)
class Generated:
    as_of: date
    consenting: list[str]
    transactions: pl.DataFrame
    accounts: pl.DataFrame
    liabilities: pl.DataFrame


def _table(root: Path, name: str, users: pl.DataFrame | None) -> pl.DataFrame:
    columns = ENGINE_COLUMNS[name]
    frame = pl.scan_parquet(root / "tables" / name / "*.parquet").select(columns)
    if users is not None:
        frame = frame.join(users.lazy(), on="user_id", how="semi")
    collected = frame.collect()
    missing = [column for column in tables.ALL[name].names() if column not in columns]
    filler = [pl.lit(None, dtype=tables.ALL[name][column]).alias(column) for column in missing]
    return collected.with_columns(filler).select(tables.ALL[name].names())


def consenting_users(root: Path, part: str = "*") -> list[str]:
    consent = pl.read_parquet(root / "tables" / "consent" / f"{part}.parquet")
    return sorted(consent.filter(pl.col("granted"))["user_id"].to_list())


def load_generated(root: Path, part: str = "*") -> Generated:
    """The consenting users of the output (or of one part file, e.g. "part-00003") and their data."""
    manifest = json.loads((root / "manifest.json").read_text())
    consenting = consenting_users(root, part)
    users = pl.DataFrame({"user_id": consenting}, schema={"user_id": pl.String})
    frames = {name: _table(root, name, users) for name in ENGINE_COLUMNS}
    return Generated(date.fromisoformat(manifest["as_of"]), consenting, **frames)


def load_labels(root: Path) -> dict[str, Any]:
    labels: dict[str, Any] = json.loads((root / "labels.json").read_text())
    return labels
