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


def _cpus_after_pinning(extra: dict[str, str]) -> int:
    code = (
        "import os; from spendsense.kit.cpu import pin_to_one_cpu; "
        "pin_to_one_cpu(); print(len(os.sched_getaffinity(0)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env={**os.environ, **extra}, capture_output=True, text=True, check=True
    )
    return int(result.stdout)


def test_the_server_keeps_to_one_cpu_unless_told_not_to() -> None:
    allowed = len(os.sched_getaffinity(0))
    assert _cpus_after_pinning({}) == 1
    assert _cpus_after_pinning({"SPENDSENSE_SERVER_PIN": "0"}) == allowed
