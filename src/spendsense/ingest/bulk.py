"""The scale path: a parquet-format generator directory into the store, all-or-nothing, in bounded memory.

Everything is checked first (`bulk_read`); then Parquet is read in batches with Polars and
written by the store's `BulkWriter` (ADBC ingestion on SQLite, COPY on PostgreSQL) into
temp tables and upserted with set-based SQL, except that a fresh load of transactions is
appended straight into its table. One transaction for the whole call.

Raw payloads: keeping gigabytes of Parquet as text would help nobody, so each user gets one
`raw_payloads` row (source `generator:parquet`) whose body records the manifest entry and
every input file with its SHA-256. Loading the same files again is then a no-op.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from types import TracebackType
from typing import Protocol

import polars as pl
from sqlalchemy import Engine

from spendsense.ingest import bulk_sql
from spendsense.ingest.bulk_read import (
    TableFiles,
    batches,
    prefetched,
    provenance,
    replaced_pending_ids,
    table_files,
)
from spendsense.ingest.errors import rejected
from spendsense.ingest.generator import read_manifest
from spendsense.ingest.progress import Progress
from spendsense.ingest.report import IngestReport
from spendsense.kit.clock import utcnow


class BulkWriter(Protocol):
    """One open transaction on the store; leaving the context commits, or rolls back on error."""

    integrity_errors: tuple[type[Exception], ...]  # the driver's constraint violations

    def __enter__(self) -> BulkWriter: ...
    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None: ...
    def stage(self, name: str, frame: pl.DataFrame, replace: bool = False) -> None: ...
    def append(self, table: str, frame: pl.DataFrame) -> None: ...
    def execute(self, sql: str) -> int: ...
    def scalar(self, sql: str) -> int: ...
    def json(self, expression: str) -> str: ...
    def appending(self, table: str, incoming_rows: int) -> AbstractContextManager[None]: ...


def meta_frame(origin: Path, body: str, sha256: str) -> pl.DataFrame:
    now = pl.Series("now", [utcnow()], dtype=pl.Datetime("us", "UTC"))
    frame = pl.DataFrame({"source": bulk_sql.SOURCE, "origin": str(origin), "sha256": sha256, "body": body})
    return frame.with_columns(now)


def _stage_all(writer: BulkWriter, source: TableFiles, key: str, progress: Progress) -> int:
    progress.start(source.table, source.rows)
    writer.stage(source.table, source.scan().head(0).collect(), replace=True)
    for frame in batches(source):
        writer.stage(source.table, frame.unique(subset=key, keep="last", maintain_order=True))
        progress.advance(source.table, frame.height)
    return source.rows


def _load_transactions(writer: BulkWriter, source: TableFiles, progress: Progress, report: IngestReport) -> None:
    progress.start("transactions", source.rows)
    pending = replaced_pending_ids(source)
    if writer.scalar(bulk_sql.has_transactions_for_staged_users()) == 0:
        # A fresh load appends in file order (each user's rows together, by date): the indexes come after,
        # and sorting that input is cheap. An id clash fails the whole call when the unique index is built.
        # Pending rows that a posted row replaces are left out here rather than deleted from the indexes later.
        replaced = pl.col("pending") & pl.col("transaction_id").is_in(pending.get_column("transaction_id").implode())
        with writer.appending("transactions", source.rows):
            for frame in prefetched(batches(source)):
                kept = frame.filter(~replaced)
                writer.append("transactions", kept)
                report.rows["pending_replaced"] += frame.height - kept.height
                progress.advance("transactions", frame.height)
    else:
        for frame in batches(source):
            writer.stage("transactions", frame.unique(subset="transaction_id", keep="last"), replace=True)
            writer.execute(bulk_sql.transactions())
            progress.advance("transactions", frame.height)
        if pending.height:
            writer.stage("pending", pending, replace=True)
            report.rows["pending_replaced"] += writer.execute(bulk_sql.replace_pending())
    report.rows["transactions"] += source.rows


def load(writer: BulkWriter, sources: dict[str, TableFiles], progress: Progress, report: IngestReport) -> None:
    """Every table in dependency order, inside the writer's transaction."""
    report.rows["users"] += _stage_all(writer, sources["users"], "user_id", progress)
    report.users_created = writer.scalar(bulk_sql.new_users())
    writer.execute(bulk_sql.users())
    if "consent" in sources:
        _stage_all(writer, sources["consent"], "user_id", progress)
        events, states = bulk_sql.consent()
        report.consent_recorded = writer.execute(events)
        writer.execute(states)
    report.rows["accounts"] += _stage_all(writer, sources["accounts"], "account_id", progress)
    writer.execute(bulk_sql.accounts())
    if "transactions" in sources:
        _load_transactions(writer, sources["transactions"], progress, report)
    if "liabilities" in sources:
        report.rows["liabilities"] += _stage_all(writer, sources["liabilities"], "account_id", progress)
        writer.execute(bulk_sql.liabilities(writer.json))
    report.payloads_stored = writer.execute(bulk_sql.provenance_rows())


def open_writer(engine: Engine) -> BulkWriter:
    if engine.dialect.name == "sqlite":
        from spendsense.ingest.bulk_sqlite import SqliteBulkWriter

        return SqliteBulkWriter(engine)
    from spendsense.ingest.bulk_postgres import PostgresBulkWriter

    return PostgresBulkWriter(engine)


def bulk_ingest(engine: Engine, directory: Path, progress: Progress) -> IngestReport:
    """Load a parquet-format generator directory; nothing changes if the same files were loaded before."""
    manifest = read_manifest(directory)
    sources = table_files(directory, manifest)
    body, sha256 = provenance(directory, manifest, sources)
    report = IngestReport(files=sum(len(source.paths) for source in sources.values()))
    store = open_writer(engine)
    try:
        with store as writer:
            writer.stage("meta", meta_frame(directory, body, sha256), replace=True)
            if writer.scalar(bulk_sql.provenance_count()) >= sources["users"].rows:
                report.payloads_skipped = sources["users"].rows
                return report
            load(writer, sources, progress, report)
    except store.integrity_errors as exc:  # rolled back already; say why in the ingest's own terms
        raise rejected(str(directory), None, f"the store refused the rows: {exc}") from exc
    return report
