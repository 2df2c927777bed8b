"""Run a handler out of unpacked Lambda folders, in a bare interpreter, as the Lambda runtime would.

    python -I -S runner.py --path TASK_DIR [--path LAYER_DIR ...] --handler MODULE.FUNCTION \\
        --events EVENTS.json [--repeat N]

`-I -S` keep this machine's site-packages out: only the given folders (the zip, its layers,
and what the Lambda runtime itself provides) are importable, so a dependency missing from
a zip fails here. Prints one JSON object: the answers, and how long the import, the first
event (the cold start) and each repeat of the last event (warm calls) took.
Standard library only, by necessity.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time

STARTED = time.perf_counter()
STARTED_AT = time.time()
# CPU time spent so far is the interpreter's own start; CPU figures stay honest on a busy machine.
CPU_STARTED = time.process_time()


class Context:
    function_name = "spendsense-local"
    memory_limit_in_mb = 512
    invoked_function_arn = "arn:aws:lambda:us-east-1:000000000000:function:spendsense-local"

    def __init__(self, number: int) -> None:
        self.aws_request_id = f"local-{number}"

    def get_remaining_time_in_millis(self) -> int:
        return 30_000


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 3)


def _cpu_ms(since: float) -> float:
    return round((time.process_time() - since) * 1000, 3)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--path", action="append", required=True)
    parser.add_argument("--handler", required=True)
    parser.add_argument("--events", required=True)
    parser.add_argument("--repeat", type=int, default=0)
    args = parser.parse_args()
    sys.path[:0] = args.path
    with open(args.events, encoding="utf-8") as handle:
        events = json.load(handle)

    module_name, _, function_name = args.handler.rpartition(".")
    handler = getattr(importlib.import_module(module_name), function_name)
    import_ms, import_cpu_ms = _ms(STARTED), _cpu_ms(CPU_STARTED)
    answers, first_ms, first_cpu_ms = [], 0.0, 0.0
    for number, event in enumerate(events):
        began, began_cpu = time.perf_counter(), time.process_time()
        answers.append(handler(event, Context(number)))
        if number == 0:
            first_ms, first_cpu_ms = _ms(began), _cpu_ms(began_cpu)
    warm, warm_cpu = [], []
    for number in range(args.repeat):
        began, began_cpu = time.perf_counter(), time.process_time()
        handler(events[-1], Context(len(events) + number))
        warm.append(_ms(began))
        warm_cpu.append(_cpu_ms(began_cpu))
    report = {
        "started_at": STARTED_AT,
        "import_ms": import_ms,
        "first_ms": first_ms,
        "start_cpu_ms": round(CPU_STARTED * 1000, 3),
        "import_cpu_ms": import_cpu_ms,
        "first_cpu_ms": first_cpu_ms,
        "warm_ms": warm,
        "warm_cpu_ms": warm_cpu,
        "answers": answers,
        "modules": sorted({name.partition(".")[0] for name in sys.modules}),
    }
    sys.stdout.write(json.dumps(report) + "\n")


if __name__ == "__main__":
    main()
