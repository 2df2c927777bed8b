"""The store of a Lambda container: PostgreSQL through DATABASE_URL, or the S3 snapshot of the SQLite file.

Every invocation runs as one unit through `LambdaDatabase.run`. With PostgreSQL that is
just a call. With the snapshot, a unit that committed a write is followed by a conditional
upload; when another container wrote first, the local copy is thrown away, a fresh one is
downloaded and the whole unit runs again on it, so the write is re-applied on top of
theirs and no container's write is lost. Reads never upload anything.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, event, inspect

from spendsense.aws.settings import LambdaSettings
from spendsense.aws.snapshot import S3Snapshot, SnapshotUnavailable
from spendsense.config import Settings
from spendsense.kit.db import make_engine, migrate
from spendsense.kit.logging import get_logger

T = TypeVar("T")
# The migration heads of the packaged code, written by `spendsense aws package`; absent in a checkout.
SCHEMA_HEADS_FILE = Path(__file__).with_name("SCHEMA_HEADS")
log = get_logger(__name__)
READ_VERBS = frozenset({"SELECT", "PRAGMA", "EXPLAIN", "BEGIN", "SAVEPOINT", "RELEASE", "ROLLBACK", "COMMIT"})
_PENDING = "spendsense.pending_write"


class SnapshotBusy(SnapshotUnavailable):
    error = "store_busy"


def is_write(statement: str) -> bool:
    """Anything but a known read counts as a write: an upload too many is slow, one too few loses data."""
    verb = statement.lstrip().split(None, 1)[0].upper() if statement.strip() else ""
    if verb == "WITH":
        return any(word in statement.upper() for word in ("INSERT ", "UPDATE ", "DELETE "))
    return verb not in READ_VERBS


class WriteTracker:
    """Notices committed writes on an engine (statements seen between a begin and its commit)."""

    def __init__(self, engine: Engine) -> None:
        self.dirty = False
        event.listen(engine, "before_cursor_execute", self._execute)
        event.listen(engine, "commit", self._commit)
        event.listen(engine, "rollback", self._rollback)

    def _execute(self, conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if is_write(statement):
            conn.info[_PENDING] = True

    def _commit(self, conn: Any) -> None:
        if conn.info.pop(_PENDING, False):
            self.dirty = True

    def _rollback(self, conn: Any) -> None:
        conn.info.pop(_PENDING, None)


class LambdaDatabase:
    def __init__(self, engine: Engine, snapshot: S3Snapshot | None, attempts: int = 8) -> None:
        self.engine = engine
        self.snapshot = snapshot
        self.attempts = attempts
        self.tracker = WriteTracker(engine)
        self.conflicts = 0

    @property
    def mode(self) -> str:
        return "snapshot" if self.snapshot else self.engine.dialect.name

    def run(self, unit: Callable[[], T]) -> T:
        """Run `unit` (which may read and write through `engine`) so that its writes are never lost."""
        if self.snapshot is None:
            return unit()
        for attempt in range(self.attempts):
            self.snapshot.ensure_fresh()
            self.tracker.dirty = False
            result = unit()
            if not self.tracker.dirty or self._publish():
                return result
            self.conflicts += 1
            self.snapshot.download()
            # Jitter spreads the retries of containers that collided, so the next round has a winner.
            time.sleep(random.uniform(0, 0.05 * 2**attempt))
        raise SnapshotBusy("the store is busy with other writes; try again", attempts=self.attempts)

    def migrate(self) -> None:
        """Bring the schema to head; in snapshot mode a changed schema is written back like any write."""
        self.run(self._migrate)

    def _migrate(self) -> None:
        # Alembic costs a cold start about 50 ms to import and read its scripts: a store already
        # at the packaged heads (the usual case) is left alone after one read of its version.
        if not at_heads(self.engine, packaged_heads()):
            migrate(self.engine)

    def _publish(self) -> bool:
        assert self.snapshot is not None
        with self.engine.connect() as connection:
            # Everything committed moves from the WAL into the main file, which is what gets uploaded.
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return self.snapshot.upload()


def packaged_heads() -> frozenset[str]:
    try:
        return frozenset(SCHEMA_HEADS_FILE.read_text(encoding="utf-8").split())
    except FileNotFoundError:
        return frozenset()


def at_heads(engine: Engine, heads: frozenset[str]) -> bool:
    """Whether the store's Alembic version is exactly `heads` (never, when `heads` is unknown)."""
    if not heads:
        return False
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return False
        found = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalars().all()
    return frozenset(found) == heads


@dataclass(frozen=True)
class AlsoDispose:
    """A snapshot's replace hook: `first`, then the adopting engine's connections closed."""

    first: Callable[[], None]
    engine: Engine

    def __call__(self) -> None:
        self.first()
        self.engine.dispose()


def open_database(
    settings: Settings, lambda_settings: LambdaSettings, s3: Callable[[], Any], adopt: S3Snapshot | None = None
) -> LambdaDatabase:
    """The container's store: DATABASE_URL wins; else the snapshot at DB_S3_KEY; else the local DB_PATH file.

    `adopt` is a snapshot this container already holds (the express lane's): it is kept, with
    `s3()` for its writes, so the store is downloaded once per container whichever path ran first.
    """
    if settings.database_url or not settings.db_s3_key:
        return LambdaDatabase(make_engine(settings.sqlalchemy_url), None)
    if not lambda_settings.db_s3_bucket or settings.db_path is None:
        raise SnapshotUnavailable("snapshot storage needs SPENDSENSE_DB_S3_BUCKET, DB_S3_KEY and DB_PATH")
    engine = make_engine(settings.sqlalchemy_url)
    where = (lambda_settings.db_s3_bucket, settings.db_s3_key, Path(settings.db_path))
    if adopt is not None and (adopt.bucket, adopt.key, adopt.path) == where:
        snapshot = adopt
        snapshot.s3 = s3()
        # The adopter's own hook first (the lane's connection); a later adoption replaces this one.
        snapshot.on_replace = AlsoDispose(getattr(adopt.on_replace, "first", adopt.on_replace), engine)
    else:
        snapshot = S3Snapshot(
            s3=s3(),
            bucket=lambda_settings.db_s3_bucket,
            key=settings.db_s3_key,
            path=Path(settings.db_path),
            check_seconds=lambda_settings.snapshot_check_seconds,
            on_replace=engine.dispose,
        )
    snapshot.ensure_fresh()
    return LambdaDatabase(engine, snapshot, lambda_settings.snapshot_write_attempts)
