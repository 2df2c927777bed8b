"""API latency and throughput: uvicorn (one worker) on a generated SQLite store, 1 and 32 concurrent clients.

The store comes from `spendsense generate --format parquet` (seed 7, six months to 2025-06-30),
`spendsense ingest` and `spendsense pipeline`, built once per size under data/bench/ and reused
(with the generator output of the ingest benchmark, when it has the same parameters), or is
any computed store named with `--store`.
The server runs in its own process on a free loopback port; customer tokens are minted with
the secret it was started with. Each case sends a bounded number of requests, spread over
500 consenting customers, after one warm-up request per customer; the server's own CPU
per request is reported beside the wall-clock figures, with the client's own CPU and the load
average, because the machine is shared. Targets: p99 <= 50 ms at 32 clients, >= 500 requests/s.
Run: `python -m bench.bench_api [--quick] [--store PATH]` (100,000 users; --quick: 1,000); it
prints a table and writes bench/results/api.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import secrets
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from rich.console import Console
from rich.table import Table

from spendsense.auth.tokens import Principal, issue_token

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "bench"
RESULTS = Path(__file__).resolve().parent / "results" / "api.json"
GENERATE = ("--seed", "7", "--as-of", "2025-06-30", "--months", "6", "--format", "parquet")
ENDPOINTS = {
    "profile": "/api/profile/{user}",
    "recommendations": "/api/recommendations/{user}",
    "weekly-recap": "/api/insights/{user}/weekly-recap",
}
TARGET_P99_MS, TARGET_RPS = 50.0, 500.0
SAMPLED_USERS = 500
# Every case stops after this long even if its request count is not reached.
CASE_SECONDS = 120.0


@dataclass(frozen=True)
class Plan:
    users: int
    requests: dict[int, int]  # concurrency -> requests per case


FULL = Plan(users=100_000, requests={1: 1_000, 32: 5_000})
QUICK = Plan(users=1_000, requests={1: 300, 32: 2_000})


def _env(database: Path, data_dir: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "SPENDSENSE_DATA_DIR": str(data_dir), **extra}


def _generated_elsewhere(users: int) -> Path | None:
    """The ingest benchmark's generator output for `users`, when it was made with the same parameters."""
    wanted = {"users": users, "seed": 7, "as_of": "2025-06-30", "months": 6, "format": "parquet"}
    for folder in (DATA / "ingest" / f"parquet-{users}", DATA / f"parquet-{users}"):
        try:
            manifest = json.loads((folder / "manifest.json").read_text())
        except (OSError, ValueError):
            continue
        if all(manifest.get(key) == value for key, value in wanted.items()):
            return folder
    return None


