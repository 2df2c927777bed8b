"""`evaluate`: read the store, run the engine in memory, score it, write the report. The store is only read."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
from sqlalchemy import Engine

from spendsense.eval import accuracy, charts, metrics, report
from spendsense.eval.engine import EngineRun, run_engine
from spendsense.eval.fairness import Parity, fairness, outcomes_frame
from spendsense.eval.labels import UserLabels, load_labels
from spendsense.eval.stored import stored_state
from spendsense.eval.traces import write_traces
from spendsense.recommend.catalog import default_catalog
from spendsense.recommend.vocabulary import PERSONAS
from spendsense.store.frames import load_frames


@dataclass(frozen=True)
class Evaluation:
    summary: dict[str, Any]
    metrics: list[metrics.Metric]
    fairness: list[Parity]
    files: list[Path]


def _distribution(assignments: pl.DataFrame) -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = {}
    for row in assignments.group_by("window", "primary_persona").len().to_dicts():
        table.setdefault(row["window"], {})[row["primary_persona"] or "none"] = row["len"]
    return table


def score(run: EngineRun, labels: dict[str, UserLabels]) -> list[metrics.Metric]:
    signals, assignments = run.outcome.signals.signals, run.outcome.assignments
    items = metrics.chosen(run.selections)
    latency, _ = metrics.latency(run.latency_ms)
    found = [
        metrics.coverage(signals, assignments, "180d"),
        metrics.coverage(signals, assignments, "30d", target=False),
        metrics.explainability(items),
        metrics.auditability(items),
        metrics.relevance(items, labels, default_catalog()),
        *metrics.safety(items),
        *metrics.volume(run.selections),
        latency,
    ]
    if labels:
        found.append(accuracy.persona_accuracy(assignments, labels))
        processed = set(assignments["user_id"].to_list())
        found += accuracy.recurring_accuracy(run.outcome.signals.recurring_streams, labels, processed)
    return found


def _fairness(run: EngineRun, users: pl.DataFrame) -> list[Parity]:
    rows = run.outcome.assignments.filter(pl.col("window") == metrics.LONG_WINDOW).to_dicts()
    primary = {row["user_id"]: row["primary_persona"] for row in rows}
    offers = {
        user: frozenset(
            r.candidate.category
            for s in found
            if s.profile.window == metrics.LONG_WINDOW
            for r in s.chosen
            if r.kind == "offer"
        )
        for user, found in run.selections.items()
    }
    return fairness(outcomes_frame(users, primary, offers), PERSONAS)


def evaluate(engine: Engine, out: Path, labels_path: Path | None = None, as_of: date | None = None) -> Evaluation:
    frames = load_frames(engine)
    consented = frames.consent.filter(pl.col("granted"))["user_id"].to_list()
    newest = as_of or frames.transactions["date"].max()
    if not isinstance(newest, date):
        return Evaluation({"users_evaluated": 0}, [], [], [])
    labels = load_labels(labels_path) if labels_path else {}
    run = run_engine(frames, consented, newest)
    found, parities = score(run, labels), _fairness(run, frames.users)
    _, latency = metrics.latency(run.latency_ms)
    summary = {
        "as_of": newest.isoformat(),
        "users_total": frames.users.height,
        "users_evaluated": len(run.selections),
        "labels": str(labels_path) if labels_path else None,
        "latency_ms": latency,
        "batch_ms_per_user": run.batch_ms_per_user,
        "persona_distribution": _distribution(run.outcome.assignments),
        "items_by_kind": dict(Counter(r.kind for _, r in metrics.chosen(run.selections))),
        "stored": stored_state(engine),
    }
    return Evaluation(summary, found, parities, write(out, summary, found, parities, run))


def write(
    out: Path, summary: dict[str, Any], found: list[metrics.Metric], parities: list[Parity], run: EngineRun
) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    body = {**summary, "metrics": {m.name: m.to_dict() for m in found}, "fairness": [p.to_dict() for p in parities]}
    report.write_metrics(out, body, found)
    pictures = [
        charts.persona_chart(summary["persona_distribution"], out / "persona_distribution.png"),
        charts.fairness_chart(parities, out / "fairness.png"),
        charts.latency_chart(run.latency_ms, out / "latency.png"),
    ]
    document = report.write_report(out, summary, found, parities, [p.name for p in pictures])
    write_traces(out / "traces", run.selections, run.latency_ms)
    return [out / "metrics.json", out / "metrics.csv", document, *pictures, out / "traces"]
