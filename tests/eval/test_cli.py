from pathlib import Path

from sqlalchemy import Engine
from typer.testing import CliRunner

from spendsense.api.evaluation.service import latest_evaluation
from spendsense.cli import app


class TestEvalCommand:
    def test_prints_the_table_and_writes_the_report(self, cli_store: Engine, tmp_path: Path) -> None:
        result = CliRunner().invoke(app, ["eval", "--out", str(tmp_path / "out")])
        assert result.exit_code == 0, result.output
        assert "explainability" in result.output
        assert (tmp_path / "out" / "report.md").is_file()

    def test_without_out_it_writes_where_the_api_reads(self, cli_store: Engine, tmp_path: Path) -> None:
        result = CliRunner().invoke(app, ["eval"])
        assert result.exit_code == 0, result.output
        assert (tmp_path / "data" / "eval" / "report.md").is_file()
        assert latest_evaluation(tmp_path / "data").metrics

    def test_unreadable_labels_fail_cleanly(self, cli_store: Engine, tmp_path: Path) -> None:
        broken = tmp_path / "labels.json"
        broken.write_text("{")
        result = CliRunner().invoke(app, ["eval", "--out", str(tmp_path / "out"), "--labels", str(broken)])
        assert result.exit_code == 2
        assert "cannot read labels" in result.output
