"""The customer views served from memory (api.views): never stale, whoever writes, and ETags answered with 304."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, delete, event

from spendsense.api.app import create_app
from spendsense.api.generation import StoreGeneration
from spendsense.config import Settings
from spendsense.consent import service as consent
from spendsense.insights.repository import save_budgets
from spendsense.kit.db import make_engine, session_scope
from spendsense.models import Operator
from spendsense.pipeline.run import run_pipeline
from tests.api.conftest import Callers
from tests.api.factories import add_card_holder

VIEWS = ["/api/profile/alice", "/api/recommendations/alice", "/api/insights/alice/budget-tracking"]


@pytest.fixture
def alice(callers: Callers, engine: Engine) -> dict[str, str]:
    headers = callers.customer("alice")
    add_card_holder(engine, "alice")
    return headers


@pytest.fixture
def elsewhere(engine: Engine) -> Iterator[Engine]:
    """Another engine on the same store: its own connections, as another process would have."""
    other = make_engine(engine.url.render_as_string(hide_password=False))
    yield other
    other.dispose()


def _statements(engine: Engine) -> list[str]:
    seen: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *args: seen.append(args[2]))
    return seen


def _in_another_process(engine: Engine, sql: str) -> None:
    script = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()"
    subprocess.run([sys.executable, "-c", script, str(engine.url.database), sql], check=True)


def _changed_copy(engine: Engine, tmp_path: Path, sql: str) -> Path:
    """What a Lambda container would download: the store as it is, with one more change."""
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = tmp_path / "download.db"
    shutil.copyfile(str(engine.url.database), copy)
    with sqlite3.connect(copy) as changed:
        changed.execute(sql)
    changed.close()
    return copy


def _put_in_place(engine: Engine, copy: Path) -> None:
    """As the Lambda snapshot download does: close the pool, drop the journal files, rename over the live file."""
    live = Path(str(engine.url.database))
    engine.dispose()
    for suffix in ("-wal", "-shm"):
        live.with_name(live.name + suffix).unlink(missing_ok=True)
    os.replace(copy, live)


class TestStoreGeneration:
    def test_moves_when_another_process_commits(self, sqlite_engine: Engine) -> None:
        generation = StoreGeneration(sqlite_engine)
        before = generation.current()
        assert before is not None
        assert generation.current() == before
        _in_another_process(sqlite_engine, "CREATE TABLE scratch (x)")
        assert generation.current() != before

    def test_a_file_put_in_the_stores_place_starts_a_new_epoch(self, sqlite_engine: Engine, tmp_path: Path) -> None:
        generation = StoreGeneration(sqlite_engine)
        download = _changed_copy(sqlite_engine, tmp_path, "CREATE TABLE scratch (x)")
        before = generation.current()
        _put_in_place(sqlite_engine, download)
        after = generation.current()
        assert after is not None
        assert after != before
        assert generation.current() == after

    def test_is_unknown_on_postgres_and_in_memory(self, engine: Engine) -> None:
        if engine.dialect.name == "sqlite":
            engine = make_engine("sqlite://")
        assert StoreGeneration(engine).current() is None


class TestServedFromMemory:
    @pytest.mark.parametrize("path", VIEWS)
    def test_an_unchanged_store_answers_without_a_query(
        self, client: TestClient, engine: Engine, alice, path: str
    ) -> None:
        first = client.get(path, headers=alice)
        statements = _statements(engine)
        again = client.get(path, headers=alice)
        assert (again.status_code, again.content) == (200, first.content)
        # PostgreSQL has no commit counter: there every read revalidates.
        assert (statements == []) == (engine.dialect.name == "sqlite")

    @pytest.mark.parametrize("path", VIEWS)
    def test_a_write_to_another_customer_costs_one_read_and_keeps_the_body(
        self, client: TestClient, callers: Callers, engine: Engine, alice, path: str
    ) -> None:
        first = client.get(path, headers=alice)
        callers.customer("bob")
        statements = _statements(engine)
        again = client.get(path, headers=alice)
        assert (again.content, again.headers["ETag"]) == (first.content, first.headers["ETag"])
        if engine.dialect.name == "sqlite":
            assert len(statements) == 1, statements

    @pytest.mark.parametrize("path", VIEWS)
    def test_another_customer_still_gets_403(self, client: TestClient, callers: Callers, alice, path: str) -> None:
        assert client.get(path, headers=alice).status_code == 200
        assert client.get(path, headers=callers.customer("bob")).status_code == 403

    def test_a_removed_operator_is_refused_at_once(self, client: TestClient, callers: Callers, engine: Engine, alice):
        operator = callers.operator("ops")
        assert client.get("/api/profile/alice", headers=operator).status_code == 200
        with session_scope(engine) as session:
            session.execute(delete(Operator).where(Operator.name == "ops"))
        assert client.get("/api/profile/alice", headers=operator).status_code == 401


class TestWritesElsewhere:
    @pytest.mark.parametrize("path", VIEWS)
    def test_consent_revoked_elsewhere_answers_403_at_once(
        self, client: TestClient, elsewhere: Engine, alice, path: str
    ) -> None:
        assert client.get(path, headers=alice).status_code == 200
        with session_scope(elsewhere) as session:
            consent.record(session, "alice", False, source="cli")
        response = client.get(path, headers=alice)
        assert (response.status_code, response.json()["error"]) == (403, "consent_required")

    def test_a_pipeline_run_elsewhere_shows_up_in_the_profile(
        self, client: TestClient, elsewhere: Engine, alice, tmp_path: Path
    ) -> None:
        assert client.get("/api/profile/alice", headers=alice).json()["windows"]["30d"]["primary_persona"] is None
        run_pipeline(elsewhere, tmp_path / "pipeline", user_ids=["alice"])
        windows = client.get("/api/profile/alice", headers=alice).json()["windows"]
        assert windows["30d"]["primary_persona"] == "high_utilization"

    def test_a_budget_saved_elsewhere_shows_up_in_tracking(self, client: TestClient, elsewhere: Engine, alice) -> None:
        assert client.get("/api/insights/alice/budget-tracking", headers=alice).json()["categories"] == []
        with session_scope(elsewhere) as session:
            save_budgets(session, "alice", "2025-03", {"TRAVEL": 5_000})
        tracked = client.get("/api/insights/alice/budget-tracking", headers=alice).json()["categories"]
        assert [category["category"] for category in tracked] == ["TRAVEL"]


class TestAnotherProcess:
    @pytest.fixture
    def own(self, sqlite_engine: Engine, settings: Settings) -> Iterator[TestClient]:
        with TestClient(create_app(settings, sqlite_engine)) as client:
            yield client

    def test_consent_revoked_by_another_process_answers_403(self, own: TestClient, sqlite_engine: Engine) -> None:
        dora = Callers(own.app, sqlite_engine).customer("dora")  # type: ignore[arg-type]
        assert own.get("/api/profile/dora", headers=dora).status_code == 200
        _in_another_process(sqlite_engine, "UPDATE consent SET granted = 0 WHERE user_id = 'dora'")
        assert own.get("/api/profile/dora", headers=dora).status_code == 403

    def test_a_snapshot_swapped_in_is_read_afresh(self, own: TestClient, sqlite_engine: Engine, tmp_path: Path) -> None:
        dora = Callers(own.app, sqlite_engine).customer("dora")  # type: ignore[arg-type]
        download = _changed_copy(sqlite_engine, tmp_path, "UPDATE consent SET granted = 0 WHERE user_id = 'dora'")
        assert own.get("/api/profile/dora", headers=dora).status_code == 200
        _put_in_place(sqlite_engine, download)
        assert own.get("/api/profile/dora", headers=dora).status_code == 403


class TestEtag:
    @pytest.mark.parametrize("path", VIEWS)
    def test_the_current_etag_answers_304_without_a_body(self, client: TestClient, alice, path: str) -> None:
        etag = client.get(path, headers=alice).headers["ETag"]
        response = client.get(path, headers=alice | {"If-None-Match": etag})
        assert (response.status_code, response.content, response.headers["ETag"]) == (304, b"", etag)

    def test_a_change_gives_a_new_etag_and_the_body(self, client: TestClient, alice) -> None:
        path = "/api/insights/alice/budget-tracking"
        etag = client.get(path, headers=alice).headers["ETag"]
        client.put(
            "/api/insights/alice/budgets", json={"month": "2025-03", "amounts": {"TRAVEL": 5_000}}, headers=alice
        )
        response = client.get(path, headers=alice | {"If-None-Match": etag})
        assert response.status_code == 200
        assert response.headers["ETag"] != etag

    def test_an_etag_never_skips_the_consent_check(self, client: TestClient, alice) -> None:
        etag = client.get("/api/profile/alice", headers=alice).headers["ETag"]
        client.delete("/api/consent/alice", headers=alice)
        response = client.get("/api/profile/alice", headers=alice | {"If-None-Match": etag})
        assert (response.status_code, response.json()["error"]) == (403, "consent_required")

    def test_browsers_must_revalidate(self, client: TestClient, alice) -> None:
        headers = client.get("/api/profile/alice", headers=alice).headers
        assert headers["Cache-Control"] == "private, no-cache"
        assert "Authorization" in headers["Vary"]
