from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest
from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.orm import Session

from spendsense.consent.service import status
from spendsense.ingest.errors import IngestRejected
from spendsense.ingest.service import ingest_paths
from spendsense.kit.db import make_engine, migrate
from spendsense.models import Liability, RawPayload, Transaction, User
from spendsense.store.frames import load_frames
from tests.ingest.builders import parquet_frames, row_counts, write_parquet_dir


def _rejected(engine: Engine, directory: Path) -> tuple[str, str | None]:
    before = row_counts(engine)
    with pytest.raises(IngestRejected) as caught:
        ingest_paths(engine, [directory])
    assert row_counts(engine) == before
    problem = caught.value.problems[0]
    return Path(problem.file).name, problem.field


class TestBulkIngest:
    def test_loads_every_table(self, engine: Engine, tmp_path: Path) -> None:
        report = ingest_paths(engine, [write_parquet_dir(tmp_path / "pq")])
        counts = row_counts(engine)
        assert (counts["users"], counts["accounts"], counts["transactions"], counts["liabilities"]) == (3, 6, 12, 3)
        assert (report.users_created, report.consent_recorded, report.payloads_stored) == (3, 3, 3)

    def test_rows_read_back_as_the_tables_contract(self, engine: Engine, tmp_path: Path) -> None:
        frames = parquet_frames()
        ingest_paths(engine, [write_parquet_dir(tmp_path / "pq", frames)])
        stored = load_frames(engine)
        assert stored.transactions.sort("transaction_id").equals(frames["transactions"].sort("transaction_id"))
        assert stored.accounts.sort("account_id").equals(frames["accounts"].sort("account_id"))

    def test_liabilities_keep_their_aprs_as_json(self, engine: Engine, tmp_path: Path) -> None:
        ingest_paths(engine, [write_parquet_dir(tmp_path / "pq")])
        with Session(engine) as session:
            liability = session.get(Liability, "pu1-card")
        assert liability is not None
        assert (liability.aprs, liability.details, liability.minimum_payment_cents) == (
            [{"apr_type": "purchase_apr", "apr_percentage": 24.99}],
            {},
            2500,
        )

    def test_consent_and_its_history(self, engine: Engine, tmp_path: Path) -> None:
        ingest_paths(engine, [write_parquet_dir(tmp_path / "pq")])
        with Session(engine) as session:
            first, second = status(session, "pu0"), status(session, "pu1")
        assert (first.granted, second.granted, [e.action for e in first.history]) == (False, True, ["revoke"])

    def test_one_provenance_row_per_user(self, engine: Engine, tmp_path: Path) -> None:
        ingest_paths(engine, [write_parquet_dir(tmp_path / "pq")])
        with Session(engine) as session:
            raws = session.scalars(select(RawPayload)).all()
        assert {r.user_id for r in raws} == {"pu0", "pu1", "pu2"}
        assert {r.source for r in raws} == {"generator:parquet"}
        assert '"table": "transactions"' in raws[0].body

    def test_a_second_ingest_changes_nothing(self, engine: Engine, tmp_path: Path) -> None:
        directory = write_parquet_dir(tmp_path / "pq")
        ingest_paths(engine, [directory])
        before = row_counts(engine)
        report = ingest_paths(engine, [directory])
        assert (report.payloads_skipped, row_counts(engine)) == (3, before)

    def test_new_files_update_stored_rows(self, engine: Engine, tmp_path: Path) -> None:
        ingest_paths(engine, [write_parquet_dir(tmp_path / "one")])
        frames = parquet_frames()
        frames["transactions"] = frames["transactions"].with_columns(amount_cents=pl.col("amount_cents") + 1)
        frames["users"] = frames["users"].with_columns(region=pl.lit("west"))
        ingest_paths(engine, [write_parquet_dir(tmp_path / "two", frames)])
        with Session(engine) as session:
            stored = session.scalars(select(Transaction).where(Transaction.transaction_id == "pu0-t0")).one()
            assert stored.amount_cents == 1001
            assert session.get(User, "pu0").region == "west"  # type: ignore[union-attr]
        assert row_counts(engine)["transactions"] == 12

    def test_a_posted_row_replaces_its_pending_one(self, engine: Engine, tmp_path: Path) -> None:
        frames = parquet_frames(users=1, per_user=2)
        frames["transactions"] = frames["transactions"].with_columns(
            pending=pl.Series([True, False]), pending_transaction_id=pl.Series([None, "pu0-t0"])
        )
        report = ingest_paths(engine, [write_parquet_dir(tmp_path / "pq", frames)])
        assert (report.rows["pending_replaced"], row_counts(engine)["transactions"]) == (1, 1)

    def test_the_indexes_survive_a_fresh_load(self, engine: Engine, tmp_path: Path) -> None:
        ingest_paths(engine, [write_parquet_dir(tmp_path / "pq")])
        indexes = {index["name"]: index for index in inspect(engine).get_indexes("transactions")}
        assert indexes["ix_transactions_user_date"]["column_names"] == ["user_id", "date"]
        assert indexes["ix_transactions_account_date"]["column_names"] == ["account_id", "date"]
        assert indexes["ux_transactions_transaction_id"]["column_names"] == ["transaction_id"]
        assert indexes["ux_transactions_transaction_id"]["unique"]

    def test_rows_get_row_ids_and_keep_their_plaid_ids(self, engine: Engine, tmp_path: Path) -> None:
        ingest_paths(engine, [write_parquet_dir(tmp_path / "pq")])
        with Session(engine) as session:
            rows = session.execute(select(Transaction.id, Transaction.transaction_id)).all()
        assert len({row.id for row in rows}) == len({row.transaction_id for row in rows}) == len(rows) > 0


