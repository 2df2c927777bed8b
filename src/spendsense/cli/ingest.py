"""`spendsense ingest PATH... [--user USER_ID]`: Plaid bodies, sandbox configurations, generator output."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from spendsense.cli.app import app, console, err_console, fail, store
from spendsense.ingest.errors import IngestRejected
from spendsense.ingest.report import IngestReport
from spendsense.ingest.service import ingest_paths
from spendsense.kit.errors import SpendSenseError


class RichProgress:
    """The ingest `Progress` protocol drawn as Rich bars, one per step."""

    def __init__(self) -> None:
        self._bars = Progress(
            TextColumn("{task.description:<22}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err_console,
            transient=False,
        )
        self._tasks: dict[str, TaskID] = {}

    def __enter__(self) -> RichProgress:
        self._bars.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._bars.stop()

    def start(self, task: str, total: int | None) -> None:
        self._tasks[task] = self._bars.add_task(task, total=total)

    def advance(self, task: str, amount: int) -> None:
        self._bars.advance(self._tasks[task], amount)


def _print(report: IngestReport) -> None:
    table = Table("table", "rows", title="Ingested")
    for name, count in sorted(report.rows.items()):
        table.add_row(name, f"{count:,}")
    console.print(table)
    console.print(
        f"{report.files:,} file(s); {report.payloads_stored:,} payload(s) stored, "
        f"{report.payloads_skipped:,} already present; {report.users_created:,} user(s) created; "
        f"consent recorded for {report.consent_recorded:,}"
    )


@app.command()
def ingest(
    paths: Annotated[
        list[Path], typer.Argument(help="Plaid JSON files, sandbox configurations or generator directories.")
    ],
    user: Annotated[
        str | None, typer.Option("--user", help="Whose data plain Plaid files are (created if missing).")
    ] = None,
) -> None:
    """Ingest Plaid data all-or-nothing: a bad file names the field and stores nothing; repeats change nothing."""
    try:
        with RichProgress() as progress:
            report = ingest_paths(store(), paths, user, progress)
    except IngestRejected as exc:
        for problem in exc.problems:
            err_console.print(f"[red]rejected:[/] {problem}", highlight=False)
        fail(f"nothing was stored ({len(exc.problems)} problem(s))")
    except SpendSenseError as exc:
        fail(exc.detail)
    _print(report)
