"""The insight functions' express lane: a cache hit answered with the standard library alone.

A hit needs four facts, and each is checked here as the API checks it: the bearer token is
a current SpendSense token (`auth.hs256`, stricter than the API's check); the principal may
read this user (the customer themself, or an operator who still exists); the user exists
and has granted consent; and `S3_BUCKET_INSIGHTS` holds the insight under the version of
the user's data (`aws.insight_keys`). The store is read with `sqlite3` (the local DB_PATH
file, or the S3 snapshot, downloaded and re-checked by the same `S3Snapshot` the full
handlers use) and the cache with a SigV4-signed GET (`aws.signed_s3`).

Anything else is declined: `answer` returns the reason, and the full handler (SQLAlchemy,
pydantic settings, botocore) answers instead, with the API's statuses and errors. So the
lane can only ever answer 200 with the body a fresh computation would give, and every
refusal, miss and error keeps one implementation. PostgreSQL (DATABASE_URL) always takes
the full handler. `python -m bench.bench_lambda` prints what each path's imports cost a fresh
interpreter: on 2026-12-06 the full handler's libraries 984 CPU ms, the lane's modules 138.
"""

from __future__ import annotations

import math
import os
import sqlite3
import time
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spendsense.auth.hs256 import accepted_principal
from spendsense.aws.http import json_response, parse_http_event
from spendsense.aws.insight_keys import PATH, VERSION_SQL, build_id, cache_key, parse_as_of, version_of
from spendsense.aws.invocation import ColdStart, Event, LambdaContext, Response, write_invocation
from spendsense.aws.signed_s3 import S3ReadError, SignedS3
from spendsense.aws.snapshot import S3Snapshot
from spendsense.kit.env_rules import DEFAULT_CORS_ORIGINS, ENVIRONMENTS, is_weak_secret, split_origins
from spendsense.kit.logging import configure_logging

CONSENTED = """
SELECT consent.granted FROM users JOIN consent ON consent.user_id = users.user_id WHERE users.user_id = :user_id
"""
OPERATOR_EXISTS = "SELECT 1 FROM operators WHERE name = :name"
LOGGED_LEVELS = frozenset({"DEBUG", "INFO", "NOTSET"})
INSIGHTS_BUCKET = ("S3_BUCKET_INSIGHTS", "SPENDSENSE_S3_BUCKET_INSIGHTS")


class _Variables:
    """The environment as pydantic-settings reads it: names in any case; the first alias that is set wins."""

    def __init__(self, environ: Mapping[str, str]) -> None:
        self.values: dict[str, str] = {}
        self.ambiguous: set[str] = set()
        for name, value in environ.items():
            key = name.upper()
            if key in self.values and self.values[key] != value:
                self.ambiguous.add(key)  # which one pydantic takes depends on dict order: not ours to guess
            self.values[key] = value

    def get(self, *names: str) -> str | None:
        return next((self.values[name] for name in names if name in self.values), None)


# Every variable the settings classes read that bears on whether the full handler starts, and how.
READ = (
    "ENVIRONMENT", "SPENDSENSE_ENVIRONMENT", "JWT_SECRET", "SPENDSENSE_JWT_SECRET", "DATABASE_URL",
    "SPENDSENSE_DATABASE_URL", "DB_PATH", "SPENDSENSE_DB_PATH", "DB_S3_KEY", "SPENDSENSE_DB_S3_KEY",
    "SPENDSENSE_DB_S3_BUCKET", "CORS_ORIGINS", "SPENDSENSE_CORS_ORIGINS", "S3_BUCKET_INSIGHTS",
    "SPENDSENSE_S3_BUCKET_INSIGHTS", "SPENDSENSE_DATA_DIR", "SPENDSENSE_LOG_LEVEL", "SPENDSENSE_API_BASE_PATH",
    "SPENDSENSE_SNAPSHOT_CHECK_SECONDS", "SPENDSENSE_SNAPSHOT_WRITE_ATTEMPTS", "SPENDSENSE_JWT_TTL_MINUTES",
)  # fmt: skip
LOG_LEVELS = frozenset({"DEBUG", "INFO", "WARNING", "WARN", "ERROR", "CRITICAL", "FATAL", "NOTSET"})


