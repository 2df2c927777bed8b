"""Each insight for one user with six months of data: p50 and p95 against a 20 ms budget.

The user is built here (seeded, about 1,100 transactions on checking, savings, a card and a
student loan, with payroll, rent, subscriptions, card payments, transfers and refunds), so
the figures do not depend on the generator's settings. The timings are taken in a child
process started as the API server runs (spendsense.api.server: Polars on one thread, the
process kept on one CPU). Run: `python -m bench.bench_insights
[--quick]`; it prints a table and writes bench/results/insights.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import polars as pl
from rich.console import Console
from rich.table import Table

from spendsense import tables
from spendsense.api.server import serving_environment
from spendsense.insights import (
    InsightData,
    analyze_spending,
    build_weekly_recap,
    compute_net_worth,
    list_subscriptions,
    suggest_budget,
    track_budget,
)
from spendsense.insights.types import BUDGETS
from spendsense.kit.cpu import pin_to_one_cpu

BUDGET_MS = 20.0
AS_OF = date(2026, 7, 15)
DAYS = 183
RESULTS = Path(__file__).resolve().parent / "results" / "insights.json"
USER = "bench-user"
SHOPS = {
    "FOOD_AND_DRINK": ["Corner Cafe", "Green Grocer", "Taco Stand", "Pizza Place", "Bakery"],
    "GENERAL_MERCHANDISE": ["Mega Mart", "Book Nook", "Online Store"],
    "TRANSPORTATION": ["Metro Transit", "Fuel Stop", "Ride Share"],
    "ENTERTAINMENT": ["Cinema", "Arcade"],
    "PERSONAL_CARE": ["Barber", "Pharmacy"],
}
INSIGHTS: dict[str, Callable[[InsightData, date], Any]] = {
    "weekly-recap": build_weekly_recap,
    "spending-analysis": analyze_spending,
    "suggested-budget": suggest_budget,
    "budget-tracking": track_budget,
    "net-worth": compute_net_worth,
    "subscriptions": list_subscriptions,
}


def _account(account_id: str, type_: str, subtype: str, current: int) -> dict[str, Any]:
    return {
        "account_id": account_id,
        "user_id": USER,
        "name": subtype.title(),
        "mask": account_id[-4:],
        "type": type_,
        "subtype": subtype,
        "holder_category": "personal",
        "is_business": False,
        "iso_currency_code": "USD",
        "current_cents": current,
    }


def _txn(
    rows: list[dict[str, Any]], account: str, day: date, cents: int, primary: str, name: str, **extra: Any
) -> None:
    rows.append(
        {
            "transaction_id": f"t{len(rows):05d}",
            "account_id": account,
            "user_id": USER,
            "date": day,
            "amount_cents": cents,
            "iso_currency_code": "USD",
            "name": name,
            "merchant_name": name,
            "pfc_primary": primary,
            "pfc_detailed": extra.pop("detailed", f"{primary}_OTHER"),
            "pending": extra.pop("pending", False),
        }
    )


def _monthly(rows: list[dict[str, Any]], day: date) -> None:
    _txn(rows, "chk-0001", day, 165000, "RENT_AND_UTILITIES", "Landlord", detailed="RENT_AND_UTILITIES_RENT")
    _txn(rows, "chk-0001", day + timedelta(days=2), 50000, "TRANSFER_OUT", "To savings")
    _txn(rows, "sav-0002", day + timedelta(days=2), -50000, "TRANSFER_IN", "From checking")
    _txn(rows, "chk-0001", day + timedelta(days=4), 32000, "LOAN_PAYMENTS", "Student loan")
    _txn(rows, "loan-0004", day + timedelta(days=4), -32000, "LOAN_PAYMENTS", "Payment received")
    card = ("LOAN_PAYMENTS", "Card payment")
    _txn(rows, "chk-0001", day + timedelta(days=20), 90000, *card, detailed="LOAN_PAYMENTS_CREDIT_CARD_PAYMENT")
    _txn(rows, "card-0003", day + timedelta(days=20), -90000, *card, detailed="LOAN_PAYMENTS_CREDIT_CARD_PAYMENT")
    _txn(rows, "card-0003", day + timedelta(days=11), 1549 if day.month < 5 else 1799, "ENTERTAINMENT", "Netflix")
    _txn(rows, "card-0003", day + timedelta(days=14), 1099, "ENTERTAINMENT", "Spotify")


def build_user(seed: int = 7) -> InsightData:
    """Six months of a plausible customer's data, the same for the same seed."""
    rng = random.Random(seed)
    rows: list[dict[str, Any]] = []
    start = AS_OF - timedelta(days=DAYS - 1)
    for offset in range(DAYS):
        day = start + timedelta(days=offset)
        if offset % 14 == 0:
            _txn(rows, "chk-0001", day, -265000, "INCOME", "ACME PAYROLL", detailed="INCOME_WAGES")
        if day.day == 1:
            _monthly(rows, day)
        if day.weekday() == 0:
            _txn(rows, "card-0003", day, 1500, "PERSONAL_CARE", "Gym")
        for _ in range(rng.randint(1, 4)):
            category = rng.choice(list(SHOPS))
            account = rng.choice(["card-0003", "card-0003", "chk-0001"])
            cents = rng.randint(300, 6000)
            _txn(rows, account, day, cents, category, rng.choice(SHOPS[category]), pending=offset >= DAYS - 2)
            if rng.random() < 0.02:
                _txn(rows, account, day, -cents, category, "Refund")
    rows = [row for row in rows if row["date"] <= AS_OF]  # the monthly bills of July would be in the future
    accounts = [
        _account("chk-0001", "depository", "checking", 420000),
        _account("sav-0002", "depository", "savings", 1250000),
        _account("card-0003", "credit", "credit card", 180000),
        _account("loan-0004", "loan", "student", 2300000),
    ]
    budgets = {"FOOD_AND_DRINK": 60000, "GENERAL_MERCHANDISE": 40000, "TRANSPORTATION": 30000, "ENTERTAINMENT": 15000}
    return InsightData(
        user_id=USER,
        accounts=pl.DataFrame(accounts, schema=tables.ACCOUNTS),
        transactions=pl.DataFrame(rows, schema=tables.TRANSACTIONS),
        liabilities=pl.DataFrame(schema=tables.LIABILITIES),
        budgets=pl.DataFrame(
            {"month": ["2026-07"] * len(budgets), "category": list(budgets), "amount_cents": list(budgets.values())},
            schema=BUDGETS,
        ),
    )


