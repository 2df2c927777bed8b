"""Lambda packages: size against budget, cold start and warm latency of each function, run from its built zip.

A cold start is a fresh `python -I -S` that sees only the unpacked zip (and its layers, and
boto3 as the Lambda runtime provides it), imports the handler and answers its first event:
interpreter start + import + first event. Warm latency repeats that event in the same
process. AWS calls go to a local moto server; the store is a SQLite file already in /tmp
(the snapshot download itself is not timed: it depends on the network and the data size).
An insight function's event is a cache hit, answered by the express lane (`spendsense.aws.express`);
a miss or refusal pays for the full handler's libraries (a floor below).
Targets: API cold start <= 600 ms, insight cold start <= 250 ms, warm p50 <= 10 ms. The floors say
what the libraries alone cost a fresh interpreter (e.g. botocore and its S3 client, SQLAlchemy's ORM).
Run: `python -m bench.bench_lambda [--quick]`; prints a table, writes bench/results/lambda.json.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import secrets
import statistics
import subprocess
import sys
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

import boto3
from moto.moto_server.threaded_moto_server import ThreadedMotoServer
from rich.console import Console
from rich.table import Table

from spendsense.auth.tokens import Principal, issue_token
from spendsense.aws.insight_cache import cache_key, data_version
from spendsense.aws.insight_compute import compute_request
from spendsense.aws.packaging.build import BUILD_ENTRY, BuildResult, build
from spendsense.aws.packaging.smoke import RunReport, bare_environment, run_handler, runtime_site, unpack
from spendsense.aws.packaging.wheels import Target
from spendsense.aws.stack_config import load_config
from spendsense.consent import service as consent
from spendsense.ingest.service import ingest_payload
from spendsense.kit.clock import utcnow
from spendsense.kit.db import make_engine, migrate, session_scope

RESULTS = Path(__file__).resolve().parent / "results" / "lambda.json"
PLAID = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "plaid" / "openapi-examples"
USER = "bench_user"
TARGETS_MS = {"api": 600.0, "insight": 250.0, "warm_p50": 10.0}
INSIGHTS = ("weekly-recap", "spending-analysis", "suggested-budget", "budget-tracking", "net-worth")
# What a cold start cannot go below while a function needs these libraries: a bare `python -I -S` in the
# function's folders, GC paused as the handlers pause it, CPU ms from process start to the end of the code.
INSIGHT_CLIENT = "import botocore.session; botocore.session.get_session().create_client('s3')"
API_LIBRARIES = "import fastapi, mangum, sqlalchemy.orm, pydantic_settings, structlog, jwt, argon2"
FLOORS = {
    "interpreter": ("insight", "pass"),
    "botocore + S3 client": ("insight", INSIGHT_CLIENT),
    "sqlalchemy.orm": ("insight", "import sqlalchemy.orm"),
    "full insight handler's libraries": (
        "insight",
        f"{INSIGHT_CLIENT}; import sqlalchemy.orm, pydantic_settings, structlog, jwt",
    ),
    # The express lane's cache hits, and what real S3 adds to them: moto here speaks plain HTTP.
    "express lane": ("insight", "import spendsense.aws.express"),
    "TLS client context": ("insight", "import ssl; ssl.create_default_context()"),
    "api libraries": ("api", API_LIBRARIES),
    "api libraries + polars": ("api", f"{API_LIBRARIES}, polars"),
}


def _store(path: Path) -> Path:
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    with session_scope(engine) as session:
        ingest_payload(session, USER, (PLAID / "transactions_get_example-1.json").read_bytes(), origin="bench")
        consent.record(session, USER, True, source="bench")
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


def _http(path: str, token: str | None = None) -> dict[str, Any]:
    headers = {"host": "api.example.com", **({"authorization": f"Bearer {token}"} if token else {})}
    context = {"http": {"method": "GET", "path": path, "sourceIp": "127.0.0.1"}, "stage": "$default"}
    return {"version": "2.0", "routeKey": "$default", "rawPath": path, "headers": headers, "requestContext": context}


def _websocket(token: str) -> dict[str, Any]:
    context = {"routeKey": "$connect", "connectionId": "bench", "domainName": "x", "stage": "bench"}
    return {"requestContext": context, "queryStringParameters": {"token": token}}


class Bench:
    def __init__(self, root: Path, built: BuildResult, endpoint: str) -> None:
        self.root, self.built, self.endpoint = root, built, endpoint
        self.secret = secrets.token_urlsafe(48)
        self.token = issue_token(Principal("customer", USER), self.secret, timedelta(hours=1), utcnow())
        self.store = _store(root / "store.db")
        self.folders = {name: unpack(report.stats.path, root / name) for name, report in built.functions.items()}
        self.folders["polars"] = unpack(built.layers["polars"].stats.path, root / "opt") / "python"
        self.runtime = runtime_site(root / "runtime")
        self.aws = {"AWS_ENDPOINT_URL": endpoint, "AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench"}
        self.aws |= {"AWS_REGION": "us-east-1", "AWS_DEFAULT_REGION": "us-east-1"}
        self._prepare_aws()

    def _prepare_aws(self) -> None:
        """The insights cache holds each insight (the usual case: the batch function warmed it); the table exists."""
        s3 = boto3.client("s3", **_client_options(self.endpoint))
        s3.create_bucket(Bucket="bench-insights")
        build_id = (self.folders["weekly-recap"] / BUILD_ENTRY).read_text()
        engine = make_engine(f"sqlite:///{self.store}")
        with session_scope(engine) as session:
            version = data_version(session, USER)
        engine.dispose()
        for kind in INSIGHTS:
            key = cache_key(USER, kind, None, version, build_id)
            s3.put_object(Bucket="bench-insights", Key=key, Body=json.dumps({"user_id": USER, "kind": kind}).encode())
        dynamodb = boto3.client("dynamodb", **_client_options(self.endpoint))
        dynamodb.create_table(
            TableName="bench-connections",
            BillingMode="PAY_PER_REQUEST",
            AttributeDefinitions=[{"AttributeName": "connection_id", "AttributeType": "S"}],
            KeySchema=[{"AttributeName": "connection_id", "KeyType": "HASH"}],
        )

    def env(self, run: int) -> dict[str, str]:
        copy = self.root / f"run-{run}" / "spendsense.db"
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(self.store.read_bytes())
        return bare_environment(
            ENVIRONMENT="test",
            JWT_SECRET=self.secret,
            DB_PATH=str(copy),
            SPENDSENSE_DATA_DIR=str(copy.parent),
            S3_BUCKET_INSIGHTS="bench-insights",
            SPENDSENSE_CONNECTIONS_TABLE="bench-connections",
            SPENDSENSE_INSIGHTS_COMPUTE_FUNCTION="bench-batch",
            **self.aws,
        )

    def scenarios(self) -> dict[str, tuple[list[Path], str, dict[str, Any]]]:
        config = load_config()
        plain = [self.folders["weekly-recap"], self.runtime]
        found = {
            "api": (
                [self.folders["api"], self.folders["polars"], self.runtime],
                config.functions["api"].handler,
                _http("/api/health"),
            )
        }
        for kind in INSIGHTS:
            found[kind] = (plain, config.functions[kind].handler, _http(f"/api/insights/{USER}/{kind}", self.token))
        found["websocket"] = (plain, config.functions["websocket"].handler, _websocket(self.token))
        batch = [self.folders["batch"], self.folders["polars"], self.runtime]
        found["batch"] = (batch, config.functions["batch"].handler, compute_request(USER, "net-worth", None))
        return found

    def floor(self, kind: str, code: str, runs: int) -> float:
        """Median CPU ms of a fresh interpreter that runs `code` with only the function's folders on sys.path."""
        paths, _, _ = self.scenarios()["api" if kind == "api" else "weekly-recap"]
        script = f"import gc, sys, time; gc.disable(); sys.path[:0] = {[str(p) for p in paths]!r}; {code}; "
        script += "print(time.process_time() * 1000)"
        command = [sys.executable, "-I", "-S", "-c", script]
        done = [
            subprocess.run(command, env=self.env(0), capture_output=True, text=True, check=True) for _ in range(runs)
        ]
        return _median(float(run.stdout.strip()) for run in done)

    def measure(self, name: str, runs: int, repeat: int) -> dict[str, Any]:
        paths, handler, event = self.scenarios()[name]
        reports: list[RunReport] = [run_handler(paths, handler, [event], self.env(run), repeat) for run in range(runs)]
        answer = reports[-1].answers[0]
        package = self.built.functions[name if name in self.built.functions else "weekly-recap"]
        return {
            "function": name,
            "status": answer.get("statusCode", answer.get("status")),
            "cold_ms": _median(r.cold_ms for r in reports),
            "cold_cpu_ms": _median(r.cold_cpu_ms for r in reports),
            "cold_parts_ms": {
                "process_start": _median(r.process_start_ms for r in reports),
                "import": _median(r.import_ms for r in reports),
                "first_event": _median(r.first_ms for r in reports),
            },
            "cold_parts_cpu_ms": {
                step: _median(r.cpu_ms[step] for r in reports) for step in ("start", "import", "first")
            },
            **_percentiles("warm", [ms for r in reports for ms in r.warm_ms]),
            **_percentiles("warm_cpu", [ms for r in reports for ms in r.warm_cpu_ms]),
            "zipped_mb": round(package.stats.zipped_mb, 2),
            "unzipped_with_layers_mb": round(package.total_unzipped_mb, 2),
            "budget_mb": package.budget.model_dump() if package.budget else None,
        }