def build_store(users: int) -> Path:
    """The store for `users` customers, generated, ingested and computed once, then reused."""
    folder = DATA / f"api-{users}"
    database, ready = folder / "spendsense.db", folder / "READY"
    if ready.exists():
        return database
    for stale in folder.glob("spendsense.db*"):
        stale.unlink()
    env = _env(database, folder / "data")
    cli = [sys.executable, "-c", "from spendsense.cli import app; app()"]
    generated = _generated_elsewhere(users)
    steps = [] if generated else [["generate", "--users", str(users), *GENERATE, "--out", str(folder / "generated")]]
    generated = generated or folder / "generated"
    steps += [["ingest", str(generated)], ["pipeline"]]
    for step in steps:
        print(f"building the {users:,}-user store: {step[0]}", file=sys.stderr)
        subprocess.run([*cli, *step], check=True, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    ready.write_text(datetime.now(UTC).isoformat())
    return database


def count_users(database: Path) -> int:
    with sqlite3.connect(database) as connection:
        return int(connection.execute("SELECT count(*) FROM users").fetchone()[0])


def sample_users(database: Path, count: int) -> list[str]:
    """Consenting customers spread over the whole id range (not just the first pages of the index)."""
    with sqlite3.connect(database) as connection:
        ids = [row[0] for row in connection.execute("SELECT user_id FROM consent WHERE granted ORDER BY user_id")]
    step = max(1, len(ids) // count)
    return ids[::step][:count]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_up(base: str, server: subprocess.Popen[bytes]) -> None:
    for _ in range(240):
        if server.poll() is not None:
            raise RuntimeError(f"the server exited with {server.returncode}")
        try:
            if httpx.get(f"{base}/api/health", timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    raise RuntimeError("the server did not answer /api/health within two minutes")


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU a process has used (Linux /proc), or None where that cannot be read."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def serve(database: Path, secret: str) -> Iterator[tuple[int, int]]:
    """`spendsense serve` on a free loopback port, stopped on exit."""
    port = free_port()
    env = _env(database, database.parent / "data", ENVIRONMENT="test", JWT_SECRET=secret)
    # Exactly as `make run` serves it: `spendsense serve` (uvicorn with uvloop and httptools, one worker).
    command = [sys.executable, "-c", "from spendsense.cli import app; app()", "serve", "--port", str(port)]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_up(base, server)
        yield port, server.pid
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes) -> int:
    """One request on a kept-alive connection; the response status. uvicorn always sends Content-Length here."""
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.lower().split(": ", 1) for line in header_lines if ": " in line)
    await reader.readexactly(int(headers["content-length"]))
    return int(status_line.split(" ", 2)[1])


async def _load(port: int, requests: list[bytes], concurrency: int, total: int) -> dict[str, Any]:
    """`concurrency` clients, each on its own connection, send `total` requests between them as fast as answered.

    The clients speak HTTP/1.1 over asyncio streams, like wrk: an httpx client spends
    about 3 ms of CPU per request, more than the server, and the two share the machine.
    """
    latencies: list[float] = []
    errors = 0
    next_index = 0
    deadline = time.perf_counter() + CASE_SECONDS

    async def client_loop() -> None:
        nonlocal next_index, errors
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while next_index < total and time.perf_counter() < deadline:
                request = requests[next_index % len(requests)]
                next_index += 1
                began = time.perf_counter()
                status = await _get(reader, writer, request)
                latencies.append((time.perf_counter() - began) * 1000)
                errors += status != 200
        finally:
            writer.close()

    began = time.perf_counter()
    await asyncio.gather(*(client_loop() for _ in range(concurrency)))
    elapsed = time.perf_counter() - began
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return {
        "requests": len(latencies),
        "errors": errors,
        "p50_ms": round(statistics.median(latencies), 2),
        "p99_ms": round(cuts[98], 2),
        "requests_per_s": round(len(latencies) / elapsed, 1),
    }


def _case(server: tuple[int, int], path: str, tokens: dict[str, str], concurrency: int, plan: Plan) -> dict[str, Any]:
    port, pid = server
    requests = [
        f"GET {path.format(user=user)} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n\r\n".encode()
        for user, token in tokens.items()
    ]
    # One request per sampled customer first: the steady state has warm pages, connections and views. The
    # first such pass of an endpoint is its cold case (each body built), reported beside the steady state.
    warm_up = asyncio.run(_load(port, requests, concurrency, len(requests)))
    before, client_before = cpu_seconds(pid), time.process_time()
    figures = asyncio.run(_load(port, requests, concurrency, plan.requests[concurrency]))
    after, client_after = cpu_seconds(pid), time.process_time()
    # The server's own CPU per request: what one worker could serve on a core of its own, whatever else runs.
    if before is not None and after is not None and after > before:
        figures["server_cpu_ms_per_request"] = round((after - before) * 1000 / figures["requests"], 3)
        figures["capacity_requests_per_s"] = round(figures["requests"] / (after - before))
    # The load generator shares the machine with the server: its own cost shows how much it took.
    figures["client_cpu_ms_per_request"] = round((client_after - client_before) * 1000 / figures["requests"], 3)
    figures["load_average"] = round(os.getloadavg()[0], 2)
    figures["warm_up"] = {key: warm_up[key] for key in ("requests", "errors", "p50_ms", "p99_ms", "requests_per_s")}
    # The targets are for the loaded case; one client alone measures plain latency.
    loaded_ok = figures["p99_ms"] <= TARGET_P99_MS and figures["requests_per_s"] >= TARGET_RPS
    figures["meets_targets"] = concurrency == 1 or loaded_ok
    return figures


def run(plan: Plan, store: Path | None = None) -> dict[str, Any]:
    database = store or build_store(plan.users)
    secret = secrets.token_urlsafe(48)
    now = datetime.now(UTC)
    tokens = {
        user: issue_token(Principal("customer", user), secret, timedelta(hours=2), now)
        for user in sample_users(database, SAMPLED_USERS)
    }
    results = []
    load_before = os.getloadavg()[0]
    with serve(database, secret) as server:
        for name, path in ENDPOINTS.items():
            for concurrency in plan.requests:
                figures = _case(server, path, tokens, concurrency, plan)
                results.append({"endpoint": name, "path": path, "clients": concurrency, **figures})
    return {
        "benchmark": "api",
        "measured_at": now.isoformat(timespec="seconds"),
        "users": count_users(database),
        "store": str(database),
        "sampled_users": len(tokens),
        "server": "spendsense serve (uvicorn, uvloop, httptools), 1 worker, SQLite",
        "targets": {"p99_ms_at_32_clients": TARGET_P99_MS, "requests_per_s": TARGET_RPS},
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average_at_start": round(load_before, 2),
        "results": results,
    }


def _print(report: dict[str, Any]) -> None:
    table = Table(
        "endpoint", "clients", "requests", "errors", "p50 ms", "p99 ms", "req/s", "CPU ms/req", "client ms/req",
        "load", "targets",
        title=f"API on {report['users']:,} users ({report['server']}; load average {report['load_average_at_start']})",
    )  # fmt: skip
    for row in report["results"]:
        table.add_row(
            row["endpoint"],
            str(row["clients"]),
            f"{row['requests']:,}",
            str(row["errors"]),
            f"{row['p50_ms']:.2f}",
            f"{row['p99_ms']:.2f}",
            f"{row['requests_per_s']:.0f}",
            f"{row.get('server_cpu_ms_per_request', float('nan')):.2f}",
            f"{row['client_cpu_ms_per_request']:.2f}",
            f"{row['load_average']:.1f}",
            "met" if row["meets_targets"] else "MISSED",
        )
    console = Console(width=150)
    console.print(table)
    # The first case of each endpoint warmed it: every customer's body was built then, one client at a time.
    for row in report["results"]:
        if row["clients"] == 1:
            cold = row["warm_up"]
            console.print(
                f"first read per customer, {row['endpoint']}: p50 {cold['p50_ms']:.2f} ms, "
                f"p99 {cold['p99_ms']:.2f} ms, {cold['requests_per_s']:.0f} req/s, {cold['errors']} errors"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="1,000 users and fewer requests")
    parser.add_argument("--store", type=Path, help="an existing computed SQLite store to serve instead of building one")
    args, _ = parser.parse_known_args(argv)
    if args.store and not args.store.is_file():
        parser.error(f"no store at {args.store}")
    report = run(QUICK if args.quick else FULL, args.store)
    report["command"] = "python -m bench.bench_api" + (" --quick" if args.quick else "")
    report["command"] += f" --store {args.store}" if args.store else ""
    _print(report)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    partial = RESULTS.with_suffix(".json.tmp")
    partial.write_text(json.dumps(report, indent=2) + "\n")
    partial.replace(RESULTS)
    return 0 if all(row["meets_targets"] for row in report["results"]) else 1


if __name__ == "__main__":
    sys.exit(main())