def _timings(
    compute: Callable[[InsightData, date], Any], data: InsightData, runs: int
) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds per run; CPU time shows the code's own cost on a busy machine."""
    compute(data, AS_OF)  # warm-up: first calls pay for imports and Polars' lazy initialisation
    wall, cpu = [], []
    for _ in range(runs):
        began, began_cpu = time.perf_counter(), time.process_time()
        compute(data, AS_OF)
        wall.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    return wall, cpu


def _percentile(values: list[float], share: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


def run(runs: int) -> dict[str, Any]:
    data = build_user()
    results = []
    for name, compute in INSIGHTS.items():
        wall, cpu = _timings(compute, data, runs)
        p95 = _percentile(wall, 0.95)
        results.append(
            {
                "insight": name,
                "p50_ms": round(statistics.median(wall), 2),
                "p95_ms": round(p95, 2),
                "cpu_p50_ms": round(statistics.median(cpu), 2),
                "ok": p95 <= BUDGET_MS,
            }
        )
    return {
        "benchmark": "insights",
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "runs": runs,
        "budget_ms": BUDGET_MS,
        "transactions": data.transactions.height,
        "python": platform.python_version(),
        "polars": pl.__version__,
        "polars_threads": pl.thread_pool_size(),
        "load_average_1m": round(os.getloadavg()[0], 2),
        "cpus": os.cpu_count(),
        "results": results,
    }


def _print(report: dict[str, Any]) -> None:
    title = (
        f"Insights, one user ({report['transactions']} transactions, {report['runs']} runs each; "
        f"load {report['load_average_1m']} on {report['cpus']} CPUs)"
    )
    title += f"; Polars on {report['polars_threads']} thread(s)"
    table = Table("insight", "p50 ms", "p95 ms", "CPU p50 ms", f"p95 <= {report['budget_ms']:g} ms", title=title)
    for row in report["results"]:
        ok = "yes" if row["ok"] else "NO"
        table.add_row(row["insight"], f"{row['p50_ms']:.2f}", f"{row['p95_ms']:.2f}", f"{row['cpu_p50_ms']:.2f}", ok)
    Console().print(table)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="20 runs per insight instead of 200")
    parser.add_argument("--child", type=int, metavar="RUNS", help=argparse.SUPPRESS)
    args, _ = parser.parse_known_args(argv)
    if args.child:
        print(json.dumps(run(args.child)))
        return 0
    runs = 20 if args.quick else 200
    child = subprocess.run(
        [sys.executable, "-m", "bench.bench_insights", "--child", str(runs)],
        env=serving_environment(os.environ),
        preexec_fn=pin_to_one_cpu,
        capture_output=True,
        text=True,
        check=False,
    )
    if child.returncode != 0:
        print(child.stderr, file=sys.stderr)
        return 1
    report = json.loads(child.stdout)
    _print(report)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    partial = RESULTS.with_suffix(".json.tmp")
    partial.write_text(json.dumps(report, indent=2) + "\n")
    partial.replace(RESULTS)
    return 0 if all(row["ok"] for row in report["results"]) else 1


if __name__ == "__main__":
    raise SystemExit(main())
