"""`run_pipeline`: consenting users only, both windows, every signal and persona, stored twice.

One code path for a full run and for `--user ID`: the frames are simply filtered to the
requested users, and only their rows are replaced.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import polars as pl
from sqlalchemy import Engine

from spendsense.consent.service import consented_user_ids, has_consent
from spendsense.kit.clock import utcnow
from spendsense.kit.cpu import every_cpu
from spendsense.kit.db import session_scope
from spendsense.operator.step import recommend
from spendsense.personas.assign import assign_personas
from spendsense.personas.trace import criteria_trace
from spendsense.pipeline import documents, parquet, repository
from spendsense.pipeline.documents import Outcome
from spendsense.signals.compute import WINDOW_DAYS, compute_signals
from spendsense.signals.window import Window, sized_for
from spendsense.store.frames import Frames, load_frames

Stage = Callable[[str], None]


@dataclass(frozen=True)
class PipelineSummary:
    as_of: date | None
    users: int
    windows: tuple[str, ...]
    skipped_without_consent: tuple[str, ...] = ()
    personas: dict[str, dict[str, int]] = field(default_factory=dict)
    """Per window: primary persona (or "none") -> users."""
    rows: dict[str, int] = field(default_factory=dict)
    parquet_files: tuple[str, ...] = ()
    seconds: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        body = asdict(self)
        body["as_of"] = self.as_of.isoformat() if self.as_of else None
        return body


def compute_outcome(
    user_ids: Sequence[str], transactions: pl.DataFrame, accounts: pl.DataFrame, liabilities: pl.DataFrame, as_of: date
) -> Outcome:
    """Signals, personas and the flat decision trace for `user_ids`: the whole engine, no I/O."""
    with sized_for(transactions.height):
        result = compute_signals(user_ids, transactions, accounts, liabilities, as_of)
        return Outcome(result, assign_personas(result.signals), criteria_trace(result.signals))


def _persona_counts(assignments: pl.DataFrame) -> dict[str, dict[str, int]]:
    counts = assignments.group_by("window", "primary_persona").len().sort("window", "primary_persona")
    table: dict[str, dict[str, int]] = {}
    for row in counts.iter_rows(named=True):
        table.setdefault(row["window"], {})[row["primary_persona"] or "none"] = row["len"]
    return table


def _targets(engine: Engine, requested: Sequence[str] | None) -> tuple[list[str], tuple[str, ...], date | None]:
    """Who to compute, who was asked for but has no consent, and the default as-of date."""
    with session_scope(engine) as session:
        if requested is None:
            return consented_user_ids(session), (), repository.newest_transaction_date(session)
        chosen = [user for user in dict.fromkeys(requested) if has_consent(session, user)]
        skipped = tuple(user for user in requested if user not in chosen)
        return chosen, skipped, repository.recompute_as_of(session, chosen) if chosen else None


# Users turned into rows and inserted at a time. A decision trace lists the transactions behind
# each criterion, so as Python dicts 100,000 users' traces outgrew 24 GB; a slice stays small.
STORE_SLICE = 2_000


def _rows(part: Outcome, now: datetime, as_of: object) -> Iterator[tuple[str, list[documents.Row]]]:
    """Each table's rows for one slice, made one table at a time."""
    yield "signals", documents.signal_rows(part.signals, now)
    yield "recurring_streams", documents.stream_rows(part.signals.recurring_streams, as_of)
    yield "income_streams", documents.stream_rows(part.signals.income_streams, as_of)
    yield "persona_assignments", documents.assignment_rows(part, now)


def _store(engine: Engine, outcome: Outcome, windows: tuple[str, ...], user_ids: Sequence[str]) -> dict[str, int]:
    """Replace these users' stored rows in one transaction, converting `STORE_SLICE` users at a time."""
    now, as_of = utcnow(), outcome.signals.signals["as_of"].max()
    counts = dict.fromkeys(DATASETS, 0)
    users = outcome.signals.signals["user_id"].unique(maintain_order=True).to_list()
    with session_scope(engine) as session:
        repository.clear(session, windows, user_ids)
        for start in range(0, len(users), STORE_SLICE):
            whole = len(users) <= STORE_SLICE
            part = outcome if whole else documents.for_users(outcome, users[start : start + STORE_SLICE])
            for name, rows in _rows(part, now, as_of):
                counts[name] += repository.insert_rows(session, name, rows)
    return counts


# Users whose recommendations are selected and saved at a time: the selection builds Python
# objects per user (profile, facts, candidates), which for 90,000 users at once outgrew 24 GB.
RECOMMEND_SLICE = 5_000


def _recommend(
    engine: Engine, outcome: Outcome, frames: Frames, targets: Sequence[str], sweep: Sequence[str] | None
) -> int:
    """Recommendations for `targets`, a slice at a time; the last slice sweeps `sweep` (None: everyone)."""
    now, saved = utcnow(), 0
    slices = _slices(targets, RECOMMEND_SLICE)
    for index, users in enumerate(slices):
        last = index == len(slices) - 1
        part, part_frames = (
            (outcome, frames) if len(slices) == 1 else (documents.for_users(outcome, users), frames.for_users(users))
        )
        summary = recommend(engine, part, part_frames, users, now, sweep=sweep if last else users)
        saved += summary.created + summary.updated
    return saved


