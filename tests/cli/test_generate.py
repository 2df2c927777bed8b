from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from spendsense.cli import app


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["generate", *args])
    return result.exit_code, result.output


class TestGenerateCommand:
    def test_writes_the_data_and_a_summary(self, tmp_path: Path) -> None:
        code, output = run("--users", "3", "--seed", "1", "--as-of", "2025-06-30", "--out", str(tmp_path / "out"))
        assert code == 0, output
        assert "users" in output
        assert "transactions" in output
        assert (tmp_path / "out" / "labels.json").is_file()

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["--as-of", "2025-02-30"], "--as-of must be a date"),
            (["--as-of", "30/06/2025"], "--as-of must be a date"),
            (["--as-of", "2025-06-30", "--users", "0"], "--users must be between"),
            (["--as-of", "2025-06-30", "--months", "0"], "--months must be between"),
            (["--as-of", "2025-06-30", "--format", "csv"], "--format must be one of"),
        ],
    )
    def test_bad_arguments_exit_non_zero_and_write_nothing(self, tmp_path: Path, args: list[str], message: str) -> None:
        code, output = run(*args, "--out", str(tmp_path / "out"))
        assert code != 0
        assert message in " ".join(output.split())
        assert list(tmp_path.iterdir()) == []
