"""Shared fixtures: every `engine` test runs on SQLite and on a real PostgreSQL.

PostgreSQL comes from a temporary cluster this suite starts itself. Without the binaries
those tests skip with the reason; with SPENDSENSE_REQUIRE_POSTGRES=1 (CI) that is a failure.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from spendsense.kit.db import make_engine, migrate
from tests.pg import temporary_cluster

SHARED = Path(__file__).resolve().parents[2] / "shared"
FIXTURES = SHARED / "fixtures"
PLAID_FIXTURES = FIXTURES / "plaid"
AWS_EVENTS = FIXTURES / "aws-events"

_counter = itertools.count()


def _require_postgres() -> bool:
    return os.environ.get("SPENDSENSE_REQUIRE_POSTGRES") == "1"


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    try:
        with temporary_cluster() as url:
            engine = make_engine(f"{url}/postgres", isolation_level="AUTOCOMMIT")
            with engine.connect() as conn:
                conn.execute(text("CREATE DATABASE spendsense_template"))
            engine.dispose()
            template = make_engine(f"{url}/spendsense_template")
            migrate(template)
            template.dispose()
            yield url
    except (FileNotFoundError, PermissionError, OSError) as exc:
        message = f"PostgreSQL tests need a local PostgreSQL: {exc}"
        if _require_postgres():
            pytest.fail(message + " (SPENDSENSE_REQUIRE_POSTGRES=1 makes this a failure)")
        pytest.skip(message)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    with engine.connect() as conn:
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    engine.dispose()
    return path


def _postgres_engine(server: str) -> Iterator[Engine]:
    name = f"t_{os.getpid()}_{next(_counter)}"
    admin = make_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE spendsense_template"))
    engine = make_engine(f"{server}/{name}")
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def engine(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> Iterator[Engine]:
    """A migrated, empty store of each kind, new for every test."""
    if request.param == "postgres":
        yield from _postgres_engine(request.getfixturevalue("pg_server"))
        return
    path = tmp_path / "spendsense.db"
    shutil.copyfile(sqlite_template, path)
    sqlite = make_engine(f"sqlite:///{path}")
    yield sqlite
    sqlite.dispose()


@pytest.fixture
def sqlite_engine(tmp_path: Path, sqlite_template: Path) -> Iterator[Engine]:
    path = tmp_path / "spendsense.db"
    shutil.copyfile(sqlite_template, path)
    sqlite = make_engine(f"sqlite:///{path}")
    yield sqlite
    sqlite.dispose()
