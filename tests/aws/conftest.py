"""AWS tests: real event payloads, a Lambda context, a moto server, and a small store with one customer.

Every AWS call goes to one moto server started for the session (reset before each test)
through AWS_ENDPOINT_URL, which boto3 honours; nothing reaches AWS.
"""

from __future__ import annotations

import copy
import json
import os
import secrets
import threading
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import structlog
from moto.moto_server.threaded_moto_server import ThreadedMotoServer
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
from werkzeug.serving import make_server

from spendsense.auth.tokens import Principal, issue_token
from spendsense.aws import clients, express
from spendsense.aws.settings import get_lambda_settings
from spendsense.config import get_settings
from spendsense.consent import service as consent
from spendsense.ingest.service import ingest_payload
from spendsense.kit.clock import utcnow
from spendsense.kit.db import make_engine, migrate, session_scope
from spendsense.models import Operator
from tests.conftest import AWS_EVENTS, PLAID_FIXTURES

REGION = "us-east-1"
CUSTOMER, OTHER, NO_CONSENT = "user_aws_1", "user_aws_2", "user_aws_3"
OPERATOR = "ops.aws"
TRANSACTIONS = PLAID_FIXTURES / "openapi-examples" / "transactions_get_example-1.json"


def load_event(name: str) -> dict[str, Any]:
    """A real event payload from ../shared/fixtures/aws-events."""
    return json.loads((AWS_EVENTS / name).read_text())


@dataclass(frozen=True)
class FakeLambdaContext:
    function_name: str = "spendsense-test"
    aws_request_id: str = "c6af9ac6-7b61-11e6-9a41-93e812345678"
    memory_limit_in_mb: int = 512
    invoked_function_arn: str = f"arn:aws:lambda:{REGION}:123456789012:function:spendsense-test"

    def get_remaining_time_in_millis(self) -> int:
        return 10_000


@pytest.fixture
def lambda_context() -> FakeLambdaContext:
    return FakeLambdaContext()


class _Serialized:
    """Runs conditional writes one at a time.

    moto checks If-Match and then stores the object in two steps (`S3Response.put_object`),
    and its threaded server lets another request run in between; S3 does both atomically.
    Holding a lock around conditional requests gives the emulator the guarantee S3 gives.
    """

    def __init__(self, app: Any) -> None:
        self.app = app
        self.lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        if "HTTP_IF_MATCH" not in environ and "HTTP_IF_NONE_MATCH" not in environ:
            return self.app(environ, start_response)
        with self.lock:
            return list(self.app(environ, start_response))


class AtomicMotoServer(ThreadedMotoServer):
    def _server_entry(self) -> None:
        app = _Serialized(DomainDispatcherApplication(create_backend_app))
        self._server = make_server(self._ip_address, self._port, app, True, request_handler=MotoRequestHandler)
        self._server_ready_event.set()
        self._server.serve_forever()


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    server = AtomicMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


def aws_environment(endpoint: str) -> dict[str, str]:
    return {
        "AWS_ENDPOINT_URL": endpoint,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": REGION,
        "AWS_REGION": REGION,
    }


def clear_caches() -> None:
    express.reset()
    get_settings.cache_clear()
    get_lambda_settings.cache_clear()
    clients.client.cache_clear()


@pytest.fixture(autouse=True)
def _keep_logging_config() -> Iterator[None]:
    """Handlers switch structlog to JSON for CloudWatch; the rest of the suite keeps its own configuration."""
    saved = structlog.get_config()
    yield
    structlog.configure(**saved)


