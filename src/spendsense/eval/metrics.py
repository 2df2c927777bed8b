"""The evaluation's metrics, each a small pure function over the engine's in-memory output."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from statistics import quantiles
from typing import Any

import polars as pl

from spendsense.eval.labels import UserLabels
from spendsense.guardrails.disclosure import DISCLOSURE
from spendsense.guardrails.eligibility import check_eligibility
from spendsense.guardrails.predatory import check_predatory
from spendsense.guardrails.tone import check_tone
from spendsense.recommend.catalog import Catalog
from spendsense.recommend.select import EDUCATION_LIMITS, OFFER_LIMITS, Limits, Reviewed, Selection
from spendsense.recommend.trace import trace_for

LONG_WINDOW = "180d"
TRACE_SECTIONS = ("persona", "fit", "signals", "rationale", "guardrails", "context")
GUARDRAILS = {"consent", "predatory", "eligibility", "tone", "disclosure"}
_DATA = re.compile(r"\d")


@dataclass(frozen=True)
class Metric:
    name: str
    value: float | None
    target: str
    passed: bool | None
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "target": self.target, "passed": self.passed, "detail": self.detail}


def share(flags: Iterable[bool]) -> float | None:
    values = list(flags)
    return sum(values) / len(values) if values else None


def _at_least(name: str, value: float | None, floor: float, detail: str = "") -> Metric:
    return Metric(name, value, f">= {floor:.0%}", None if value is None else value >= floor, detail)


def chosen(selections: Mapping[str, list[Selection]]) -> list[tuple[Selection, Reviewed]]:
    return [(s, r) for found in selections.values() for s in found for r in s.chosen]


def coverage(
    signals: pl.DataFrame, assignments: pl.DataFrame, window: str = LONG_WINDOW, target: bool = True
) -> Metric:
    """Strict: a persona AND at least three behaviours (docs/signals.md, "Behaviours").

    The target applies to the 180-day window, the one the labels describe; a month can
    honestly show no persona (a savings pattern needs more than one paycheck to appear).
    """
    rows = signals.filter(pl.col("window") == window).join(assignments, on=["user_id", "window"], how="left")
    covered = rows.select((pl.col("primary_persona").is_not_null() & (pl.col("behaviour_count") >= 3)).alias("ok"))
    value, detail = share(covered["ok"].to_list()), f"{rows.height} users"
    if not target:
        return Metric(f"coverage_{window}", value, "reported", None, detail)
    return _at_least(f"coverage_{window}", value, 1.0, detail)


def explains(reviewed: Reviewed) -> bool:
    """A data-citing rationale: facts were rendered, signals cited, a number shown, no placeholder left."""
    text = reviewed.rationale.text
    return bool(reviewed.rationale.facts and reviewed.rationale.cites and _DATA.search(text)) and "{" not in text


def explainability(items: list[tuple[Selection, Reviewed]]) -> Metric:
    return _at_least("explainability", share(explains(r) for _, r in items), 1.0, f"{len(items)} items")


def audited(selection: Selection, reviewed: Reviewed) -> bool:
    trace = trace_for(reviewed, selection)
    checks = {c["guardrail"] for c in trace["guardrails"]["checks"]}
    return all(trace.get(k) is not None for k in TRACE_SECTIONS) and checks == GUARDRAILS


def auditability(items: list[tuple[Selection, Reviewed]]) -> Metric:
    return _at_least("auditability", share(audited(s, r) for s, r in items), 1.0, f"{len(items)} items")


def relevant(reviewed: Reviewed, selection: Selection, labels: UserLabels | None, catalog: Catalog) -> bool:
    """Fits the labelled personas or a detected signal; general items fit only users the labels give no persona."""
    item = catalog.item(reviewed.candidate.item_id)
    personas = set(labels.personas) if labels else set(selection.profile.personas)
    if item.is_general:
        return not personas
    return bool(personas & set(item.personas)) or bool(selection.profile.detected & set(item.signals))


def relevance(items: list[tuple[Selection, Reviewed]], labels: Mapping[str, UserLabels], catalog: Catalog) -> Metric:
    flags = [relevant(r, s, labels.get(s.profile.user_id), catalog) for s, r in items]
    labelled = sum(s.profile.user_id in labels for s, _ in items)
    return _at_least("relevance", share(flags), 0.95, f"{len(items)} items, {labelled} scored against labels")


def safety(items: list[tuple[Selection, Reviewed]]) -> list[Metric]:
    """Re-checked from scratch on what was chosen: the exact disclosure, clean tone, nothing unsafe served."""
    disclosed = share(r.candidate.disclosure == DISCLOSURE for _, r in items)
    clean = share(check_tone(r.candidate, s.profile.context).passed for s, r in items)
    offers = [(s, r) for s, r in items if r.kind == "offer"]
    unsafe = sum(
        not (
            check_eligibility(r.candidate, s.profile.context).passed
            and check_predatory(r.candidate, s.profile.context).passed
        )
        for s, r in offers
    )
    return [
        _at_least("disclosure", disclosed, 1.0),
        _at_least("tone_clean", clean, 1.0),
        Metric("unsafe_offers_served", float(unsafe), "= 0", unsafe == 0, f"{len(offers)} offers"),
    ]


def _within(limits: Limits, selection: Selection, kind: str) -> bool:
    return limits.minimum <= sum(r.kind == kind for r in selection.chosen) <= limits.maximum


def volume(selections: Mapping[str, list[Selection]]) -> list[Metric]:
    found = [s for per_user in selections.values() for s in per_user]
    education = share(_within(EDUCATION_LIMITS, s, "education") for s in found)
    offers = share(_within(OFFER_LIMITS, s, "offer") for s in found)
    return [
        _at_least("education_3_to_5", education, 1.0, f"{len(found)} user-windows"),
        _at_least("offers_1_to_3", offers, 1.0, f"{len(found)} user-windows"),
    ]


def latency(per_user_ms: Mapping[str, float], limit_ms: float = 50.0) -> tuple[Metric, dict[str, float]]:
    values = sorted(per_user_ms.values())
    if not values:
        return Metric("latency_p95_ms", None, f"<= {limit_ms:g} ms", None), {}
    cuts = quantiles(values, n=100, method="inclusive") if len(values) > 1 else [values[0]] * 99
    stats = {"p50": cuts[49], "p95": cuts[94], "max": values[-1]}
    return Metric("latency_p95_ms", stats["p95"], f"<= {limit_ms:g} ms", stats["p95"] <= limit_ms), stats
