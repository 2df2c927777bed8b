"""`pin_to_one_cpu` moves the threads already running too (Polars' pool exists once it is imported)."""

from __future__ import annotations

import os
import subprocess
import sys

CODE = """
import os, threading
from spendsense.kit.cpu import pin_to_one_cpu
started, stop = threading.Event(), threading.Event()
ids = []
def work():
    ids.append(threading.get_native_id()); started.set(); stop.wait()
thread = threading.Thread(target=work); thread.start(); started.wait()
pin_to_one_cpu()
print(len(os.sched_getaffinity(0)), len(os.sched_getaffinity(ids[0])))
stop.set(); thread.join()
"""


def _affinities(extra: dict[str, str]) -> list[int]:
    result = subprocess.run(
        [sys.executable, "-c", CODE], env={**os.environ, **extra}, capture_output=True, text=True, check=True
    )
    return [int(count) for count in result.stdout.split()]


def test_every_running_thread_is_moved_to_one_cpu() -> None:
    assert _affinities({}) == [1, 1]


def test_opting_out_leaves_the_affinity_alone() -> None:
    allowed = len(os.sched_getaffinity(0))
    assert _affinities({"SPENDSENSE_SERVER_PIN": "0"}) == [allowed, allowed]


EVERY_CPU = """
import os, threading
from spendsense.kit.cpu import every_cpu, pin_to_one_cpu
pin_to_one_cpu()
started, stop = threading.Event(), threading.Event()
ids = []
def work():
    ids.append(threading.get_native_id()); started.set(); stop.wait()
with every_cpu():
    thread = threading.Thread(target=work); thread.start(); started.wait()
    inside = (len(os.sched_getaffinity(0)), len(os.sched_getaffinity(ids[0])))
after = (len(os.sched_getaffinity(0)), len(os.sched_getaffinity(ids[0])))
print(*inside, *after)
stop.set(); thread.join()
"""


def test_every_cpu_lifts_the_pin_for_its_block_and_its_threads_then_pins_again() -> None:
    allowed = len(os.sched_getaffinity(0))
    result = subprocess.run([sys.executable, "-c", EVERY_CPU], capture_output=True, text=True, check=True)
    assert [int(count) for count in result.stdout.split()] == [allowed, allowed, 1, 1]


def test_every_cpu_without_a_pin_changes_nothing() -> None:
    code = "import os\nfrom spendsense.kit.cpu import every_cpu\nwith every_cpu(): print(len(os.sched_getaffinity(0)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(result.stdout) == len(os.sched_getaffinity(0))
