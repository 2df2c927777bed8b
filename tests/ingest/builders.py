"""Small inputs the ingest tests build themselves: Plaid bodies, generator directories, row counts."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import polars as pl
from sqlalchemy import Engine, func, select

from spendsense import tables
from spendsense.models import Base
from tests.conftest import PLAID_FIXTURES

OPENAPI = PLAID_FIXTURES / "openapi-examples"
SANDBOX = PLAID_FIXTURES / "sandbox-custom-users"
ALL_PLAID_FILES = sorted(PLAID_FIXTURES.rglob("*.json"))


def row_counts(engine: Engine) -> dict[str, int]:
    """Rows in every table of the store: equal before and after means nothing changed."""
    with engine.connect() as conn:
        return {
            t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in Base.metadata.sorted_tables
        }


def account(account_id: str = "acc-1", **changes: Any) -> dict[str, Any]:
    body = {
        "account_id": account_id,
        "balances": {"available": 100.5, "current": 120.25, "limit": None, "iso_currency_code": "USD"},
        "name": "Everyday Checking",
        "mask": "0001",
        "type": "depository",
        "subtype": "checking",
    }
    return body | changes


def transaction(transaction_id: str = "txn-1", account_id: str = "acc-1", **changes: Any) -> dict[str, Any]:
    body = {
        "transaction_id": transaction_id,
        "account_id": account_id,
        "amount": 12.34,
        "date": "2025-03-05",
        "authorized_date": "2025-03-04",
        "iso_currency_code": "USD",
        "name": "KROGER #0417",
        "merchant_name": "Kroger",
        "payment_channel": "in store",
        "personal_finance_category": {"primary": "FOOD_AND_DRINK", "detailed": "FOOD_AND_DRINK_GROCERIES"},
        "pending": False,
        "pending_transaction_id": None,
    }
    return body | changes


def sync_body(added: list[dict[str, Any]], **sections: Any) -> dict[str, Any]:
    return {
        "accounts": [account()],
        "added": added,
        "modified": [],
        "removed": [],
        "next_cursor": "c1",
        "has_more": False,
    } | sections


def write_json(path: Path, body: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(body))
    return path


def write_users_csv(directory: Path, users: dict[str, bool]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    with (directory / "users.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["user_id", "name", "email", "age_band", "gender", "income_tier", "region", "consent"])
        for user_id, consent in users.items():
            writer.writerow(
                [
                    user_id,
                    f"Name {user_id}",
                    f"{user_id}@example.com",
                    "25-34",
                    "female",
                    "middle",
                    "west",
                    str(consent).lower(),
                ]
            )


def write_plaid_dir(directory: Path, users: dict[str, bool]) -> Path:
    """A plaid-format generator directory: one checking account and two transactions per user."""
    write_users_csv(directory, users)
    write_json(directory / "manifest.json", {"format": "plaid", "users": len(users), "seed": 1, "files": {}})
    write_json(directory / "labels.json", {"personas": {}})
    for user_id in users:
        folder = directory / "users" / user_id
        acc = account(f"{user_id}-chk")
        write_json(folder / "accounts_get.json", {"accounts": [acc], "request_id": "r"})
        added = [transaction(f"{user_id}-t{i}", acc["account_id"], amount=10.0 + i) for i in range(2)]
        write_json(folder / "transactions_sync.json", sync_body(added, accounts=[acc]))
    return directory


def parquet_frames(users: int = 3, per_user: int = 4) -> dict[str, pl.DataFrame]:
    """The five tables of `spendsense.tables` for `users` users: a checking account, a card and its liability."""
    ids = [f"pu{i}" for i in range(users)]
    frames = {
        "users": {"user_id": ids, "name": [f"Name {u}" for u in ids], "age_band": ["25-34"] * users},
        "consent": {"user_id": ids, "granted": [i != 0 for i in range(users)], "source": ["generator"] * users},
        "accounts": {
            "account_id": [f"{u}-{kind}" for u in ids for kind in ("chk", "card")],
            "user_id": [u for u in ids for _ in range(2)],
            "name": ["Checking", "Card"] * users,
            "type": ["depository", "credit"] * users,
            "subtype": ["checking", "credit card"] * users,
            "is_business": [False, False] * users,
            "iso_currency_code": ["USD", "USD"] * users,
            "current_cents": [50_000, 120_000] * users,
            "limit_cents": [None, 500_000] * users,
        },
        "transactions": {
            "transaction_id": [f"{u}-t{i}" for u in ids for i in range(per_user)],
            "account_id": [f"{u}-chk" for u in ids for _ in range(per_user)],
            "user_id": [u for u in ids for _ in range(per_user)],
            "date": [dt.date(2025, 1, 1) + dt.timedelta(days=7 * i) for _ in ids for i in range(per_user)],
            "amount_cents": [1_000 + i for _ in ids for i in range(per_user)],
            "iso_currency_code": ["USD"] * (users * per_user),
            "name": ["KROGER #0417"] * (users * per_user),
            "pfc_primary": ["FOOD_AND_DRINK"] * (users * per_user),
            "pending": [False] * (users * per_user),
        },
        "liabilities": {
            "account_id": [f"{u}-card" for u in ids],
            "user_id": ids,
            "kind": ["credit"] * users,
            "aprs_json": ['[{"apr_type": "purchase_apr", "apr_percentage": 24.99}]'] * users,
            "minimum_payment_cents": [2_500] * users,
        },
    }
    return {name: _contract(name, data) for name, data in frames.items()}


def _contract(name: str, data: dict[str, list[Any]]) -> pl.DataFrame:
    """Columns the test did not give are empty; types are exactly the `spendsense.tables` ones."""
    schema = tables.ALL[name]
    columns = [pl.col(c) if c in data else pl.lit(None).alias(c) for c in schema.names()]
    return pl.DataFrame(data).select(columns).cast(dict(schema))


def write_parquet_dir(directory: Path, frames: dict[str, pl.DataFrame] | None = None) -> Path:
    frames = frames if frames is not None else parquet_frames()
    directory.mkdir(parents=True, exist_ok=True)
    for name, frame in frames.items():
        frame.write_parquet(directory / f"{name}.parquet")
    files = {name: [f"{name}.parquet"] for name in frames}
    write_json(
        directory / "manifest.json", {"format": "parquet", "users": frames["users"].height, "seed": 1, "files": files}
    )
    write_users_csv(directory, dict.fromkeys(frames["users"].get_column("user_id").to_list(), True))
    return directory


def generate(directory: Path, fmt: str, users: int = 12) -> Path:
    """A real generator run (the `spendsense generate` command), small enough for a test."""
    from typer.testing import CliRunner

    from spendsense.cli import app

    args = [
        "generate",
        "--users",
        str(users),
        "--seed",
        "5",
        "--as-of",
        "2025-06-30",
        "--months",
        "3",
        "--out",
        str(directory),
    ]
    result = CliRunner().invoke(app, [*args, "--format", fmt])
    assert result.exit_code == 0, result.output
    return directory
