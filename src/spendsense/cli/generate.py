"""`spendsense generate`: deterministic synthetic users as Plaid JSON or Parquet, with ground-truth labels."""

from __future__ import annotations

import re
import time
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from spendsense.cli.app import app, console, fail
from spendsense.kit.errors import SpendSenseError
from spendsense.kit.logging import get_logger
from spendsense.synthetic.run import FORMATS, Request, Summary, generate

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_as_of(text: str) -> date:
    try:
        if not ISO_DATE.match(text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        fail(f"--as-of must be a date as YYYY-MM-DD (got {text!r})")


def _summary_table(request: Request, summary: Summary, seconds: float) -> Table:
    table = Table("", "", title=f"Generated {request.format} data in {request.out}", show_header=False)
    held = summary.users - summary.persona_mismatches
    rows = {
        "users": f"{summary.users:,}",
        "accounts": f"{summary.accounts:,}",
        "transactions": f"{summary.transactions:,}",
        "files": f"{summary.file_count:,}",
        "chunks": f"{summary.chunks}",
        "seconds": f"{seconds:.2f}",
        "users / second": f"{summary.users / max(seconds, 1e-9):,.0f}",
        "designed persona held": f"{held:,} of {summary.users:,} users",
    }
    for key, value in rows.items():
        table.add_row(key, value)
    return table


@app.command("generate")
def generate_command(
    out: Annotated[Path, typer.Option("--out", help="Output directory (empty, absent, or a previous output).")],
    as_of: Annotated[str, typer.Option("--as-of", help="Last day of the history, YYYY-MM-DD.")],
    users: Annotated[int, typer.Option("--users", help="How many users.")] = 100,
    seed: Annotated[int, typer.Option("--seed", help="Random seed: the same arguments give the same bytes.")] = 42,
    months: Annotated[int, typer.Option("--months", help="Months of history before the as-of date.")] = 6,
    output_format: Annotated[str, typer.Option("--format", help=f"One of: {', '.join(FORMATS)}.")] = "plaid",
) -> None:
    """Write deterministic synthetic users (Plaid response bodies or Parquet tables) and labels.json."""
    request = Request(users=users, seed=seed, as_of=parse_as_of(as_of), months=months, out=out, format=output_format)
    started = time.perf_counter()
    progress = Progress(
        TextColumn("generating"), BarColumn(), MofNCompleteColumn(), TextColumn("users"), TimeElapsedColumn(),
        console=console, transient=True,
    )  # fmt: skip
    try:
        with progress:
            task = progress.add_task("generate", total=users)
            summary = generate(request, lambda done, _total: progress.update(task, completed=done))
    except SpendSenseError as exc:
        fail(exc.detail)
    seconds = time.perf_counter() - started
    console.print(_summary_table(request, summary, seconds))
    get_logger("spendsense.generate").info(
        "generated",
        format=request.format,
        out=str(request.out),
        users=summary.users,
        transactions=summary.transactions,
        files=summary.file_count,
        seconds=round(seconds, 2),
        persona_mismatches=summary.persona_mismatches,
    )