DATASETS = ("signals", "recurring_streams", "income_streams", "persona_assignments")
EXPORT_THREADS = len(DATASETS)
"""One a dataset. A user's recompute rewrites one part a dataset: eight parts (one a window) took 30-34 ms
from four threads, 35-45 from two, 49-52 from one; four parts with both windows take 18-22 from four.

A full run holds every dataset's concatenation at once while it writes; the largest (recurring
streams) was held alone before too."""


def _datasets(outcome: Outcome) -> dict[str, pl.DataFrame]:
    """What goes to Parquet: every table but the decision traces (those are in the database)."""
    found = outcome.signals
    frames = (found.signals, found.recurring_streams, found.income_streams, outcome.assignments)
    return dict(zip(DATASETS, frames, strict=True))


def _export(root: Path, parts: Sequence[dict[str, pl.DataFrame]], user_ids: Sequence[str] | None) -> list[Path]:
    """Each dataset's files from its own thread, on every CPU even in a process pinned to one.

    Writing a Parquet file is mostly Polars' native work, which runs outside the GIL.
    """

    def write(name: str) -> list[Path]:
        frame = pl.concat([part[name] for part in parts]) if len(parts) > 1 else parts[0][name]
        return parquet.write_dataset(root, name, frame, user_ids)

    with every_cpu(), ThreadPoolExecutor(EXPORT_THREADS, thread_name_prefix="parquet") as pool:
        return [path for written in pool.map(write, DATASETS) for path in written]


# Users loaded, computed, stored and recommended at a time by a full run. Loading and computing
# 100,000 users at once held about 11 GB before a row was stored; a slice holds a tenth of that.
RUN_SLICE = 10_000


def _slices(users: Sequence[str], size: int) -> list[Sequence[str]]:
    return [users[start : start + size] for start in range(0, len(users), size)]


def _add(total: dict[str, int], more: dict[str, int]) -> None:
    for name, count in more.items():
        total[name] = total.get(name, 0) + count


def _forget_others(engine: Engine, windows: tuple[str, ...], kept: Sequence[str]) -> None:
    """After a full run: remove what is stored for users it did not compute (consent withdrawn, or gone)."""
    with session_scope(engine) as session:
        repository.clear(session, windows, sorted(repository.stored_users(session, windows) - set(kept)))


def run_pipeline(
    engine: Engine,
    data_dir: Path,
    as_of: date | None = None,
    user_ids: Sequence[str] | None = None,
    on_stage: Stage = lambda _stage: None,
    on_users: Callable[[int, int], None] = lambda _done, _total: None,
) -> PipelineSummary:
    """Compute and store signals and personas for consenting users (all, or those of `user_ids`).

    A full run goes `RUN_SLICE` users at a time (load, compute, store, recommend), so its
    memory follows the slice, not the population; the Parquet copies are written once at the
    end, from every slice's output. `on_stage` hears each stage as it ends (stage seconds add
    up over slices); `on_users` hears (users done, users in all) after each slice.
    """
    seconds: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        seconds[stage] = round(seconds.get(stage, 0.0) + time.perf_counter() - clock, 3)
        clock = time.perf_counter()
        on_stage(stage)

    targets, skipped, newest = _targets(engine, user_ids)
    as_of = as_of or newest
    windows = tuple(Window(days, as_of or date.min).label for days in WINDOW_DAYS)
    if not targets or as_of is None:
        return PipelineSummary(as_of, 0, windows, skipped)
    chosen = targets if user_ids is not None else None  # None: everyone's rows are replaced
    slices = [targets] if chosen is not None else _slices(targets, RUN_SLICE)
    rows: dict[str, int] = {}
    exported: list[dict[str, pl.DataFrame]] = []
    done = 0
    for index, users in enumerate(slices):
        last = index == len(slices) - 1
        frames = load_frames(engine, users)
        lap("load")
        outcome = compute_outcome(users, frames.transactions, frames.accounts, frames.liabilities, as_of)
        lap("compute")
        with sized_for(frames.transactions.height):  # the stored documents are queries too
            _add(rows, _store(engine, outcome, windows, users))
        if chosen is None and last:
            _forget_others(engine, windows, targets)
        lap("database")
        exported.append(_datasets(outcome))
        sweep = chosen if chosen is not None else (None if last else users)
        _add(rows, {"recommendations": _recommend(engine, outcome, frames, users, sweep)})
        lap("recommend")
        done += len(users)
        on_users(done, len(targets))
    files = _export(data_dir, exported, chosen)
    lap("parquet")
    counts = _persona_counts(pl.concat([part["persona_assignments"] for part in exported]))
    return PipelineSummary(as_of, len(targets), windows, skipped, counts, rows, tuple(map(str, files)), seconds)
