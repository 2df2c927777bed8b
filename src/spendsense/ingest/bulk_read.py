"""Reading and checking a parquet-format generator directory, before a single row is written.

Checks: every file has the `spendsense.tables` schema, required columns are never empty,
and every row points at a user or account of the same directory (owned by the same user).
Because of that last check the bulk writer may skip per-row foreign-key lookups.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from spendsense import tables
from spendsense.ingest.errors import IngestRejected, Problem, rejected
from spendsense.ingest.generator import MANIFEST, Manifest
from spendsense.kit.ids import sha256_hex

BATCH_ROWS = 1_000_000
REQUIRED_TABLES = ("users", "accounts")
NOT_NULL = {
    "users": ("user_id", "name"),
    "consent": ("user_id", "granted"),
    "accounts": ("account_id", "user_id", "name", "type", "is_business", "iso_currency_code"),
    "transactions": (
        "transaction_id",
        "account_id",
        "user_id",
        "date",
        "amount_cents",
        "iso_currency_code",
        "name",
        "pending",
    ),
    "liabilities": ("account_id", "user_id", "kind", "aprs_json"),
}
# Each table's rows must name a parent row of the same directory: (parent table, key columns).
PARENTS = {
    "consent": ("users", ("user_id",)),
    "accounts": ("users", ("user_id",)),
    "transactions": ("accounts", ("account_id", "user_id")),
    "liabilities": ("accounts", ("account_id", "user_id")),
}


@dataclass(frozen=True)
class TableFiles:
    table: str
    paths: tuple[Path, ...]
    rows: int

    def scan(self) -> pl.LazyFrame:
        return pl.scan_parquet(list(self.paths)).select(tables.ALL[self.table].names())


def _schema_problems(path: Path, expected: pl.Schema) -> list[Problem]:
    try:
        found = pl.read_parquet_schema(path)
    except (OSError, pl.exceptions.PolarsError) as exc:
        return [Problem(str(path), None, f"not a readable Parquet file: {exc}")]
    problems = [Problem(str(path), name, "missing column") for name in expected.names() if name not in found]
    return problems + [
        Problem(str(path), name, f"expected {dtype}, found {found[name]}")
        for name, dtype in expected.items()
        if name in found and found[name] != dtype
    ]


def _files(directory: Path, table: str, names: list[str]) -> tuple[TableFiles | None, list[Problem]]:
    paths = tuple(directory / name for name in names)
    missing = [Problem(str(path), None, "listed in the manifest but missing") for path in paths if not path.is_file()]
    if missing:
        return None, missing
    problems = [problem for path in paths for problem in _schema_problems(path, tables.ALL[table])]
    rows = 0 if problems else sum(pl.scan_parquet(path).select(pl.len()).collect().item() for path in paths)
    return TableFiles(table, paths, rows), problems


def table_files(directory: Path, manifest: Manifest) -> dict[str, TableFiles]:
    """Every table's files, checked (schema, empty required values, parents) before anything is written."""
    problems = [
        Problem(str(directory / MANIFEST), f"files.{table}", "required")
        for table in REQUIRED_TABLES
        if table not in manifest.files
    ]
    found: dict[str, TableFiles] = {}
    for table, names in manifest.files.items():
        if table in tables.ALL:  # others (labels) are not ingested
            source, file_problems = _files(directory, table, names)
            problems += file_problems
            if source is not None and not file_problems:
                found[table] = source
    if problems:
        raise IngestRejected(problems)
    for source in found.values():
        _check_rows(source, found)
    return found


def _first_row(frame: pl.LazyFrame) -> int | None:
    rows = frame.select("row").head(1).collect()
    return int(rows.item()) if rows.height else None


def _check_rows(source: TableFiles, found: dict[str, TableFiles]) -> None:
    parent = PARENTS.get(source.table)
    for path in source.paths:
        rows = pl.scan_parquet(path).with_row_index("row")
        empty = pl.any_horizontal(pl.col(name).is_null() for name in NOT_NULL[source.table])
        row = _first_row(rows.filter(empty))
        if row is not None:
            first = pl.scan_parquet(path).slice(row, 1).collect()
            name = next(name for name in NOT_NULL[source.table] if first.get_column(name).is_null().any())
            raise rejected(str(path), f"row {row}.{name}", "empty, but the column is required")
        if parent is not None and parent[0] in found:
            table, keys = parent
            row = _first_row(rows.join(found[table].scan().select(keys), on=list(keys), how="anti"))
            if row is not None:
                reason = f"names no {table} row of this directory ({', '.join(keys)})"
                raise rejected(str(path), f"row {row}.{keys[0]}", reason)
    if source.table == "liabilities":
        _check_json(source)


def _check_json(source: TableFiles) -> None:
    for path in source.paths:
        for row, text in enumerate(pl.read_parquet(path, columns=["aprs_json"]).get_column("aprs_json")):
            try:
                json.loads(text)
            except json.JSONDecodeError as exc:
                raise rejected(str(path), f"row {row}.aprs_json", f"not JSON: {exc.msg}") from exc


def batches(source: TableFiles) -> Iterator[pl.DataFrame]:
    """The table's rows in contract column order, at most BATCH_ROWS at a time (bounded memory)."""
    for path in source.paths:
        yield from pl.scan_parquet(path).select(tables.ALL[source.table].names()).collect_batches(chunk_size=BATCH_ROWS)


def prefetched(frames: Iterator[pl.DataFrame]) -> Iterator[pl.DataFrame]:
    """The same frames, the next one read on a second thread while the caller writes this one.

    Polars and the ADBC driver both release the GIL, so reading Parquet overlaps the inserts;
    at most two batches are in memory.
    """
    with ThreadPoolExecutor(max_workers=1) as reader:
        following = reader.submit(next, frames, None)
        while (frame := following.result()) is not None:
            following = reader.submit(next, frames, None)
            yield frame


def replaced_pending_ids(source: TableFiles) -> pl.DataFrame:
    """Ids of pending transactions that a posted row of this directory replaces."""
    posted = source.scan().filter(~pl.col("pending") & pl.col("pending_transaction_id").is_not_null())
    return posted.select(pl.col("pending_transaction_id").alias("transaction_id")).unique().collect()


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def provenance(directory: Path, manifest: Manifest, sources: dict[str, TableFiles]) -> tuple[str, str]:
    """(body, sha256): the manifest entry and each input file's hash, as kept in raw_payloads."""
    files = [
        {"table": s.table, "path": str(path.relative_to(directory)), "sha256": _file_sha256(path)}
        for s in sources.values()
        for path in s.paths
    ]
    body = json.dumps({"manifest": manifest.model_dump(exclude={"files"}), "files": files}, sort_keys=True)
    return body, sha256_hex(body.encode())
