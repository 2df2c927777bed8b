from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from spendsense.config import get_settings
from tests.pipeline.seed import seed


@pytest.fixture
def cli_store(sqlite_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    """The CLI's store and data directory pointed at this test's files, seeded with the pipeline's users."""
    monkeypatch.setenv("DATABASE_URL", sqlite_engine.url.render_as_string(hide_password=False))
    monkeypatch.setenv("SPENDSENSE_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    seed(sqlite_engine)
    yield sqlite_engine
    get_settings.cache_clear()
