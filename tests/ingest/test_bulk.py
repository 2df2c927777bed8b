from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from sqlalchemy import Engine, inspect, select
from sqlalchemy.orm import Session

from spendsense.consent.service import status
from spendsense.ingest.errors import IngestRejected
from spendsense.ingest.service import ingest_paths
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
            assert session.get(Transaction, "pu0-t0").amount_cents == 1001  # type: ignore[union-attr]
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
        names = {index["name"] for index in inspect(engine).get_indexes("transactions")}
        assert {"ix_transactions_user_date", "ix_transactions_account_date"} <= names


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
