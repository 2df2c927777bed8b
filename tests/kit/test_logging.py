"""Logs: structlog loads with the first line, and lines go to the stderr of the moment."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Iterator

import pytest
import structlog

from spendsense.kit.logging import configure_logging, get_logger


@pytest.fixture(autouse=True)
def _keep_config() -> Iterator[None]:
    saved = structlog.get_config()
    yield
    structlog.configure(**saved)


def test_asking_for_a_logger_imports_nothing_until_a_line_is_logged() -> None:
    code = (
        "import sys; from spendsense.kit.logging import configure_logging, get_logger;"
        "log = get_logger('x'); configure_logging('INFO', json=True); print('structlog' in sys.modules);"
        "log.info('hello', n=1); print('structlog' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True"]
    line = json.loads(done.stderr)
    assert (line["event"], line["n"], line["level"]) == ("hello", 1, "info")  # the configuration held


def test_a_line_goes_to_the_stderr_in_place_when_it_is_written(monkeypatch: pytest.MonkeyPatch) -> None:
    gone = io.StringIO()
    monkeypatch.setattr(sys, "stderr", gone)
    configure_logging("INFO", json=True)  # as a command run by CliRunner does, onto its own stream
    gone.close()
    now = io.StringIO()
    monkeypatch.setattr(sys, "stderr", now)
    get_logger("test").warning("still_written")
    assert json.loads(now.getvalue())["event"] == "still_written"


def test_the_level_filters() -> None:
    out = io.StringIO()
    real = sys.stderr
    sys.stderr = out
    try:
        configure_logging("WARNING", json=True)
        get_logger("test").info("dropped")
        get_logger("test").error("kept")
    finally:
        sys.stderr = real
    assert [json.loads(line)["event"] for line in out.getvalue().splitlines()] == ["kept"]
