"""Snapshot storage against moto S3: downloaded once, reused while warm, and no write ever lost."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from sqlalchemy import func, select

from spendsense.aws.clients import client
from spendsense.aws.database import LambdaDatabase, SnapshotBusy, is_write, open_database
from spendsense.aws.handlers import api
from spendsense.aws.settings import get_lambda_settings
from spendsense.aws.snapshot import SnapshotUnavailable
from spendsense.config import get_settings
from spendsense.consent import service as consent
from spendsense.kit.db import make_engine, session_scope
from spendsense.models import Budget, ConsentEvent
from tests.aws.conftest import (
    CUSTOMER,
    REGION,
    FakeLambdaContext,
    Store,
    clear_caches,
    environ_for_subprocess,
    http_event,
)

BUCKET, KEY = "spendsense-test-data", "db/spendsense.db"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def snapshot_env(aws: str, lambda_env: Store, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """The store's file in S3; each container's copy goes to its own DB_PATH."""
    s3 = boto3.client("s3")
    s3.create_bucket(Bucket=BUCKET)
    s3.put_object(Bucket=BUCKET, Key=KEY, Body=lambda_env.path.read_bytes())
    monkeypatch.setenv("DB_S3_KEY", KEY)
    monkeypatch.setenv("SPENDSENSE_DB_S3_BUCKET", BUCKET)
    monkeypatch.setenv("DB_PATH", str(lambda_env.path.parent / "container-a" / "spendsense.db"))
    clear_caches()
    yield lambda_env
    clear_caches()


def container(path: Path, monkeypatch: pytest.MonkeyPatch, check_seconds: float = 3600) -> LambdaDatabase:
    """A cold container with its own copy at `path`."""
    monkeypatch.setenv("DB_PATH", str(path))
    monkeypatch.setenv("SPENDSENSE_SNAPSHOT_CHECK_SECONDS", str(check_seconds))
    clear_caches()
    return open_database(get_settings(), get_lambda_settings(), lambda: client("s3"))


def remote_count(tmp_path: Path, query: Any) -> int:
    copy = tmp_path / "remote.db"
    copy.write_bytes(boto3.client("s3").get_object(Bucket=BUCKET, Key=KEY)["Body"].read())
    engine = make_engine(f"sqlite:///{copy}")
    with session_scope(engine) as session:
        count = int(session.scalar(query) or 0)
    engine.dispose()
    return count


def note_writer(database: LambdaDatabase, note: str) -> Callable[[], None]:
    def write() -> None:
        with session_scope(database.engine) as session:
            consent.record(session, CUSTOMER, True, source="test", note=note)

    return write


def reads_consent(database: LambdaDatabase) -> bool:
    with session_scope(database.engine) as session:
        return consent.has_consent(session, CUSTOMER)


def notes(prefix: str) -> Any:
    return select(func.count()).select_from(ConsentEvent).where(ConsentEvent.note.like(f"{prefix}%"))


class TestColdAndWarm:
    def test_a_cold_start_downloads_once_and_warm_calls_reuse_the_copy(
        self, snapshot_env: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        database = container(tmp_path / "a" / "db.sqlite", monkeypatch)
        assert database.snapshot is not None
        etag = database.snapshot.etag
        for _ in range(3):
            assert database.run(lambda: reads_consent(database))
        assert (database.snapshot.downloads, database.snapshot.etag) == (1, etag)
        assert boto3.client("s3").head_object(Bucket=BUCKET, Key=KEY)["ETag"] == etag  # reads never upload

    def test_a_warm_container_notices_another_containers_write_after_the_interval(
        self, snapshot_env: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        reader = container(tmp_path / "reader" / "db.sqlite", monkeypatch, check_seconds=0)
        writer = container(tmp_path / "writer" / "db.sqlite", monkeypatch)
        writer.run(note_writer(writer, "from-writer"))
        assert reader.snapshot is not None
        reader.run(lambda: None)
        assert reader.snapshot.downloads == 2
        with session_scope(reader.engine) as session:
            assert session.scalar(notes("from-writer")) == 1

    def test_a_corrupt_snapshot_is_refused_and_the_old_copy_kept(
        self, snapshot_env: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        database = container(tmp_path / "c" / "db.sqlite", monkeypatch, check_seconds=0)
        boto3.client("s3").put_object(Bucket=BUCKET, Key=KEY, Body=b"not a database" * 100)
        with pytest.raises(SnapshotUnavailable):
            database.run(lambda: None)
        with session_scope(database.engine) as session:
            assert consent.has_consent(session, CUSTOMER)

    def test_without_a_snapshot_the_api_answers_503_in_its_error_shape(
        self, snapshot_env: Store, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv("DB_S3_KEY", "db/nothing-here.db")
        clear_caches()
        api.runtime.cache_clear()
        response = api.handler(http_event("apiGatewayProxyV2Event_GET.json", "GET", "/api/health"), FakeLambdaContext())
        assert response["statusCode"] == 503
        assert json.loads(response["body"])["error"] == "store_unavailable"


class TestWrites:
    def test_an_api_write_reaches_s3_and_the_next_container(
        self, snapshot_env: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        api.runtime.cache_clear()
        body = json.dumps({"month": "2023-09", "amounts": {"FOOD_AND_DRINK": 777}})
        headers = {"authorization": f"Bearer {snapshot_env.token(CUSTOMER)}"}
        path = f"/api/insights/{CUSTOMER}/budgets"
        response = api.handler(
            http_event("apiGatewayProxyV2Event.json", "PUT", path, headers, body=body), FakeLambdaContext()
        )
        api.runtime.cache_clear()
        assert response["statusCode"] == 200
        assert remote_count(tmp_path, select(func.count()).select_from(Budget).where(Budget.amount_cents == 777)) == 1

    def test_a_stale_container_reapplies_its_write_on_the_fresh_copy(
        self, snapshot_env: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        first = container(tmp_path / "one" / "db.sqlite", monkeypatch)
        second = container(tmp_path / "two" / "db.sqlite", monkeypatch)
        first.run(note_writer(first, "first"))
        second.run(note_writer(second, "second"))
        assert (first.conflicts, second.conflicts) == (0, 1)
        assert remote_count(tmp_path, notes("first")) == remote_count(tmp_path, notes("second")) == 1

    def test_a_write_that_never_wins_fails_as_busy_and_leaves_no_trace(
        self, snapshot_env: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        database = container(tmp_path / "busy" / "db.sqlite", monkeypatch)
        assert database.snapshot is not None
        monkeypatch.setattr(database.snapshot, "upload", lambda: False)
        database.attempts = 2
        with pytest.raises(SnapshotBusy):
            database.run(note_writer(database, "lost"))
        with session_scope(database.engine) as session:
            assert session.scalar(notes("lost")) == 0

    @pytest.mark.parametrize(
        ("statement", "writes"),
        [
            ("SELECT 1", False),
            ("PRAGMA foreign_keys", False),
            ("WITH x AS (SELECT 1) SELECT * FROM x", False),
            ("INSERT INTO t VALUES (1)", True),
            ("UPDATE t SET a = 1", True),
            ("CREATE TABLE t (a)", True),
        ],
    )
    def test_what_counts_as_a_write(self, statement: str, writes: bool) -> None:
        assert is_write(statement) is writes


def test_concurrent_writers_in_separate_processes_lose_nothing(snapshot_env: Store, aws: str, tmp_path: Path) -> None:
    writers, writes = 5, 3
    signals = tmp_path / "signals"
    signals.mkdir()
    processes = []
    for writer in range(writers):
        env = environ_for_subprocess(
            aws,
            DB_PATH=str(tmp_path / f"writer-{writer}" / "spendsense.db"),
            DB_S3_KEY=KEY,
            SPENDSENSE_DB_S3_BUCKET=BUCKET,
            SPENDSENSE_SNAPSHOT_CHECK_SECONDS="3600",  # every writer starts from the same version
            ENVIRONMENT="test",
            AWS_REGION=REGION,
        )
        command = [sys.executable, "-m", "tests.aws.snapshot_writer", "--writer", str(writer)]
        command += ["--writes", str(writes), "--signals", str(signals)]
        processes.append(subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE))
    deadline = time.monotonic() + 90
    while len(list(signals.glob("ready-*"))) < writers and time.monotonic() < deadline:
        time.sleep(0.05)
    (signals / "go").touch()
    reports = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err.decode()[-2000:]
        reports.append(json.loads(out.decode().strip().splitlines()[-1]))
    assert remote_count(tmp_path, notes("w")) == writers * writes
    # All started from one version: only one first write can win, every other one had to be re-applied.
    assert sum(report["conflicts"] for report in reports) >= writers - 1
