"""One small generated dataset per format, shared by every synthetic test (generation takes about a second)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from spendsense.synthetic.run import Request, generate

AS_OF = date(2025, 6, 30)
SEED = 7
USERS = 100


def make(directory: Path, fmt: str, seed: int = SEED, users: int = USERS) -> Path:
    generate(Request(users=users, seed=seed, as_of=AS_OF, months=6, out=directory, format=fmt))
    return directory


def read_tables(directory: Path) -> dict[str, pl.DataFrame]:
    manifest = json.loads((directory / "manifest.json").read_text())
    names = ("users", "consent", "accounts", "transactions", "liabilities")
    return {name: pl.concat([pl.read_parquet(directory / path) for path in manifest["files"][name]]) for name in names}


@pytest.fixture(scope="session")
def plaid_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make(tmp_path_factory.mktemp("synthetic") / "plaid", "plaid")


@pytest.fixture(scope="session")
def parquet_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make(tmp_path_factory.mktemp("synthetic") / "parquet", "parquet")


@pytest.fixture(scope="session")
def tables(parquet_dir: Path) -> dict[str, pl.DataFrame]:
    return read_tables(parquet_dir)


@pytest.fixture(scope="session")
def labels(parquet_dir: Path) -> dict[str, Any]:
    body: dict[str, Any] = json.loads((parquet_dir / "labels.json").read_text())
    return body