@pytest.fixture
def aws(moto_endpoint: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A clean moto server, and this process's boto3 pointed at it."""
    urllib.request.urlopen(urllib.request.Request(f"{moto_endpoint}/moto-api/reset", method="POST")).close()
    for name, value in aws_environment(moto_endpoint).items():
        monkeypatch.setenv(name, value)
    clear_caches()
    yield moto_endpoint
    clear_caches()


@dataclass(frozen=True)
class Store:
    path: Path
    secret: str

    @property
    def url(self) -> str:
        return f"sqlite:///{self.path}"

    def token(self, subject: str, role: str = "customer") -> str:
        principal = Principal(role=role, subject=subject)  # type: ignore[arg-type]
        return issue_token(principal, self.secret, timedelta(minutes=5), utcnow())


def own_copy(body: str, user_id: str) -> str:
    """Plaid's example for another customer: ids are unique across users, so each gets its own."""
    for field in ("account_id", "transaction_id", "item_id"):
        body = body.replace(f'"{field}": "', f'"{field}": "{user_id}-')
    return body


def build_store(path: Path) -> Path:
    """A migrated SQLite file: three customers with Plaid's example transactions (two consenting), one operator."""
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    with session_scope(engine) as session:
        for user_id in (CUSTOMER, OTHER, NO_CONSENT):
            ingest_payload(session, user_id, own_copy(TRANSACTIONS.read_text(), user_id), origin="test")
        for user_id in (CUSTOMER, OTHER):
            consent.record(session, user_id, True, source="test")
        session.add(Operator(name=OPERATOR, password_hash="-", created_at=utcnow()))
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def store_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("aws-store") / "template.db")


@pytest.fixture
def lambda_env(tmp_path: Path, store_template: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """Settings for a function on a local SQLite file (DB_PATH), as in a container whose snapshot is in /tmp."""
    path = tmp_path / "spendsense.db"
    path.write_bytes(store_template.read_bytes())
    secret = secrets.token_urlsafe(48)
    env = {
        "ENVIRONMENT": "test",
        "JWT_SECRET": secret,
        "DB_PATH": str(path),
        "CORS_ORIGINS": "https://app.example.com,http://localhost:5173",
        "SPENDSENSE_DATA_DIR": str(tmp_path / "data"),
    }
    for name in ("DATABASE_URL", "DB_S3_KEY", "S3_BUCKET_INSIGHTS", "S3_BUCKET_PARQUET"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    clear_caches()
    yield Store(path, secret)
    clear_caches()


def http_event(
    name: str,
    method: str,
    path: str,
    headers: dict[str, str] | None = None,
    query: dict[str, str] | None = None,
    body: str | None = None,
) -> dict[str, Any]:
    """A fixture event pointed at `method path`, in the fields its source uses (v2, v1/REST, ALB)."""
    event = copy.deepcopy(load_event(name))
    headers = {"host": "api.example.com", **(headers or {})}
    if body is not None:
        headers["content-type"] = "application/json"
    query = query or {}
    event["body"], event["isBase64Encoded"] = body, False
    if event.get("version") == "2.0":
        event["rawPath"], event["rawQueryString"] = path, "&".join(f"{k}={v}" for k, v in query.items())
        event["requestContext"]["http"].update(method=method, path=path)
        event["headers"], event["queryStringParameters"] = headers, query or None
        return event
    event["path"], event["httpMethod"] = path, method
    if "multiValueHeaders" in event:
        event["multiValueHeaders"] = {key: [value] for key, value in headers.items()}
        event["multiValueQueryStringParameters"] = {key: [value] for key, value in query.items()} or None
    if "multiValueHeaders" not in event or "headers" in event:
        event["headers"], event["queryStringParameters"] = headers, query or None
    if "httpMethod" in event.get("requestContext", {}):
        event["requestContext"].update(httpMethod=method, path=path)
    return event


HTTP_EVENTS = sorted(path.name for path in AWS_EVENTS.glob("*.json"))


def environ_for_subprocess(endpoint: str | None = None, **extra: str) -> dict[str, str]:
    settings = {"DATABASE_URL", "DB_PATH", "DB_S3_KEY", "JWT_SECRET", "CORS_ORIGINS", "ENVIRONMENT"}
    settings |= {"S3_BUCKET_PARQUET", "S3_BUCKET_INSIGHTS"}
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("AWS_", "SPENDSENSE_")) and key not in settings
    }
    if endpoint:
        env.update(aws_environment(endpoint))
    env.update(extra)
    return env
