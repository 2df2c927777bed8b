"""Invalid settings stop every command with a readable message, not a pydantic traceback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spendsense.cli import app
from spendsense.config import get_settings


@pytest.fixture(autouse=True)
def fresh_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("SPENDSENSE_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_a_placeholder_secret_outside_development_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ENVIRONMENT", "production")
    monkeypatch.setenv("JWT_SECRET", "changethis")
    result = CliRunner().invoke(app, ["show", "nobody"])
    assert result.exit_code == 2
    assert "invalid settings" in result.output
    assert "JWT_SECRET is a placeholder" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "spendsense.db").exists()


def test_an_unknown_environment_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENVIRONMENT", "staging")
    result = CliRunner().invoke(app, ["show", "nobody"])
    assert result.exit_code == 2
    assert "ENVIRONMENT" in result.output or "environment" in result.output
