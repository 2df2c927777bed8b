"""`spendsense token`, `spendsense demo-logins` and the login hint of `spendsense serve`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import jwt
import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from spendsense.auth.errors import InvalidCredentials
from spendsense.auth.secret import KEY_FILE
from spendsense.auth.service import authenticate
from spendsense.cli import app
from spendsense.cli.serve import _print_logins
from spendsense.cli.token import DEMO_PASSWORD
from spendsense.config import get_settings
from spendsense.kit.db import session_scope
from tests.api.factories import add_customer


@pytest.fixture
def store(sqlite_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    """The CLI pointed at this test's store and data folder, in development."""
    monkeypatch.setenv("DATABASE_URL", sqlite_engine.url.render_as_string(hide_password=False))
    monkeypatch.setenv("SPENDSENSE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ENVIRONMENT", "development")
    monkeypatch.delenv("JWT_SECRET", raising=False)
    get_settings.cache_clear()
    yield sqlite_engine
    get_settings.cache_clear()


def claims(token: str, data_dir: Path) -> dict[str, object]:
    secret = (data_dir / KEY_FILE).read_text()
    return jwt.decode(token, secret, algorithms=["HS256"], audience="spendsense-api")


class TestToken:
    def test_prints_a_customer_token_signed_with_the_kept_secret(self, store: Engine, tmp_path: Path) -> None:
        add_customer(store, "alice")
        result = CliRunner().invoke(app, ["token", "alice"])
        assert result.exit_code == 0, result.output
        assert (claims(result.stdout.strip(), tmp_path)["sub"], claims(result.stdout.strip(), tmp_path)["role"]) == (
            "alice",
            "customer",
        )

    def test_operator_is_created_when_missing(self, store: Engine, tmp_path: Path) -> None:
        result = CliRunner().invoke(app, ["token", "--operator", "ops"])
        assert result.exit_code == 0, result.output
        assert claims(result.stdout.strip().splitlines()[-1], tmp_path)["role"] == "operator"
        again = CliRunner().invoke(app, ["token", "--operator", "ops"])
        assert "created" not in again.output

    def test_an_unknown_customer_is_an_error(self, store: Engine) -> None:
        result = CliRunner().invoke(app, ["token", "nobody"])
        assert result.exit_code == 2
        assert "no user" in result.output

    def test_refused_outside_development(self, store: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("ENVIRONMENT", "production")
        monkeypatch.setenv("JWT_SECRET", "p" * 48)
        get_settings.cache_clear()
        result = CliRunner().invoke(app, ["token", "--operator", "ops"])
        assert result.exit_code == 2
        assert "local development only" in result.output


class TestDemoLogins:
    def test_sets_the_demo_password_for_consenting_customers_and_the_operator(self, store: Engine) -> None:
        for user, consent in (("cust_a", True), ("cust_b", False), ("cust_c", True)):
            add_customer(store, user, consent=consent)
        result = CliRunner().invoke(app, ["demo-logins", "--customers", "5"])
        assert result.exit_code == 0, result.output
        with session_scope(store) as session:
            assert authenticate(session, "ops", DEMO_PASSWORD, "operator").subject == "ops"
            assert authenticate(session, "cust_c", DEMO_PASSWORD, "customer").subject == "cust_c"
            with pytest.raises(InvalidCredentials):
                authenticate(session, "cust_b", DEMO_PASSWORD, "customer")
        assert "cust_a" in result.output
        assert "cust_b" not in result.output

    def test_refused_outside_development(self, store: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("ENVIRONMENT", "test")
        get_settings.cache_clear()
        assert CliRunner().invoke(app, ["demo-logins"]).exit_code == 2


class TestServeLoginHint:
    def test_names_the_logins_that_exist(self, store: Engine, capsys: pytest.CaptureFixture[str]) -> None:
        add_customer(store, "alice")
        CliRunner().invoke(app, ["token", "--operator", "ops"])
        _print_logins("http://127.0.0.1:8000")
        printed = capsys.readouterr().out
        assert "operators: ops" in printed
        assert "alice" in printed

    def test_without_logins_says_how_to_make_them(self, store: Engine, capsys: pytest.CaptureFixture[str]) -> None:
        _print_logins("http://127.0.0.1:8000")
        assert "spendsense demo-logins" in capsys.readouterr().out
