"""Generation throughput: Plaid JSON for 100 and 1k users, Parquet for 1k, 10k and 100k users.

Each case runs in a fresh process (`--child`), so imports, caches and memory of one case never
help the next. The parent reports the process's wall time (start-up and imports included, as a
user running `spendsense generate` sees it); the child reports the time of the `generate()`
call alone, the CPU time of itself and its worker processes, its own peak memory and the
largest worker's. Peak memory is reported as the bound `main + workers x largest worker`,
since the workers run side by side. Arguments are those of
the ingest benchmark (`--seed 7 --as-of 2025-06-30 --months 6`); the output goes to
data/bench/generate/<format>-<users> and is deleted after its case (the ingest benchmark keeps
its own inputs, which another run may be reading).
Run: `python -m bench.bench_generate [--quick]`; it prints a table and writes bench/results/generate.json.
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
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "bench" / "generate"
RESULTS = Path(__file__).resolve().parent / "results" / "generate.json"
SEED, AS_OF, MONTHS = 7, date(2025, 6, 30), 6
CASES = (("plaid", 100), ("plaid", 1_000), ("parquet", 1_000), ("parquet", 10_000), ("parquet", 100_000))
QUICK_CASES = (("plaid", 100), ("parquet", 1_000))
TARGET_SECONDS = {("plaid", 100): 5.0, ("parquet", 100_000): 60.0}
MEMORY_LIMIT_MB = 4 * 1024


def child(fmt: str, users: int) -> dict[str, Any]:
    """One measured generation in this process (run by the parent as `--child`)."""
    from spendsense.synthetic.run import Request, chunk_bounds, generate
    from spendsense.synthetic.workers import default_workers

    request = Request(users=users, seed=SEED, as_of=AS_OF, months=MONTHS, out=DATA / f"{fmt}-{users}", format=fmt)
    started = time.perf_counter()
    summary = generate(request)
    seconds = time.perf_counter() - started
    mine, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "generate_seconds": seconds,
        "cpu_seconds": mine.ru_utime + mine.ru_stime + workers.ru_utime + workers.ru_stime,
        "workers": default_workers(len(chunk_bounds(users, MONTHS))),
        "main_peak_rss_mb": mine.ru_maxrss / 1024,  # KiB on Linux
        "worker_peak_rss_mb": workers.ru_maxrss / 1024,  # the largest worker
        "transactions": summary.transactions,
        "files": summary.file_count,
        "persona_mismatches": summary.persona_mismatches,
    }


def run_case(fmt: str, users: int) -> dict[str, Any]:
    DATA.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "bench.bench_generate", "--child", fmt, str(users)]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    output = process.stdout.read() if process.stdout else ""
    _, status, _ = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    shutil.rmtree(DATA / f"{fmt}-{users}", ignore_errors=True)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"generation of {users} {fmt} users failed")
    measured = json.loads(output.strip().splitlines()[-1])
    workers = measured["workers"] if measured["workers"] > 1 else 0  # a single chunk is built in-process
    peak_mb = measured["main_peak_rss_mb"] + workers * measured["worker_peak_rss_mb"]
    target = TARGET_SECONDS.get((fmt, users))
    return {
        "format": fmt,
        "users": users,
        **measured,
        "seconds": seconds,
        "users_per_s": users / seconds,
        "peak_rss_mb": peak_mb,
        "target_seconds": target,
        "ok": (target is None or seconds <= target) and peak_mb <= MEMORY_LIMIT_MB,
    }


def run(cases: tuple[tuple[str, int], ...], command: str) -> dict[str, Any]:
    load_before = os.getloadavg()[0]
    results = [run_case(fmt, users) for fmt, users in cases]
    return {
        "benchmark": "generate",
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": command,
        "arguments": {"seed": SEED, "as_of": AS_OF.isoformat(), "months": MONTHS},
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average_1m_before": round(load_before, 2),
        "load_average_1m_after": round(os.getloadavg()[0], 2),
        "results": results,
    }


def _print(report: dict[str, Any]) -> None:
    title = (
        f"Generation (seed {SEED}, {MONTHS} months; {report['cpus']} CPUs, "
        f"load {report['load_average_1m_before']} -> {report['load_average_1m_after']})"
    )
    table = Table(
        "format", "users", "transactions", "seconds", "users/s", "cpu s", "peak RSS MB", "target", title=title
    )
    for r in report["results"]:
        target = (
            "" if r["target_seconds"] is None else f"<= {r['target_seconds']:.0f} s " + ("ok" if r["ok"] else "MISSED")
        )
        table.add_row(
            r["format"], f"{r['users']:,}", f"{r['transactions']:,}", f"{r['seconds']:.2f}", f"{r['users_per_s']:,.0f}",
            f"{r['cpu_seconds']:.1f}", f"{r['peak_rss_mb']:,.0f}", target,
        )  # fmt: skip
    Console().print(table)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="100 users of Plaid JSON and 1k of Parquet only")
    parser.add_argument("--child", nargs=2, metavar=("FORMAT", "USERS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child[0], int(args.child[1]))))
        return 0
    command = "python -m bench.bench_generate" + (" --quick" if args.quick else "")
    report = run(QUICK_CASES if args.quick else CASES, command)
    _print(report)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    return 0 if all(r["ok"] for r in report["results"]) else 1


if __name__ == "__main__":
    raise SystemExit(main())
