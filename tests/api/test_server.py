"""`python -m spendsense.api.server`, what `spendsense serve` becomes once the store is ready."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from spendsense.api.server import serving_environment


def test_serving_defaults_fill_in_but_never_override() -> None:
    assert serving_environment({})["POLARS_MAX_THREADS"] == "1"
    assert serving_environment({"POLARS_MAX_THREADS": "4", "X": "y"}) == {"POLARS_MAX_THREADS": "4", "X": "y"}


def test_an_app_that_cannot_start_exits_2_with_its_reason(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"JWT_SECRET", "SPENDSENSE_JWT_SECRET"}}
    env |= {"ENVIRONMENT": "production", "SPENDSENSE_DATA_DIR": str(tmp_path), "DATABASE_URL": ""}
    result = subprocess.run(
        [sys.executable, "-m", "spendsense.api.server", "--port", "1"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: ")
    assert "JWT_SECRET" in result.stderr
    assert "Traceback" not in result.stderr
