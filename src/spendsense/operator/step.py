"""The pipeline's recommendation step: profiles -> selection -> guardrails -> the store, for one run.

Called by `pipeline.run` after signals and personas, with the frames it already holds, so
nothing is read twice. One unit of work: all users' recommendations commit together.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import Engine

from spendsense.kit.db import session_scope
from spendsense.operator.policy import ReviewPolicy, default_policy
from spendsense.operator.store import SaveSummary, hide_without_consent, save_selections
from spendsense.pipeline.documents import Outcome
from spendsense.recommend.catalog import Catalog, default_catalog
from spendsense.recommend.profiles import EngineOutput, build_profiles
from spendsense.recommend.select import Selection, select
from spendsense.store.frames import Frames


def engine_output(outcome: Outcome, frames: Frames) -> EngineOutput:
    return EngineOutput(
        signals=outcome.signals.signals,
        cards=outcome.signals.cards,
        recurring_streams=outcome.signals.recurring_streams,
        assignments=outcome.assignments,
        criteria=outcome.trace,
        accounts=frames.accounts,
        transactions=frames.transactions,
    )


def selections(output: EngineOutput, consented: Collection[str], catalog: Catalog | None = None) -> list[Selection]:
    """Every consenting user's selections (both windows), in memory: the pure half of the step."""
    chosen = catalog or default_catalog()
    return [select(profile, chosen) for profile in build_profiles(output, consented) if profile.context.consent_granted]


def recommend(
    engine: Engine,
    outcome: Outcome,
    frames: Frames,
    consented: Collection[str],
    now: datetime,
    policy: ReviewPolicy | None = None,
    sweep: Collection[str] | None = None,
) -> SaveSummary:
    """Select, review and store recommendations for the users of this run; hide what lost consent.

    The consent sweep covers every user, or only `sweep` (a recompute of a few users).
    """
    found = selections(engine_output(outcome, frames), consented)
    with session_scope(engine) as session:
        summary = save_selections(session, found, policy or default_policy(), now)
        summary.hidden += hide_without_consent(session, now, sweep)
    return summary
