"""The SQLite file kept in S3: downloaded on cold start, reused while warm, written back with If-Match.

A download lands beside the live file, must pass `PRAGMA integrity_check`, and replaces the
live file with one rename, so a reader never opens half a file. The ETag of what was
downloaded is the version this container holds; an upload is conditional on S3 still
holding that version, so two containers can never overwrite each other's writes.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spendsense.aws.clients import error_code
from spendsense.kit.errors import SpendSenseError

CHUNK = 1024 * 1024
# 412: someone else wrote first. 409: S3 saw a concurrent conditional write; it says to re-read and retry.
CONFLICT_CODES = frozenset({"PreconditionFailed", "ConditionalRequestConflict", "412", "409"})


class SnapshotUnavailable(SpendSenseError):
    status_code = 503
    error = "store_unavailable"


@dataclass
class S3Snapshot:
    s3: Any
    bucket: str
    key: str
    path: Path
    check_seconds: float
    on_replace: Callable[[], None] = lambda: None  # close connections to the file about to be replaced
    clock: Callable[[], float] = time.monotonic
    etag: str | None = None
    downloads: int = 0
    _checked_at: float = field(default=float("-inf"), repr=False)

    def ensure_fresh(self) -> bool:
        """Download when there is no copy yet, or when S3 holds a newer one (asked at most every interval)."""
        if self.etag is None or not self.path.exists():
            self.download()
            return True
        if self.clock() - self._checked_at < self.check_seconds:
            return False
        self._checked_at = self.clock()
        if self._remote_etag() == self.etag:
            return False
        self.download()
        return True

    def download(self) -> None:
        started = time.perf_counter()
        try:
            answer = self.s3.get_object(Bucket=self.bucket, Key=self.key)
        except Exception as exc:
            if error_code(exc) in {"NoSuchKey", "404", "NoSuchBucket"}:
                raise SnapshotUnavailable(f"no database snapshot at s3://{self.bucket}/{self.key}") from exc
            raise
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(f".{self.path.name}.{os.getpid()}.download")
        try:
            size = _write_stream(answer["Body"], partial)
            _check_integrity(partial)
            self.on_replace()
            _remove_journal(self.path)
            os.replace(partial, self.path)
        finally:
            partial.unlink(missing_ok=True)
        self.etag, self._checked_at, self.downloads = answer["ETag"], self.clock(), self.downloads + 1
        _log().info("snapshot_downloaded", key=self.key, etag=self.etag, bytes=size, ms=_ms(started))

    def upload(self) -> bool:
        """Put the local file if S3 still holds the version it came from; False when another container won."""
        started = time.perf_counter()
        try:
            with self.path.open("rb") as body:
                answer = self.s3.put_object(Bucket=self.bucket, Key=self.key, Body=body, IfMatch=self.etag)
        except Exception as exc:
            if error_code(exc) in CONFLICT_CODES:
                _log().info("snapshot_conflict", key=self.key, etag=self.etag)
                return False
            raise
        self.etag, self._checked_at = answer["ETag"], self.clock()
        _log().info("snapshot_uploaded", key=self.key, etag=self.etag, ms=_ms(started))
        return True

    def _remote_etag(self) -> str:
        return str(self.s3.head_object(Bucket=self.bucket, Key=self.key)["ETag"])


def _write_stream(stream: Any, target: Path) -> int:
    size = 0
    with target.open("wb") as out:
        while chunk := stream.read(CHUNK):
            out.write(chunk)
            size += len(chunk)
        out.flush()
        os.fsync(out.fileno())
    return size


def _check_integrity(path: Path) -> None:
    try:
        with sqlite3.connect(path) as connection:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
        connection.close()
    except sqlite3.DatabaseError as exc:
        raise SnapshotUnavailable(f"the database snapshot is not a SQLite database: {exc}") from exc
    if rows != [("ok",)]:
        raise SnapshotUnavailable("the database snapshot failed its integrity check", problems=len(rows))


def _remove_journal(path: Path) -> None:
    """A -wal or -shm file left from the old copy would be applied to the new one: drop them first."""
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _log() -> Any:
    """The logger, imported when first used: the express lane reads snapshots without structlog."""
    from spendsense.kit.logging import get_logger

    return get_logger(__name__)


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)