def _number(text: str | None, default: float, low: float, high: float = math.inf, whole: bool = False) -> float | None:
    """A setting's number within [low, high] (and whole, for an integer field); None when invalid."""
    if text is None:
        return default
    try:
        value = int(text) if whole else float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) and low <= value <= high else None


@dataclass(frozen=True)
class LaneConfig:
    """The variables the lane reads, resolved as `Settings` and `LambdaSettings` resolve them."""

    secret: str
    db_path: Path
    insights_bucket: str
    snapshot_bucket: str | None
    snapshot_key: str | None
    check_seconds: float
    cors_origins: tuple[str, ...]
    base_path: str
    log_level: str

    @property
    def logs_info(self) -> bool:
        return self.log_level in LOGGED_LEVELS

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> LaneConfig | str:
        """The configuration, or why the lane stays closed (the full handler then reads, or refuses, the settings)."""
        found = _Variables(environ)
        get = found.get
        if get("DATABASE_URL", "SPENDSENSE_DATABASE_URL"):
            return "postgresql"
        bucket = get("S3_BUCKET_INSIGHTS", "SPENDSENSE_S3_BUCKET_INSIGHTS")
        if not bucket:
            return "no insights cache"
        environment = get("ENVIRONMENT", "SPENDSENSE_ENVIRONMENT") or "development"
        secret = get("JWT_SECRET", "SPENDSENSE_JWT_SECRET")
        db_path, key = get("DB_PATH", "SPENDSENSE_DB_PATH"), get("DB_S3_KEY", "SPENDSENSE_DB_S3_KEY") or None
        snapshot_bucket, level = get("SPENDSENSE_DB_S3_BUCKET") or None, (get("SPENDSENSE_LOG_LEVEL") or "INFO").upper()
        check_seconds = _number(get("SPENDSENSE_SNAPSHOT_CHECK_SECONDS"), 15.0, 0.0)
        numbers = [check_seconds, _number(get("SPENDSENSE_SNAPSHOT_WRITE_ATTEMPTS"), 8, 1, whole=True)]
        numbers.append(_number(get("SPENDSENSE_JWT_TTL_MINUTES"), 60, 1, 24 * 60, whole=True))
        doubtful = (
            found.ambiguous.intersection(READ)
            or environment not in ENVIRONMENTS
            or not secret
            or (environment != "development" and is_weak_secret(secret))
            or None in numbers
            or "" in (db_path, get("SPENDSENSE_DATA_DIR"))
            or (key and not (snapshot_bucket and db_path))
            or level not in LOG_LEVELS
        )
        if doubtful or secret is None or check_seconds is None:
            return "settings"
        origins = get("CORS_ORIGINS", "SPENDSENSE_CORS_ORIGINS")
        return cls(
            secret=secret,
            db_path=Path(db_path) if db_path else Path(get("SPENDSENSE_DATA_DIR") or "data") / "spendsense.db",
            insights_bucket=bucket,
            snapshot_bucket=snapshot_bucket if key else None,
            snapshot_key=key,
            check_seconds=check_seconds,
            cors_origins=tuple(split_origins(origins) if origins is not None else DEFAULT_CORS_ORIGINS),
            base_path=get("SPENDSENSE_API_BASE_PATH") or "/",
            log_level=level,
        )


class Declined(Exception):
    """The lane does not answer this request; the message says why (logged by the full handler)."""


