"""`spendsense pipeline [--as-of DATE] [--user ID ...]`: signals and personas for consenting users."""

from __future__ import annotations

import gc
import json
from datetime import date, datetime
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from spendsense.cli.app import app, console, fail, store
from spendsense.config import get_settings
from spendsense.kit.cpu import pin_to_one_cpu
from spendsense.pipeline.run import PipelineSummary, run_pipeline

NEXT_STEP = {
    "load": "computing signals and personas",
    "compute": "writing the database",
    "database": "choosing recommendations",
    "recommend": "reading the store",
    "parquet": "done",
}


def _print(summary: PipelineSummary) -> None:
    users = f"{summary.users} user" + ("" if summary.users == 1 else "s")
    console.print(f"[bold]{users}[/], as of [bold]{summary.as_of}[/], windows {', '.join(summary.windows)}")
    if summary.skipped_without_consent:
        console.print(f"skipped (no consent): {', '.join(summary.skipped_without_consent)}")
    table = Table("primary persona", *summary.windows)
    names = sorted({name for counts in summary.personas.values() for name in counts})
    for name in names:
        table.add_row(name, *(str(summary.personas.get(window, {}).get(name, 0)) for window in summary.windows))
    console.print(table)
    console.print(" ".join(f"{stage} {seconds:.2f}s" for stage, seconds in summary.seconds.items()))


def _parse(as_of: str | None) -> date | None:
    if as_of is None:
        return None
    try:
        return datetime.strptime(as_of, "%Y-%m-%d").date()
    except ValueError:
        fail(f"--as-of must be YYYY-MM-DD, not {as_of!r}")


@app.command()
def pipeline(
    as_of: str | None = typer.Option(None, help="Last day of both windows (default: newest transaction date)."),
    user: Annotated[list[str] | None, typer.Option("--user", help="Recompute just these users (repeatable).")] = None,
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Compute every signal and persona for the 30- and 180-day windows, into the store and Parquet."""
    day = _parse(as_of)
    if user:
        pin_to_one_cpu()  # a few users' recompute is small work: one CPU (see spendsense.kit.cpu)
        gc.freeze()  # what is loaded by now outlives the run: the collector need not walk it (4 ms a recompute)
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, TimeElapsedColumn(), console=console, transient=True) as bar:
        task = bar.add_task("reading the store", total=None)

        def stage(name: str) -> None:
            bar.update(task, description=NEXT_STEP[name])

        def users(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)
            if done == total:
                bar.update(task, description="writing Parquet")

        summary = run_pipeline(store(), get_settings().data_dir, day, user or None, on_stage=stage, on_users=users)
    if as_json:
        console.print_json(json.dumps(summary.to_dict()))
    else:
        _print(summary)