def _median(values: Any) -> float:
    return round(float(statistics.median(values)), 1)


def _percentiles(name: str, values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        f"{name}_p50_ms": round(statistics.median(ordered), 2),
        f"{name}_p95_ms": round(ordered[int(len(ordered) * 0.95) - 1], 2),
    }


def _client_options(endpoint: str) -> dict[str, str]:
    return {
        "endpoint_url": endpoint,
        "region_name": "us-east-1",
        "aws_access_key_id": "b",
        "aws_secret_access_key": "b",
    }


def _target(name: str) -> float | None:
    return {"api": TARGETS_MS["api"], "websocket": None, "batch": None}.get(name, TARGETS_MS["insight"])


def _print(rows: list[dict[str, Any]]) -> None:
    table = Table(
        "function",
        "status",
        "zipped MB",
        "unzipped MB",
        "cold ms wall (start+import+first)",
        "cold ms CPU",
        "target",
        "warm p50 ms wall / CPU",
        "warm p95 ms wall",
    )
    for row in rows:
        parts, target = row["cold_parts_ms"], _target(row["function"])
        cold = f"{row['cold_ms']:.0f} ({parts['process_start']:.0f}+{parts['import']:.0f}+{parts['first_event']:.0f})"
        verdict = "" if target is None else ("[green]ok[/]" if row["cold_cpu_ms"] <= target else "[red]over[/]")
        table.add_row(
            row["function"],
            str(row["status"]),
            f"{row['zipped_mb']:.1f}",
            f"{row['unzipped_with_layers_mb']:.1f}",
            cold,
            f"{row['cold_cpu_ms']:.0f}",
            f"{target:.0f} {verdict}" if target else "-",
            f"{row['warm_p50_ms']:.2f} / {row['warm_cpu_p50_ms']:.2f}",
            f"{row['warm_p95_ms']:.2f}",
        )
    Console(width=180).print(table)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="2 cold starts and 20 warm calls per function, not 5 and 100"
    )
    args = parser.parse_args(argv)
    runs, repeat = (2, 20) if args.quick else (5, 100)
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # moto's request log
    load = os.getloadavg()[0]
    built = build(load_config(), Target("python3.11", "x86_64"))
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        with tempfile.TemporaryDirectory() as folder:
            bench = Bench(Path(folder), built, f"http://{host}:{port}")
            rows = [bench.measure(name, runs, repeat) for name in bench.scenarios()]
            floors = {label: bench.floor(kind, code, max(runs, 3)) for label, (kind, code) in FLOORS.items()}
    finally:
        server.stop()
    _print(rows)
    Console().print("floors, CPU ms: " + ", ".join(f"{label} {ms:.0f}" for label, ms in floors.items()))
    report: dict[str, Any] = {
        "machine": platform.platform(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
    }
    report |= {"load_average_at_start": round(load, 2), "runs": runs, "warm_calls": repeat}
    report |= {"targets_ms": TARGETS_MS, "functions": rows, "floors_cpu_ms": floors}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    partial = RESULTS.with_suffix(".json.tmp")
    partial.write_text(json.dumps(report, indent=2) + "\n")
    partial.replace(RESULTS)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
