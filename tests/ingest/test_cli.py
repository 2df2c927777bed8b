from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spendsense.cli import app
from spendsense.config import get_settings
from spendsense.kit.db import engine_for
from tests.ingest.builders import (
    OPENAPI,
    PLAID_FIXTURES,
    row_counts,
    sync_body,
    transaction,
    write_json,
    write_parquet_dir,
)

runner = CliRunner()


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    get_settings.cache_clear()
    engine_for.cache_clear()
    yield url
    engine_for(url).dispose()
    get_settings.cache_clear()
    engine_for.cache_clear()


class TestIngestCommand:
    def test_ingests_the_shared_fixtures(self, database: str) -> None:
        result = runner.invoke(app, ["ingest", str(PLAID_FIXTURES), "--user", "demo"])
        assert result.exit_code == 0, result.output
        assert row_counts(engine_for(database))["transactions"] > 500

    def test_a_second_run_reports_everything_present(self, database: str) -> None:
        runner.invoke(app, ["ingest", str(OPENAPI), "--user", "demo"])
        result = runner.invoke(app, ["ingest", str(OPENAPI), "--user", "demo"])
        assert result.exit_code == 0
        assert "0 payload(s) stored, 6 already present" in result.output

    def test_a_bad_file_exits_non_zero_naming_file_and_field(self, database: str, tmp_path: Path) -> None:
        bad = write_json(tmp_path / "bad.json", sync_body([transaction(date="yesterday")]))
        result = runner.invoke(app, ["ingest", str(OPENAPI), str(bad), "--user", "demo"])
        assert result.exit_code != 0
        assert f"{bad}: added[0].date" in result.output.replace("\n", "")
        assert row_counts(engine_for(database))["accounts"] == 0

    def test_a_plain_file_without_user_is_an_error(self, database: str) -> None:
        result = runner.invoke(app, ["ingest", str(OPENAPI / "accounts_get_example-1.json")])
        assert result.exit_code != 0
        assert "--user" in result.output

    def test_a_parquet_directory(self, database: str, tmp_path: Path) -> None:
        result = runner.invoke(app, ["ingest", str(write_parquet_dir(tmp_path / "pq"))])
        assert result.exit_code == 0, result.output
        assert row_counts(engine_for(database))["transactions"] == 12
