"""The batch function: the pipeline into the snapshot and Parquet in S3, and insights computed for the cache."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest

from spendsense.aws import parquet_sync
from spendsense.aws.database import open_database
from spendsense.aws.handlers import batch
from spendsense.aws.insight_compute import compute_request
from spendsense.aws.settings import get_lambda_settings
from spendsense.config import get_settings
from tests.aws.conftest import CUSTOMER, NO_CONSENT, FakeLambdaContext, Store, clear_caches

DATA, PARQUET, INSIGHTS, KEY = "batch-data", "batch-parquet", "batch-insights", "db/spendsense.db"


@pytest.fixture
def function(aws: str, lambda_env: Store, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    s3 = boto3.client("s3")
    for bucket in (DATA, PARQUET, INSIGHTS):
        s3.create_bucket(Bucket=bucket)
    s3.put_object(Bucket=DATA, Key=KEY, Body=lambda_env.path.read_bytes())
    env = {
        "DB_S3_KEY": KEY,
        "SPENDSENSE_DB_S3_BUCKET": DATA,
        "S3_BUCKET_PARQUET": PARQUET,
        "S3_BUCKET_INSIGHTS": INSIGHTS,
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("DB_PATH", str(lambda_env.path.parent / "batch" / "spendsense.db"))
    clear_caches()
    batch.runtime.cache_clear()
    yield s3
    batch.runtime.cache_clear()


def keys(s3: Any, bucket: str) -> list[str]:
    """Every key: the pipeline writes more Parquet parts than one listing page (1,000) holds."""
    pages = s3.get_paginator("list_objects_v2").paginate(Bucket=bucket)
    return sorted(item["Key"] for page in pages for item in page.get("Contents", []))


class TestBatch:
    def test_an_insight_request_is_computed_and_cached(self, function: Any) -> None:
        answer = batch.handler(compute_request(CUSTOMER, "net-worth", None), FakeLambdaContext())
        assert answer["status"] == 200
        assert json.loads(answer["body"])["user_id"] == CUSTOMER
        (key,) = keys(function, INSIGHTS)
        assert key.startswith(f"insights/{CUSTOMER}/net-worth/latest/dev-")

    def test_an_insight_request_without_consent_is_refused_in_the_api_shape(self, function: Any) -> None:
        answer = batch.handler(compute_request(NO_CONSENT, "net-worth", None), FakeLambdaContext())
        assert (answer["status"], answer["error"]) == (403, "consent_required")
        assert keys(function, INSIGHTS) == []

    def test_the_pipeline_writes_the_snapshot_parquet_and_warms_the_cache(self, function: Any) -> None:
        etag = function.head_object(Bucket=DATA, Key=KEY)["ETag"]
        summary = batch.handler({"task": "pipeline"}, FakeLambdaContext())
        assert summary["users"] == 2
        assert function.head_object(Bucket=DATA, Key=KEY)["ETag"] != etag
        assert summary["parquet_uploaded"] == len(keys(function, PARQUET)) > 0
        assert all(key.startswith("parquet/") and key.endswith(".parquet") for key in keys(function, PARQUET))
        assert summary["insights_warmed"] == len(keys(function, INSIGHTS)) == 2 * 5


class TestParquetSync:
    def test_push_skips_unchanged_files_and_pull_restores_missing_ones(self, aws: str, tmp_path: Path) -> None:
        s3 = boto3.client("s3")
        s3.create_bucket(Bucket=PARQUET)
        local = tmp_path / "local" / "signals"
        local.mkdir(parents=True)
        (local / "part-00000.parquet").write_bytes(b"PAR1 first")
        assert parquet_sync.push(s3, PARQUET, tmp_path / "local") == ["parquet/signals/part-00000.parquet"]
        assert parquet_sync.push(s3, PARQUET, tmp_path / "local") == []
        (pulled,) = parquet_sync.pull(s3, PARQUET, tmp_path / "fresh")
        assert pulled.read_bytes() == b"PAR1 first"
        assert parquet_sync.pull(s3, PARQUET, tmp_path / "fresh") == []

    def test_the_layout_with_a_directory_per_window_leaves_s3_once_it_left_the_local_tree(
        self, aws: str, tmp_path: Path
    ) -> None:
        s3 = boto3.client("s3")
        s3.create_bucket(Bucket=PARQUET)
        old = [f"parquet/signals/window={window}/part-{n:05d}.parquet" for window in ("30d", "180d") for n in range(3)]
        for key in old:
            s3.put_object(Bucket=PARQUET, Key=key, Body=b"PAR1 old")
        local = tmp_path / "local"
        local.mkdir()
        parquet_sync.push(s3, PARQUET, local)
        assert sorted(keys(s3, PARQUET)) == sorted(old)  # nothing local: kept
        (local / "signals" / "window=30d").mkdir(parents=True)
        (local / "signals" / "window=30d" / "part-00000.parquet").write_bytes(b"PAR1 old")
        parquet_sync.push(s3, PARQUET, local)
        assert sorted(keys(s3, PARQUET)) == sorted(old)  # still the local layout: kept
        (local / "signals" / "window=30d" / "part-00000.parquet").unlink()
        (local / "signals" / "window=30d").rmdir()
        (local / "signals" / "part-00000.parquet").write_bytes(b"PAR1 new")
        assert parquet_sync.push(s3, PARQUET, local) == ["parquet/signals/part-00000.parquet"]
        assert keys(s3, PARQUET) == ["parquet/signals/part-00000.parquet"]


def test_a_database_url_means_postgres_and_no_snapshot(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://spendsense@127.0.0.1:5432/spendsense")
    monkeypatch.setenv("DB_S3_KEY", "db/ignored.db")
    clear_caches()
    database = open_database(get_settings(), get_lambda_settings(), lambda: pytest.fail("no S3 in PostgreSQL mode"))
    clear_caches()
    assert (database.mode, database.snapshot) == ("postgresql", None)
    assert database.run(lambda: 42) == 42
