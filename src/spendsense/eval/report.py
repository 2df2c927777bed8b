"""metrics.json, metrics.csv and report.md (one to two pages, charts beside it as PNG)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from spendsense.eval.fairness import FOUR_FIFTHS, Parity
from spendsense.eval.metrics import Metric


def _value(metric: Metric) -> str:
    if metric.value is None:
        return "n/a"
    if metric.name.endswith("_ms") or metric.name == "unsafe_offers_served":
        return f"{metric.value:.2f}" if metric.name.endswith("_ms") else f"{metric.value:g}"
    return f"{metric.value:.1%}"


def _status(metric: Metric) -> str:
    return {True: "pass", False: "**FAIL**", None: "reported"}[metric.passed]


def write_metrics(out: Path, body: dict[str, Any], metrics: list[Metric]) -> None:
    (out / "metrics.json").write_text(json.dumps(body, indent=2, default=str), encoding="utf-8")
    with (out / "metrics.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["metric", "value", "target", "passed", "detail"])
        for metric in metrics:
            passed = "" if metric.passed is None else str(metric.passed).lower()
            writer.writerow(
                [metric.name, "" if metric.value is None else metric.value, metric.target, passed, metric.detail]
            )


def _metrics_table(metrics: list[Metric]) -> list[str]:
    rows = ["| metric | value | target | status | detail |", "|---|---|---|---|---|"]
    rows += [f"| {m.name} | {_value(m)} | {m.target} | {_status(m)} | {m.detail} |" for m in metrics]
    return rows


def _persona_table(distribution: dict[str, dict[str, int]]) -> list[str]:
    windows = sorted(distribution)
    names = sorted({n for counts in distribution.values() for n in counts})
    rows = [f"| primary persona | {' | '.join(windows)} |", "|---|" + "---|" * len(windows)]
    rows += [f"| {n} | {' | '.join(str(distribution[w].get(n, 0)) for w in windows)} |" for n in names]
    return rows


def _fairness_table(parities: list[Parity]) -> list[str]:
    flagged = [p for p in parities if p.flagged]
    rows = [
        f"{len(flagged)} of {sum(p.ratio is not None for p in parities)} ratios are under {FOUR_FIFTHS} "
        "(lowest group rate / highest group rate).",
        "",
        "| attribute | outcome | ratio | lowest group | highest group |",
        "|---|---|---|---|---|",
    ]
    for p in sorted(flagged, key=lambda p: p.ratio or 0.0)[:15]:
        low, high = min(p.rates, key=p.rates.__getitem__), max(p.rates, key=p.rates.__getitem__)
        rows.append(
            f"| {p.attribute} | {p.outcome} | {p.ratio:.2f} | {low} {p.rates[low]:.1%} (n={p.sizes[low]}) "
            f"| {high} {p.rates[high]:.1%} (n={p.sizes[high]}) |"
        )
    return rows


def _latency_line(latency: dict[str, float], batch: float) -> str:
    p50, p95, top = (latency.get(k, 0.0) for k in ("p50", "p95", "max"))
    return (
        "Latency per user (profile, selection and guardrail review of both windows): "
        f"p50 {p50:.2f} ms, p95 {p95:.2f} ms, max {top:.2f} ms. Signals, personas and the shared look-ups "
        f"run once for everyone: {batch:.2f} ms per user."
    )


def _stored(stored: dict[str, Any]) -> list[str]:
    statuses = ", ".join(f"{k} {v}" for k, v in sorted(stored["statuses"].items())) or "none yet (run the pipeline)"
    feedback = ", ".join(f"{k} {v}" for k, v in sorted(stored["feedback"].items())) or "none yet"
    helpful = stored["helpful_rate"]
    rate = "n/a" if helpful is None else f"{helpful:.0%}"
    return [f"Statuses in the store: {statuses}.", "", f"Customer feedback: {feedback}; helpful rate {rate}."]


FAIRNESS_READING = (
    "Personas describe behaviour, and behaviour differs between groups, so a flagged persona ratio "
    "is a finding to explain, not a decision about anyone. Offers are where unequal treatment would "
    "matter: `offer` is any offer (everyone gets one, a free budgeting session at least), "
    "`credit_offer` a lending product, where income floors and utilization ceilings decide; gaps "
    "there follow from those rules, and every offer waits for an operator before a customer sees it. "
    "Groups with few users give noisy ratios; the sizes are shown."
)


def write_report(
    out: Path, summary: dict[str, Any], metrics: list[Metric], parities: list[Parity], charts: list[str]
) -> Path:
    latency = summary["latency_ms"]
    lines = [
        "# SpendSense evaluation",
        "",
        f"As of {summary['as_of']}: {summary['users_evaluated']} consenting users of {summary['users_total']} "
        f"in the store; labels: {summary['labels'] or 'none (relevance scored against detected personas)'}.",
        "",
        "## Metrics against targets",
        "",
        *_metrics_table(metrics),
        "",
        _latency_line(latency, summary["batch_ms_per_user"]),
        "",
        "## Persona distribution",
        "",
        *_persona_table(summary["persona_distribution"]),
        "",
        "## Fairness (four-fifths rule)",
        "",
        *_fairness_table(parities),
        "",
        FAIRNESS_READING,
        "",
        "## Stored recommendations and feedback",
        "",
        *_stored(summary["stored"]),
        "",
        *(f"![{Path(c).stem}]({c})" for c in charts),
        "",
    ]
    path = out / "report.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
