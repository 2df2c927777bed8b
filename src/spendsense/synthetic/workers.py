"""Chunks as jobs: each builds its users and writes its own files, in this process or in a pool.

A chunk depends only on (seed, chunk number), so chunks can be built in any order and by any
process; the parent consumes the results in chunk order (labels.json and users.csv are appended
in that order), so the bytes never depend on the number of workers. Worker processes are
spawned, not forked: Polars' thread pool does not survive a fork.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spendsense.synthetic.calendar import History
from spendsense.synthetic.chunk import build_chunk
from spendsense.synthetic.writers import ChunkWriter, ParquetWriter, PlaidWriter

MAX_WORKERS = 3  # with the parent, under 3 GB whatever the machine


@dataclass(frozen=True)
class Job:
    seed: int
    number: int
    first_user: int
    users: int
    as_of: date
    months: int
    format: str
    root: Path


@dataclass(frozen=True)
class Produced:
    """What the parent needs from a written chunk (its tables stay in the worker)."""

    users: int
    transactions: int
    accounts: int
    mismatches: int
    label_lines: list[str]
    users_csv: str
    files: dict[str, list[str]]


def _writer(job: Job) -> ChunkWriter:
    return ParquetWriter(job.root) if job.format == "parquet" else PlaidWriter(job.root, job.as_of)


def produce(job: Job) -> Produced:
    chunk = build_chunk(job.seed, job.number, job.first_user, job.users, History.build(job.as_of, job.months))
    files = _writer(job).write(chunk, job.number)
    return Produced(
        users=job.users,
        transactions=chunk.tables["transactions"].height,
        accounts=chunk.tables["accounts"].height,
        mismatches=chunk.mismatches,
        label_lines=chunk.label_lines,
        users_csv=chunk.users_csv.write_csv(include_header=job.number == 0),
        files=files,
    )


def default_workers(chunks: int) -> int:
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS, chunks))


def produce_all(jobs: Sequence[Job], workers: int) -> Iterator[Produced]:
    """Results in job order. With several workers at most `workers + 1` chunks are in flight,
    so finished chunks never pile up in the parent while it waits for an earlier one."""
    if workers <= 1 or len(jobs) <= 1:
        yield from map(produce, jobs)
        return
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    window: deque[Future[Produced]] = deque()
    try:
        for job in jobs:
            window.append(pool.submit(produce, job))
            if len(window) > workers:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # on failure: no job left writing into the staging folder
