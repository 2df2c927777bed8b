from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from spendsense.cli import app
from spendsense.config import get_settings
from tests.pipeline.seed import seed


@pytest.fixture
def store(sqlite_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    """The CLI's store and data directory pointed at this test's files."""
    monkeypatch.setenv("DATABASE_URL", sqlite_engine.url.render_as_string(hide_password=False))
    monkeypatch.setenv("SPENDSENSE_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    seed(sqlite_engine)
    yield sqlite_engine
    get_settings.cache_clear()


class TestPipelineCommand:
    def test_summary_as_json(self, store: Engine, tmp_path: Path) -> None:
        result = CliRunner().invoke(app, ["pipeline", "--json"])
        assert result.exit_code == 0, result.output
        summary = json.loads(result.output)
        assert (summary["users"], summary["as_of"]) == (2, "2026-06-30")
        assert summary["personas"]["30d"] == {"high_utilization": 1, "none": 1}
        assert pl.read_parquet(tmp_path / "data" / "signals")["window"].unique().sort().to_list() == ["180d", "30d"]

    def test_readable_summary_and_one_user(self, store: Engine) -> None:
        result = CliRunner().invoke(app, ["pipeline", "--user", "u1", "--user", "u2", "--as-of", "2026-06-30"])
        assert result.exit_code == 0, result.output
        assert "1 user," in result.output
        assert "skipped (no consent): u2" in result.output

    def test_a_malformed_date_is_refused(self, store: Engine) -> None:
        result = CliRunner().invoke(app, ["pipeline", "--as-of", "30/06/2026"])
        assert result.exit_code == 2
        assert "YYYY-MM-DD" in result.output


class TestShowCommand:
    def test_tables_by_default(self, store: Engine) -> None:
        CliRunner().invoke(app, ["pipeline"])
        result = CliRunner().invoke(app, ["show", "u1", "--window", "30d"])
        assert result.exit_code == 0, result.output
        assert "max_utilization" in result.output
        assert "60.0%" in result.output
        assert "High Utilization" in result.output

    def test_full_structure_as_json(self, store: Engine) -> None:
        CliRunner().invoke(app, ["pipeline"])
        result = CliRunner().invoke(app, ["show", "u1", "--json"])
        assert result.exit_code == 0, result.output
        view = json.loads(result.output)
        assert set(view["windows"]) == {"30d", "180d"}
        assert view["windows"]["180d"]["recurring_streams"][0]["frequency"] == "monthly"

    def test_an_unknown_window_or_user_fails_cleanly(self, store: Engine) -> None:
        assert CliRunner().invoke(app, ["show", "u1", "--window", "7d"]).exit_code == 2
        missing = CliRunner().invoke(app, ["show", "nobody"])
        assert missing.exit_code == 2
        assert "no user" in missing.output