class Lane:
    """The container's lane: its configuration, S3 reader, snapshot (if any) and one read connection."""

    def __init__(self, config: LaneConfig, s3: SignedS3) -> None:
        self.config, self.s3 = config, s3
        self._connection: sqlite3.Connection | None = None
        self.snapshot = (
            S3Snapshot(
                s3=s3,
                bucket=config.snapshot_bucket,
                key=config.snapshot_key,
                path=config.db_path,
                check_seconds=config.check_seconds,
                on_replace=self.close,
            )
            if config.snapshot_bucket and config.snapshot_key
            else None
        )

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def connection(self) -> sqlite3.Connection:
        if self.snapshot is not None:
            self.snapshot.ensure_fresh()
        if self._connection is None:
            if not self.config.db_path.is_file():
                raise Declined("no store file")
            self._connection = sqlite3.connect(self.config.db_path, isolation_level=None, check_same_thread=False)
        return self._connection

    def version_if_readable(self, role: str, subject: str, user_id: str) -> str:
        """The user's data version, when this principal may read their insights now; Declined otherwise."""
        db = self.connection()
        db.execute("BEGIN")  # one read: consent and version from the same state of the store
        try:
            if role == "operator" and db.execute(OPERATOR_EXISTS, {"name": subject}).fetchone() is None:
                raise Declined("operator")
            consent = db.execute(CONSENTED, {"user_id": user_id}).fetchone()
            if consent is None or not consent[0]:
                raise Declined("consent")
            return version_of(db.execute(VERSION_SQL, {"user_id": user_id}).fetchone())
        finally:
            db.execute("COMMIT")

    def cached(self, key: str) -> bytes:
        try:
            found = self.s3.get_object(Bucket=self.config.insights_bucket, Key=key)
        except S3ReadError as exc:
            raise Declined("miss" if exc.response["Error"]["Code"] in {"NoSuchKey", "404"} else "cache error") from exc
        body: bytes = found["Body"].read()
        return body


@lru_cache(maxsize=1)
def lane() -> Lane | str:
    """Built on the container's first event; the reason when the lane stays closed."""
    config, s3 = LaneConfig.from_environment(), SignedS3.from_environment()
    if isinstance(config, str):
        return config
    # As the full handler configures it; structlog itself loads only if a line is logged (a download).
    configure_logging(config.log_level, json=True)
    return Lane(config, s3) if s3 is not None else "no AWS credentials"


def _built() -> Lane | None:
    found = lane() if lane.cache_info().currsize else None
    return found if isinstance(found, Lane) else None


def reset() -> None:
    """Forget the lane (tests change the environment between cases)."""
    built = _built()
    if built is not None:
        built.close()
    lane.cache_clear()


def shared_snapshot() -> S3Snapshot | None:
    """The lane's snapshot, for the full handler to adopt: one copy of the store per container."""
    built = _built()
    return built.snapshot if built is not None else None


def _body(kind: str, event: Event, now: float) -> tuple[Lane, Any, bytes]:
    current = lane()
    if isinstance(current, str):
        raise Declined(current)
    config = current.config
    request = parse_http_event(event, config.base_path)
    match = PATH.match(request.path)
    if match is None or match["kind"] != kind or request.method != "GET":
        raise Declined("route")
    user_id, token = match["user_id"], request.bearer_token
    principal = accepted_principal(token, config.secret, now) if token else None
    if principal is None or not principal.may_read(user_id):
        raise Declined("token")
    as_of = parse_as_of(request.query.get("as_of"))
    version = current.version_if_readable(principal.role, principal.subject, user_id)
    return current, request, current.cached(cache_key(user_id, kind, as_of, version, build_id()))


def answer(kind: str, event: Event, context: LambdaContext, cold_start: ColdStart) -> Response | str:
    """The response to a cache hit; for anything else, why not (the caller then runs the full handler)."""
    started = time.perf_counter()
    try:
        current, request, body = _body(kind, event, time.time())
    except Declined as exc:
        return str(exc)
    except Exception as exc:  # anything unexpected is the full handler's to answer (and log)
        return f"error: {type(exc).__name__}"
    response = json_response(request, 200, body, current.config.cors_origins)
    if current.config.logs_info:
        _log_invocation(context, kind, cold_start.take(), started)
    else:
        cold_start.take()
    return response


def _log_invocation(context: LambdaContext, kind: str, cold: bool, started: float) -> None:
    """The line `runtime.observe` writes for a call, with the same fields."""
    write_invocation(
        {
            "function": context.function_name,
            "request_id": context.aws_request_id,
            "route": f"GET /api/insights/{{user_id}}/{kind}",
            "status": 200,
            "latency_ms": round((time.perf_counter() - started) * 1000, 2),
            "cold_start": cold,
            "cache": "hit",
            "lane": "express",
        }
    )
