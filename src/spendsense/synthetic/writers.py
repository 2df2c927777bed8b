"""Serialize one chunk: Parquet tables (the scale path) or Plaid response bodies per user."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, Protocol

import polars as pl

from spendsense import tables
from spendsense.kit.ids import stable_id
from spendsense.synthetic import plaid_bodies as plaid
from spendsense.synthetic.chunk import Chunk

PLAID_FILES = ("accounts_get", "transactions_sync", "liabilities_get")


class ChunkWriter(Protocol):
    def write(self, chunk: Chunk, number: int) -> dict[str, list[str]]:
        """Write the chunk under the output root; return the written paths (relative) by group."""
        ...


class ParquetWriter:
    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, chunk: Chunk, number: int) -> dict[str, list[str]]:
        written: dict[str, list[str]] = {}
        for name, schema in tables.ALL.items():
            relative = f"tables/{name}/part-{number:05d}.parquet"
            path = self.root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            chunk.tables[name].match_to_schema(schema).write_parquet(path, compression="lz4", statistics=True)
            written[name] = [relative]
        return written


def _by_user(frame: pl.DataFrame) -> dict[str, list[dict[str, Any]]]:
    return {
        key[0]: part.to_dicts()
        for key, part in frame.partition_by("user_id", as_dict=True, maintain_order=True).items()
    }


def _dump(path: Path, body: dict[str, Any]) -> None:
    # Compact: Python's indenting encoder is pure Python and ten times slower than the C one.
    path.write_text(json.dumps(body, sort_keys=True, separators=(",", ":")) + "\n")


class PlaidWriter:
    """Per user: the bodies of /accounts/get, /transactions/sync (all in `added`) and /liabilities/get."""

    def __init__(self, root: Path, as_of: date) -> None:
        self.root = root
        self.as_of = as_of

    def write(self, chunk: Chunk, number: int) -> dict[str, list[str]]:
        accounts = _by_user(chunk.tables["accounts"])
        transactions = _by_user(chunk.tables["transactions"])
        liabilities = _by_user(chunk.tables["liabilities"])
        written: dict[str, list[str]] = {name: [] for name in PLAID_FILES}
        for user_id in chunk.tables["users"]["user_id"].to_list():
            folder = self.root / "users" / user_id
            folder.mkdir(parents=True)
            bodies = self._bodies(
                user_id, accounts[user_id], transactions.get(user_id, []), liabilities.get(user_id, [])
            )
            for name, body in bodies.items():
                _dump(folder / f"{name}.json", body)
                written[name].append(f"users/{user_id}/{name}.json")
        return written

    def _bodies(
        self, user_id: str, accounts: list[dict[str, Any]], txns: list[dict[str, Any]], liabs: list[dict[str, Any]]
    ) -> dict[str, dict[str, Any]]:
        shaped = [plaid.account(row) for row in accounts]
        item = plaid.item(user_id)
        bodies: dict[str, dict[str, Any]] = {
            "accounts_get": {"accounts": shaped, "item": item, "request_id": plaid.request_id(user_id, "accounts")},
            "transactions_sync": {
                "accounts": shaped,
                "added": [plaid.transaction(row) for row in txns],
                "has_more": False,
                "modified": [],
                "next_cursor": stable_id("cursor", user_id, length=32),
                "removed": [],
                "request_id": plaid.request_id(user_id, "transactions"),
                "transactions_update_status": "HISTORICAL_UPDATE_COMPLETE",
            },
        }
        if liabs:
            bodies["liabilities_get"] = {
                "accounts": shaped,
                "item": item,
                "liabilities": {
                    "credit": [plaid.credit(r) for r in liabs if r["kind"] == "credit"],
                    "mortgage": [plaid.mortgage(r, self.as_of) for r in liabs if r["kind"] == "mortgage"],
                    "student": [plaid.student(r, self.as_of) for r in liabs if r["kind"] == "student"],
                },
                "request_id": plaid.request_id(user_id, "liabilities"),
            }
        return bodies
