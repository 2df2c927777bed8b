import json
from pathlib import Path

from sqlalchemy import Engine, select
from typer.testing import CliRunner

from spendsense.cli import app
from spendsense.kit.db import session_scope
from spendsense.models import Recommendation
from spendsense.pipeline.run import run_pipeline


def _first(engine: Engine, status: str) -> str:
    with session_scope(engine) as session:
        found = session.scalars(select(Recommendation.id).where(Recommendation.status == status)).first()
        assert found is not None
        return found


def _run(*args: str):
    return CliRunner().invoke(app, list(args))


class TestReviewCommands:
    def test_queue_lists_pending_offers(self, cli_store: Engine, tmp_path: Path) -> None:
        run_pipeline(cli_store, tmp_path)
        result = _run("review", "queue")
        assert result.exit_code == 0, result.output
        assert "pending" in result.output

    def test_approve_then_the_log_shows_who(self, cli_store: Engine, tmp_path: Path) -> None:
        run_pipeline(cli_store, tmp_path)
        pending = _first(cli_store, "pending")
        assert _run("review", "approve", pending, "--operator", "ana").exit_code == 0
        log = _run("review", "log", "--user", "u1")
        assert "ana" in log.output
        assert "approve" in log.output

    def test_reject_without_reason_is_refused(self, cli_store: Engine, tmp_path: Path) -> None:
        run_pipeline(cli_store, tmp_path)
        result = _run("review", "reject", _first(cli_store, "pending"), "--operator", "ana", "--reason", " ")
        assert result.exit_code == 2
        assert "needs a reason" in result.output

    def test_override_names_the_replacement(self, cli_store: Engine, tmp_path: Path) -> None:
        run_pipeline(cli_store, tmp_path)
        args = ["--item", "edu_talk_to_issuer", "--operator", "ana", "--reason", "education first"]
        result = _run("review", "override", _first(cli_store, "pending"), *args)
        assert result.exit_code == 0, result.output
        assert "edu_talk_to_issuer" in result.output

    def test_user_as_json_carries_traces(self, cli_store: Engine, tmp_path: Path) -> None:
        run_pipeline(cli_store, tmp_path)
        result = _run("review", "user", "u1", "--json")
        assert result.exit_code == 0, result.output
        assert all("trace" in item for item in json.loads(result.output))

    def test_flag_withholds_an_item(self, cli_store: Engine, tmp_path: Path) -> None:
        run_pipeline(cli_store, tmp_path)
        result = _run("review", "flag", _first(cli_store, "approved"), "--operator", "ana", "--reason", "check wording")
        assert result.exit_code == 0
        assert "flagged" in result.output


class TestFeedbackCommand:
    def test_records_feedback_on_a_visible_item(self, cli_store: Engine, tmp_path: Path) -> None:
        run_pipeline(cli_store, tmp_path)
        result = _run("feedback", "u1", _first(cli_store, "approved"), "helpful", "--comment", "clear")
        assert result.exit_code == 0, result.output
        assert "helpful" in result.output

    def test_unknown_kind_fails_cleanly(self, cli_store: Engine, tmp_path: Path) -> None:
        run_pipeline(cli_store, tmp_path)
        result = _run("feedback", "u1", _first(cli_store, "approved"), "meh")
        assert result.exit_code == 2


class TestShowCommand:
    def test_show_json_includes_recommendations(self, cli_store: Engine, tmp_path: Path) -> None:
        run_pipeline(cli_store, tmp_path)
        result = _run("show", "u1", "--json")
        assert result.exit_code == 0, result.output
        items = json.loads(result.output)["windows"]["30d"]["recommendations"]
        assert items
        assert {"status", "rationale", "disclosure", "cited_signals"} <= set(items[0])

    def test_show_prints_the_recommendations_table(self, cli_store: Engine, tmp_path: Path) -> None:
        run_pipeline(cli_store, tmp_path)
        result = _run("show", "u1", "--window", "30d")
        assert result.exit_code == 0, result.output
        assert "Recommendations (30d)" in result.output
