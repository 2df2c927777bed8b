from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from spendsense.consent.service import record, status
from spendsense.ingest.errors import IngestRejected
from spendsense.ingest.service import ingest_paths, ingest_payload
from spendsense.kit.db import make_engine, migrate
from spendsense.models import Account, Consent, RawPayload, Transaction
from spendsense.store.frames import load_frames
from tests.ingest.builders import (
    ALL_PLAID_FILES,
    OPENAPI,
    PLAID_FIXTURES,
    SANDBOX,
    generate,
    row_counts,
    sync_body,
    transaction,
    write_json,
    write_plaid_dir,
)


def _rejected(engine: Engine, paths: list[Path], user_id: str | None = "u1") -> list[tuple[str, str | None]]:
    before = row_counts(engine)
    with pytest.raises(IngestRejected) as caught:
        ingest_paths(engine, paths, user_id)
    assert row_counts(engine) == before
    return [(p.file, p.field) for p in caught.value.problems]


class TestIngestPathsFixtures:
    def test_every_shared_plaid_file_ingests_in_one_call(self, engine: Engine) -> None:
        report = ingest_paths(engine, [PLAID_FIXTURES], "demo")
        assert (report.files, report.payloads_stored) == (len(ALL_PLAID_FILES), len(ALL_PLAID_FILES))

    @pytest.mark.parametrize("path", ALL_PLAID_FILES, ids=lambda p: str(p.relative_to(PLAID_FIXTURES)))
    def test_each_shared_plaid_file_ingests_on_its_own(self, sqlite_engine: Engine, path: Path) -> None:
        assert ingest_paths(sqlite_engine, [path], "u1").payloads_stored == 1

    def test_a_second_ingest_changes_nothing(self, engine: Engine) -> None:
        ingest_paths(engine, [PLAID_FIXTURES], "demo")
        before = row_counts(engine)
        report = ingest_paths(engine, [PLAID_FIXTURES], "demo")
        assert (report.payloads_stored, report.payloads_skipped, row_counts(engine)) == (
            0,
            len(ALL_PLAID_FILES),
            before,
        )

    def test_business_accounts_are_kept_and_marked(self, engine: Engine) -> None:
        ingest_paths(engine, [SANDBOX / "transactions" / "business_account.json"], "u1")
        with Session(engine) as session:
            assert session.scalars(select(Account.is_business)).all() == [True]

    def test_raw_payload_is_the_file_exactly(self, engine: Engine) -> None:
        path = OPENAPI / "transactions_sync_example-1.json"
        ingest_paths(engine, [path], "u1")
        with Session(engine) as session:
            raw = session.scalars(select(RawPayload)).one()
        assert (raw.source, raw.origin, raw.body) == ("plaid:/transactions/sync", str(path), path.read_text())


class TestIngestPathsRejects:
    def test_wrong_type_names_file_and_field(self, engine: Engine, tmp_path: Path) -> None:
        bad = write_json(tmp_path / "bad.json", sync_body([transaction(amount="ten")]))
        assert _rejected(engine, [OPENAPI / "accounts_get_example-1.json", bad]) == [(str(bad), "added[0].amount")]

    def test_missing_field_names_file_and_field(self, engine: Engine, tmp_path: Path) -> None:
        body = sync_body([transaction()])
        del body["accounts"][0]["type"]
        bad = write_json(tmp_path / "bad.json", body)
        assert _rejected(engine, [bad]) == [(str(bad), "accounts[0].type")]

    def test_not_json(self, engine: Engine, tmp_path: Path) -> None:
        bad = tmp_path / "bad.json"
        bad.write_text("<html>oops</html>")
        assert _rejected(engine, [bad]) == [(str(bad), None)]

    def test_a_failure_while_writing_rolls_everything_back(self, engine: Engine, tmp_path: Path) -> None:
        good = OPENAPI / "accounts_get_example-1.json"
        orphan = write_json(tmp_path / "orphan.json", sync_body([transaction(account_id="nowhere")], accounts=[]))
        assert _rejected(engine, [good, orphan]) == [(str(orphan), "added[0].account_id")]

    def test_a_plain_file_needs_a_user(self, engine: Engine) -> None:
        path = OPENAPI / "accounts_get_example-1.json"
        assert _rejected(engine, [path], None) == [(str(path), None)]

    def test_a_missing_path(self, engine: Engine, tmp_path: Path) -> None:
        assert _rejected(engine, [tmp_path / "nope.json"]) == [(str(tmp_path / "nope.json"), None)]


class TestIngestPathsGeneratorDir:
    def test_users_consent_and_data(self, engine: Engine, tmp_path: Path) -> None:
        report = ingest_paths(engine, [write_plaid_dir(tmp_path / "out", {"u1": True, "u2": False})])
        assert (report.users_created, report.consent_recorded, report.rows["transactions"]) == (2, 2, 4)
        with Session(engine) as session:
            assert (status(session, "u1").granted, status(session, "u2").granted) == (True, False)
            assert session.get(Consent, "u1").source == "generator"  # type: ignore[union-attr]

    def test_a_second_ingest_changes_nothing(self, engine: Engine, tmp_path: Path) -> None:
        directory = write_plaid_dir(tmp_path / "out", {"u1": True, "u2": False})
        ingest_paths(engine, [directory])
        before = row_counts(engine)
        ingest_paths(engine, [directory])
        assert row_counts(engine) == before

    def test_consent_given_later_is_not_overwritten(self, engine: Engine, tmp_path: Path) -> None:
        directory = write_plaid_dir(tmp_path / "out", {"u1": False})
        ingest_paths(engine, [directory])
        with Session(engine) as session, session.begin():
            record(session, "u1", True, "api")
        shutil.rmtree(directory / "users")  # a new run of the generator with other data
        ingest_paths(engine, [directory])
        with Session(engine) as session:
            assert status(session, "u1").granted is True

    def test_a_parquet_dir_with_other_inputs_is_rejected(self, engine: Engine, tmp_path: Path) -> None:
        write_json(tmp_path / "pq" / "manifest.json", {"format": "parquet", "files": {}})
        problems = _rejected(engine, [tmp_path / "pq", OPENAPI / "accounts_get_example-1.json"])
        assert (str(tmp_path / "pq"), None) in problems


class TestIngestPayload:
    def test_a_dict_body_in_the_callers_transaction(self, engine: Engine) -> None:
        body = json.loads((OPENAPI / "transactions_sync_example-1.json").read_text())
        with Session(engine) as session, session.begin():
            report = ingest_payload(session, "u9", body)
        assert (report.payloads_stored, report.rows["transactions"]) == (1, 2)
        with Session(engine) as session:
            assert len(session.scalars(select(Transaction)).all()) == 2


class TestIngestPathsFormatsAgree:
    def test_plaid_and_parquet_output_of_one_run_store_the_same_rows(
        self, sqlite_engine: Engine, tmp_path: Path
    ) -> None:
        plaid_dir, parquet_dir = generate(tmp_path / "plaid", "plaid"), generate(tmp_path / "parquet", "parquet")
        other = make_engine(f"sqlite:///{tmp_path / 'other.db'}")
        migrate(other)
        ingest_paths(sqlite_engine, [plaid_dir])
        ingest_paths(other, [parquet_dir])
        keys = ("user_id", "user_id", "account_id", "transaction_id", "account_id")
        for key, left, right in zip(
            keys, load_frames(sqlite_engine).as_tuple(), load_frames(other).as_tuple(), strict=True
        ):
            assert left.sort(key).equals(right.sort(key))
        other.dispose()
