"""The decision trace of one recommendation: why it was picked, what it cites, what the guardrails said.

"Why did I see this?" is answered by this one JSON document. The other candidates of the same
user and window (blocked ones with their reasons, skipped ones) are in `selection_summary`,
stored once per run rather than copied into every item.
"""

from __future__ import annotations

from typing import Any

from spendsense.recommend.select import Reviewed, Selection


def _outcome(reviewed: Reviewed) -> dict[str, Any]:
    return {
        "item_id": reviewed.candidate.item_id,
        "kind": reviewed.kind,
        "rank": reviewed.rank,
        "score": reviewed.fit.score,
        "passed": reviewed.verdict.passed,
        "reasons": list(reviewed.verdict.reasons),
    }


def selection_summary(selection: Selection) -> dict[str, Any]:
    return {
        "chosen": [_outcome(r) for r in selection.chosen],
        "blocked": [_outcome(r) for r in selection.blocked],
        "skipped": [{"item_id": s.item_id, "kind": s.kind, "reason": s.reason} for s in selection.skipped],
    }


def trace_for(reviewed: Reviewed, selection: Selection) -> dict[str, Any]:
    profile = selection.profile
    cited = {name: profile.signals.get(name) for name in reviewed.rationale.cites if name in profile.signals}
    matched = {name: profile.signals.get(name) for name in reviewed.fit.signals}
    return {
        "window": profile.window,
        "as_of": profile.as_of.isoformat() if profile.as_of else None,
        "persona": profile.persona_summary(),
        "fit": {**reviewed.fit.to_dict(), "rank": reviewed.rank},
        "signals": {**matched, **cited},
        "rationale": {
            "template": reviewed.rationale.template_id,
            "cites": list(reviewed.rationale.cites),
            "facts": reviewed.rationale.facts,
        },
        "guardrails": reviewed.verdict.to_dict(),
        "context": profile.context.to_dict(),
    }
