from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from spendsense.cli import app
from spendsense.config import get_settings
from tests.insights.builders import CARD, CHECKING, txn
from tests.insights.store import row_counts, seed

CHK, CRD = CHECKING["account_id"], CARD["account_id"]


@pytest.fixture
def store(sqlite_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    """The CLI's store pointed at this test's SQLite file."""
    monkeypatch.setenv("DATABASE_URL", sqlite_engine.url.render_as_string(hide_password=False))
    get_settings.cache_clear()
    yield sqlite_engine
    get_settings.cache_clear()


def _seeded(engine: Engine, consent: bool = True) -> None:
    rows = [
        txn("t1", CRD, date(2026, 7, 8), 2500, "FOOD_AND_DRINK", merchant="Cafe [/SF]"),
        txn("t2", CHK, date(2026, 7, 1), 9000, "FOOD_AND_DRINK", merchant="Grocer"),
    ]
    seed(engine, [CHECKING, CARD], rows, consent=consent)


class TestInsightCommand:
    def test_json(self, store: Engine) -> None:
        _seeded(store)
        result = CliRunner().invoke(app, ["insight", "u1", "weekly-recap", "--json"])
        assert result.exit_code == 0, result.output
        body = json.loads(result.stdout)
        assert (body["kind"], body["as_of"], body["total_spend_cents"], body["previous_total_spend_cents"]) == (
            "weekly_recap",
            "2026-07-08",
            2500,
            9000,
        )

    def test_tables(self, store: Engine) -> None:
        _seeded(store)
        result = CliRunner().invoke(app, ["insight", "u1", "net-worth", "--as-of", "2026-07-08"])
        assert result.exit_code == 0, result.output
        # checking 2,500 minus the card's 400 owed
        assert "$2,100" in result.stdout
        assert "History (every 6th of 180)" in result.stdout

    def test_merchant_names_are_printed_as_written(self, store: Engine) -> None:
        _seeded(store)
        result = CliRunner().invoke(app, ["insight", "u1", "weekly-recap"])
        assert result.exit_code == 0, result.output
        assert "Cafe [/SF]" in result.stdout  # brackets in a description are text, not Rich markup

    def test_every_kind_prints_and_writes_nothing(self, store: Engine) -> None:
        _seeded(store)
        before = row_counts(store)
        for kind in ("spending-analysis", "suggested-budget", "budget-tracking", "subscriptions"):
            result = CliRunner().invoke(app, ["insight", "u1", kind])
            assert result.exit_code == 0, result.output
        assert row_counts(store) == before

    def test_without_consent_fails(self, store: Engine) -> None:
        _seeded(store, consent=False)
        result = CliRunner().invoke(app, ["insight", "u1", "weekly-recap"])
        assert result.exit_code != 0
        assert "consent is required" in result.stderr

    def test_unknown_user_fails(self, store: Engine) -> None:
        result = CliRunner().invoke(app, ["insight", "nobody", "net-worth"])
        assert result.exit_code != 0
        assert "no user 'nobody'" in result.stderr
