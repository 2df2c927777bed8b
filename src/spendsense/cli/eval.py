"""`spendsense eval --out DIR`: score the engine on the store's data; the store is only read."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from spendsense.cli.app import app, console, fail, store
from spendsense.config import get_settings
from spendsense.eval.service import evaluate
from spendsense.kit.errors import SpendSenseError

DEMO_LABELS = Path("demo") / "labels.json"
EVAL_DIR = Path("eval")  # under data_dir, where the API reads metrics.json


def _labels(given: Path | None) -> Path | None:
    """An explicit --labels, else the demo data's labels.json when the generator wrote one."""
    if given is not None:
        return given
    default = get_settings().data_dir / DEMO_LABELS
    return default if default.exists() else None


@app.command("eval")
def eval_command(
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Folder for metrics, report, charts and traces (default: <data_dir>/eval)."),
    ] = None,
    labels: Annotated[
        Path | None, typer.Option(help="The generator's labels.json (default: data/demo/labels.json).")
    ] = None,
) -> None:
    """Evaluate coverage, explainability, auditability, relevance, latency, accuracy and fairness."""
    out = out if out is not None else get_settings().data_dir / EVAL_DIR
    try:
        with console.status("evaluating"):
            result = evaluate(store(), out, _labels(labels))
    except SpendSenseError as exc:
        fail(exc.detail)
    table = Table("metric", "value", "target", "status")
    for metric in result.metrics:
        status = {True: "[green]pass[/]", False: "[red]fail[/]", None: "reported"}[metric.passed]
        value = "n/a" if metric.value is None else f"{metric.value:.4g}"
        table.add_row(metric.name, value, metric.target, status)
    console.print(table)
    console.print(f"report: {out / 'report.md'}")
