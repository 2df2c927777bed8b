"""The engine in memory, as the evaluation sees it: signals and personas in one batch, then each
user's recommendations timed one user at a time (the latency metric)."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from spendsense.operator.step import engine_output
from spendsense.pipeline.documents import Outcome
from spendsense.pipeline.run import compute_outcome
from spendsense.recommend.catalog import default_catalog
from spendsense.recommend.profiles import prepare_lookups, profile_for
from spendsense.recommend.select import Selection, select
from spendsense.store.frames import Frames


@dataclass(frozen=True)
class EngineRun:
    outcome: Outcome
    selections: dict[str, list[Selection]]
    """Per user: one selection per window."""
    latency_ms: dict[str, float]
    """Per user: profile building, selection and review of both windows."""
    batch_ms_per_user: float
    """Signals, personas and the shared look-ups, divided by the number of users."""


def run_engine(frames: Frames, consented: Collection[str], as_of: date) -> EngineRun:
    users = sorted(set(consented) & set(frames.users["user_id"].to_list()))
    started = time.perf_counter()
    outcome = compute_outcome(users, frames.transactions, frames.accounts, frames.liabilities, as_of)
    output = engine_output(outcome, frames)
    found = prepare_lookups(output, users)
    batch = (time.perf_counter() - started) * 1000
    rows: dict[str, list[dict[str, object]]] = defaultdict(list)
    for row in output.signals.sort("user_id", "window").iter_rows(named=True):
        rows[row["user_id"]].append(row)
    catalog, selections, latency = default_catalog(), {}, {}
    if users and rows[users[0]]:
        # One untimed pass: compiling the tone patterns and loading the catalog happen once per process.
        select(profile_for(rows[users[0]][0], found), catalog)
    for user_id in users:
        clock = time.perf_counter()
        selections[user_id] = [select(profile_for(row, found), catalog) for row in rows[user_id]]
        latency[user_id] = (time.perf_counter() - clock) * 1000
    return EngineRun(outcome, selections, latency, batch / max(len(users), 1))
