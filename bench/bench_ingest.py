"""Ingest throughput: generator Parquet into SQLite at 1k, 10k and 100k users, and 1k users of Plaid JSON.

Each case runs in a fresh process against a new SQLite file, so one case's caches and memory
never help the next; that process reports its own wall time for the ingest call (the store is
created and migrated before the clock starts) and its peak resident memory. Input comes from
`spendsense generate --seed 7 --as-of 2025-06-30 --months 6`, written once per size under
data/bench/ and reused. Run: `python -m bench.bench_ingest [--quick]`; it prints a table and
writes bench/results/ingest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "bench" / "ingest"
RESULTS = Path(__file__).resolve().parent / "results" / "ingest.json"
GENERATE = ("--seed", "7", "--as-of", "2025-06-30", "--months", "6")
CASES = (("parquet", 1_000), ("parquet", 10_000), ("parquet", 100_000), ("plaid", 1_000))
QUICK_CASES = (("parquet", 1_000), ("plaid", 100))
TABLES = ("users", "consent", "accounts", "transactions", "liabilities")


def _spendsense(*args: str) -> None:
    command = [sys.executable, "-c", "from spendsense.cli import app; app()", *args]
    subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def _input(fmt: str, users: int) -> Path:
    directory = DATA / f"{fmt}-{users}"
    if not (directory / "manifest.json").is_file():
        shutil.rmtree(directory, ignore_errors=True)
        _spendsense("generate", "--users", str(users), *GENERATE, "--format", fmt, "--out", str(directory))
    return directory


def child(directory: Path, database: Path) -> dict[str, Any]:
    """One measured ingest in this process (run by the parent as `--child`)."""
    from sqlalchemy import func, select, table

    from spendsense.ingest.service import ingest_paths
    from spendsense.kit.db import make_engine, migrate

    engine = make_engine(f"sqlite:///{database}")
    migrate(engine)
    started, cpu_started = time.perf_counter(), time.process_time()
    report = ingest_paths(engine, [directory])
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    with engine.connect() as conn:
        rows = {name: conn.execute(select(func.count()).select_from(table(name))).scalar_one() for name in TABLES}
    engine.dispose()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {
        "rows": sum(rows.values()),
        "transactions": rows["transactions"],
        "seconds": seconds,
        # CPU time of the call (all threads): on a shared machine it moves far less with other load than wall time.
        "cpu_seconds": cpu_seconds,
        "peak_rss_mb": peak_mb,
        "payloads_stored": report.payloads_stored,
    }


def _run_case(fmt: str, users: int) -> dict[str, Any]:
    directory = _input(fmt, users)
    database = DATA / f"ingest-{fmt}-{users}.db"
    for leftover in database.parent.glob(database.name + "*"):
        leftover.unlink()
    command = [sys.executable, "-m", "bench.bench_ingest", "--child", str(directory), str(database)]
    output = subprocess.run(command, check=True, cwd=ROOT, capture_output=True, text=True).stdout
    for leftover in database.parent.glob(database.name + "*"):
        leftover.unlink()  # the 100k store is several GB
    result = json.loads(output.strip().splitlines()[-1])
    return {"format": fmt, "users": users, **result, "rows_per_s": result["rows"] / result["seconds"]}


def _print(results: list[dict[str, Any]]) -> None:
    table = Table("input", "users", "rows", "transactions", "seconds", "CPU s", "rows/s", "peak RSS MB")
    table.title = "Ingest into SQLite"
    for r in results:
        cells = (r["format"], f"{r['users']:,}", f"{r['rows']:,}", f"{r['transactions']:,}", f"{r['seconds']:.1f}")
        table.add_row(*cells, f"{r['cpu_seconds']:.1f}", f"{r['rows_per_s']:,.0f}", f"{r['peak_rss_mb']:,.0f}")
    Console(width=120).print(table)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="1k users of Parquet and 100 of Plaid JSON only")
    parser.add_argument("--child", nargs=2, metavar=("DIR", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(Path(args.child[0]), Path(args.child[1]))))
        return 0
    DATA.mkdir(parents=True, exist_ok=True)
    results = [_run_case(fmt, users) for fmt, users in (QUICK_CASES if args.quick else CASES)]
    _print(results)
    report = {
        "benchmark": "ingest",
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": "python -m bench.bench_ingest" + (" --quick" if args.quick else ""),
        "store": "sqlite",
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "results": results,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
