"""traces/<user_id>.json: one document per user answering "why did I see this?" for every item."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from spendsense.recommend.select import Selection
from spendsense.recommend.trace import selection_summary, trace_for


def _item(selection: Selection, index: int) -> dict[str, Any]:
    reviewed = selection.chosen[index]
    candidate = reviewed.candidate
    return {
        "kind": candidate.kind,
        "item_id": candidate.item_id,
        "title": candidate.title,
        "rationale": candidate.rationale,
        "disclosure": candidate.disclosure,
        "cited_signals": list(candidate.cited_signals),
        "trace": trace_for(reviewed, selection),
    }


def user_trace(user_id: str, selections: list[Selection], latency_ms: float | None) -> dict[str, Any]:
    windows = {}
    for selection in selections:
        profile = selection.profile
        windows[profile.window] = {
            "as_of": profile.as_of.isoformat() if profile.as_of else None,
            "persona": profile.persona_summary(),
            "signals": dict(profile.signals),
            "detected_signals": sorted(profile.detected),
            "recommendations": [_item(selection, i) for i in range(len(selection.chosen))],
            "considered": selection_summary(selection),
        }
    return {"user_id": user_id, "latency_ms": latency_ms, "windows": windows}


def write_traces(folder: Path, selections: Mapping[str, list[Selection]], latency: Mapping[str, float]) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    for user_id, found in selections.items():
        body = user_trace(user_id, found, latency.get(user_id))
        (folder / f"{user_id}.json").write_text(json.dumps(body, indent=1, default=str), encoding="utf-8")
    return len(selections)