class TestBulkIngestRejects:
    def test_a_wrong_column_type(self, engine: Engine, tmp_path: Path) -> None:
        frames = parquet_frames()
        frames["transactions"] = frames["transactions"].with_columns(pl.col("amount_cents").cast(pl.Float64))
        assert _rejected(engine, write_parquet_dir(tmp_path / "pq", frames)) == ("transactions.parquet", "amount_cents")

    def test_an_empty_required_value(self, engine: Engine, tmp_path: Path) -> None:
        frames = parquet_frames()
        frames["transactions"] = frames["transactions"].with_columns(
            date=pl.when(pl.int_range(pl.len()) == 5).then(None).otherwise(pl.col("date"))
        )
        assert _rejected(engine, write_parquet_dir(tmp_path / "pq", frames)) == ("transactions.parquet", "row 5.date")

    def test_a_transaction_on_another_users_account(self, engine: Engine, tmp_path: Path) -> None:
        frames = parquet_frames()
        frames["transactions"] = frames["transactions"].with_columns(
            account_id=pl.when(pl.int_range(pl.len()) == 2).then(pl.lit("pu1-chk")).otherwise(pl.col("account_id"))
        )
        assert _rejected(engine, write_parquet_dir(tmp_path / "pq", frames)) == (
            "transactions.parquet",
            "row 2.account_id",
        )

    def test_aprs_that_are_not_json(self, engine: Engine, tmp_path: Path) -> None:
        frames = parquet_frames()
        frames["liabilities"] = frames["liabilities"].with_columns(aprs_json=pl.lit("[{oops"))
        assert _rejected(engine, write_parquet_dir(tmp_path / "pq", frames)) == (
            "liabilities.parquet",
            "row 0.aprs_json",
        )

    def test_a_missing_file(self, engine: Engine, tmp_path: Path) -> None:
        directory = write_parquet_dir(tmp_path / "pq")
        (directory / "accounts.parquet").unlink()
        assert _rejected(engine, directory) == ("accounts.parquet", None)

    def test_an_id_clash_rolls_the_whole_load_back(self, engine: Engine, tmp_path: Path) -> None:
        ingest_paths(engine, [write_parquet_dir(tmp_path / "one", parquet_frames(users=1))])
        frames = parquet_frames(users=2)
        frames = {
            name: frame.with_columns(pl.col("user_id").str.replace("pu", "other")) for name, frame in frames.items()
        }
        frames["accounts"] = frames["accounts"].with_columns(pl.col("account_id").str.replace("pu", "other"))
        frames["liabilities"] = frames["liabilities"].with_columns(pl.col("account_id").str.replace("pu", "other"))
        frames["transactions"] = frames["transactions"].with_columns(pl.col("account_id").str.replace("pu", "other"))
        assert _rejected(engine, write_parquet_dir(tmp_path / "two", frames)) == ("two", None)

    def test_a_repeated_id_in_a_fresh_load_rolls_it_back(self, engine: Engine, tmp_path: Path) -> None:
        frames = parquet_frames()
        frames["transactions"] = frames["transactions"].with_columns(
            transaction_id=pl.when(pl.int_range(pl.len()) == 1).then(pl.lit("pu0-t0")).otherwise("transaction_id")
        )
        assert _rejected(engine, write_parquet_dir(tmp_path / "pq", frames)) == ("pq", None)
        assert {"ux_transactions_transaction_id", "ix_transactions_user_date"} <= {
            index["name"] for index in inspect(engine).get_indexes("transactions")
        }


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path / 'store.db'}")
    migrate(engine)
    yield engine
    engine.dispose()


def _journal_mode(engine: Engine) -> str:
    with engine.connect() as conn:
        return str(conn.execute(text("PRAGMA journal_mode")).scalar_one())


class TestBulkIngestOnSqlite:
    """The load runs with a rollback journal when it has the file to itself; WAL always comes back."""

    def test_the_store_is_back_in_wal_after_a_load(self, sqlite_engine: Engine, tmp_path: Path) -> None:
        ingest_paths(sqlite_engine, [write_parquet_dir(tmp_path / "pq")])
        assert (_journal_mode(sqlite_engine), row_counts(sqlite_engine)["transactions"]) == ("wal", 12)

    def test_the_store_is_back_in_wal_after_a_rejected_load(self, sqlite_engine: Engine, tmp_path: Path) -> None:
        frames = parquet_frames()
        frames["transactions"] = frames["transactions"].with_columns(transaction_id=pl.lit("same"))
        with pytest.raises(IngestRejected):
            ingest_paths(sqlite_engine, [write_parquet_dir(tmp_path / "pq", frames)])
        assert (_journal_mode(sqlite_engine), row_counts(sqlite_engine)["transactions"]) == ("wal", 0)

    def test_a_reader_in_another_process_keeps_the_load_in_wal(self, sqlite_engine: Engine, tmp_path: Path) -> None:
        database = sqlite_engine.url.database
        hold = f"import sqlite3, sys; c = sqlite3.connect({database!r}); c.execute('BEGIN'); "
        hold += "c.execute('SELECT count(*) FROM users').fetchall(); print('reading', flush=True); sys.stdin.read()"
        reader = subprocess.Popen(
            [sys.executable, "-c", hold], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        try:
            assert reader.stdout is not None
            assert reader.stdout.readline().strip() == "reading"
            ingest_paths(sqlite_engine, [write_parquet_dir(tmp_path / "pq")])
        finally:
            reader.communicate("")
        assert (_journal_mode(sqlite_engine), row_counts(sqlite_engine)["transactions"]) == ("wal", 12)
