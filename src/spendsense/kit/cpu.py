"""Keeping small work on one CPU.

One customer's computation hands work between Python's thread and Polars' threads hundreds of
times. On a 2-vCPU VM an idle vCPU is halted, and waking it on every hand-off doubled the
cost of that work (see docs/decisions.md, "The server runs Polars on one thread"). Work for
many users keeps every CPU.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PIN_VARIABLE = "SPENDSENSE_SERVER_PIN"


_unpinned: dict[str, set[int]] = {}
"""Under "cpus": the CPUs this process had before `pin_to_one_cpu`, while it is pinned."""


def _set_every_thread(cpus: set[int]) -> None:
    tasks = Path("/proc/self/task")
    for thread_id in [int(entry.name) for entry in tasks.iterdir()] if tasks.is_dir() else [0]:
        try:
            os.sched_setaffinity(thread_id, cpus)
        except ProcessLookupError:  # the thread has ended since the listing
            continue


def pin_to_one_cpu() -> None:
    """Put every thread of this process, and the threads it starts later, on one CPU.

    `SPENDSENSE_SERVER_PIN=0` opts out. Threads already running (Polars' pool, once Polars
    is imported) are moved too, through /proc/self/task.
    """
    if os.environ.get(PIN_VARIABLE, "1") == "0" or not hasattr(os, "sched_setaffinity"):
        return
    allowed = os.sched_getaffinity(0)
    if len(allowed) <= 1:
        return
    _unpinned.setdefault("cpus", allowed)
    _set_every_thread({min(allowed)})


@contextmanager
def every_cpu() -> Iterator[None]:
    """Undo `pin_to_one_cpu` for a block whose work runs in parallel (files written from threads), then pin again.

    Without a pin it changes nothing.
    """
    before = _unpinned.pop("cpus", None)
    if before is None:
        yield
        return
    _set_every_thread(before)
    try:
        yield
    finally:
        _unpinned["cpus"] = before
        _set_every_thread({min(before)})
