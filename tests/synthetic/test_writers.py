from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from spendsense import tables as contract
from spendsense.kit.money import to_cents
from tests.conftest import PLAID_FIXTURES

EXAMPLES = PLAID_FIXTURES / "openapi-examples"


def example(name: str) -> dict[str, Any]:
    body: dict[str, Any] = json.loads((EXAMPLES / f"{name}_example-1.json").read_text())
    return body


def json_type(value: object) -> str:
    return "number" if isinstance(value, int | float) and not isinstance(value, bool) else type(value).__name__


def shape_problems(ours: object, theirs: object, path: str = "$") -> list[str]:
    """Keys Plaid's example has that ours lacks, and values of another JSON type (nulls aside)."""
    if ours is None or theirs is None:
        return []
    if json_type(ours) != json_type(theirs):
        return [f"{path}: {json_type(ours)} instead of {json_type(theirs)}"]
    if isinstance(ours, dict) and isinstance(theirs, dict):
        missing = [f"{path}.{key}: missing" for key in theirs if key not in ours]
        return missing + [
            p for key in theirs if key in ours for p in shape_problems(ours[key], theirs[key], f"{path}.{key}")
        ]
    if isinstance(ours, list) and isinstance(theirs, list) and ours and theirs:
        return [p for item in ours for p in shape_problems(item, theirs[0], f"{path}[]")]
    return []


Bodies = dict[str, list[dict[str, Any]]]


@pytest.fixture(scope="module")
def bodies(plaid_dir: Path) -> Bodies:
    names = ("accounts_get", "transactions_sync", "liabilities_get")
    return {name: [json.loads(p.read_text()) for p in sorted(plaid_dir.glob(f"users/*/{name}.json"))] for name in names}


class TestPlaidWriter:
    @pytest.mark.parametrize("name", ["accounts_get", "transactions_sync", "liabilities_get"])
    def test_bodies_are_shaped_like_plaids_examples(self, bodies: Bodies, name: str) -> None:
        theirs = example(name)
        for ours in bodies[name][:10]:  # ten users: every field of thousands of rows
            assert shape_problems(ours, theirs) == []

    def test_every_transaction_has_the_same_keys(self, bodies: Bodies) -> None:
        keys = {frozenset(t) for body in bodies["transactions_sync"] for t in body["added"]}
        assert keys == {frozenset(example("transactions_sync")["added"][0])}

    def test_every_liability_kind_is_present(self, bodies: Bodies) -> None:
        kinds = {kind for body in bodies["liabilities_get"] for kind, rows in body["liabilities"].items() if rows}
        assert kinds == {"credit", "mortgage", "student"}

    def test_sync_holds_everything_in_added(self, bodies: Bodies) -> None:
        for body in bodies["transactions_sync"]:
            assert (body["modified"], body["removed"], body["has_more"]) == ([], [], False)
            assert body["added"]

    def test_plaid_sign_convention(self, bodies: Bodies) -> None:
        rows = [t for body in bodies["transactions_sync"] for t in body["added"]]
        by_detailed: dict[str, list[float]] = {}
        for row in rows:
            by_detailed.setdefault(row["personal_finance_category"]["detailed"], []).append(row["amount"])
        assert max(by_detailed["INCOME_WAGES"]) < 0  # payroll is money in
        assert min(by_detailed["RENT_AND_UTILITIES_RENT"]) > 0  # rent is money out
        groceries = by_detailed["FOOD_AND_DRINK_GROCERIES"]
        assert sum(a > 0 for a in groceries) > 0.97 * len(groceries)  # purchases out; the rest are refunds

    def test_amounts_are_dollars_with_cents(self, bodies: Bodies, tables: dict[str, pl.DataFrame]) -> None:
        body = bodies["transactions_sync"][0]
        cents = dict(tables["transactions"].select("transaction_id", "amount_cents").iter_rows())
        assert all(to_cents(row["amount"]) == cents[row["transaction_id"]] for row in body["added"])


class TestParquetWriter:
    def test_tables_have_exactly_the_contract_schemas(self, tables: dict[str, pl.DataFrame]) -> None:
        for name, schema in contract.ALL.items():
            assert tables[name].schema == schema, name

    def test_both_formats_carry_the_same_data(self, bodies: Bodies, tables: dict[str, pl.DataFrame]) -> None:
        plaid_rows = {
            (t["transaction_id"], t["account_id"], to_cents(t["amount"]), t["date"], t["pending"])
            for body in bodies["transactions_sync"]
            for t in body["added"]
        }
        parquet_rows = set(
            tables["transactions"]
            .select("transaction_id", "account_id", "amount_cents", pl.col("date").cast(pl.String), "pending")
            .iter_rows()
        )
        assert plaid_rows == parquet_rows
        plaid_accounts = {
            (a["account_id"], to_cents(a["balances"]["current"]))
            for body in bodies["accounts_get"]
            for a in body["accounts"]
        }
        assert plaid_accounts == set(tables["accounts"].select("account_id", "current_cents").iter_rows())

    def test_users_csv_and_labels_do_not_depend_on_the_format(self, plaid_dir: Path, parquet_dir: Path) -> None:
        for name in ("users.csv", "labels.json"):
            assert (plaid_dir / name).read_bytes() == (parquet_dir / name).read_bytes()
