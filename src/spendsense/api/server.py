"""`python -m spendsense.api.server --host H --port P`: uvicorn serving the app, one worker.

`spendsense serve` prepares the store, prints how to log in and then becomes this process, so
the server imports only what the API needs and starts Polars with the environment below.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Mapping

from spendsense.kit.cpu import pin_to_one_cpu

# Every request computes for one customer: a few thousand rows, where waking Polars' worker
# threads for each small operation costs more than it saves (suggested budget: p50 10.8 ms on
# one thread against 14.7 ms of CPU on two, `python -m bench.bench_insights --quick`). Read by
# Polars when it is first imported, so it is set before anything imports it.
SERVING_ENVIRONMENT = {"POLARS_MAX_THREADS": "1"}


def serving_environment(base: Mapping[str, str]) -> dict[str, str]:
    """`base` with the serving defaults filled in; a value set by the operator wins."""
    return {**SERVING_ENVIRONMENT, **base}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m spendsense.api.server")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    arguments = parser.parse_args(argv)
    os.environ.update(serving_environment(os.environ))
    pin_to_one_cpu()  # one worker runs Python on one core anyway (see spendsense.kit.cpu)

    import uvicorn

    from spendsense.api.app import create_app
    from spendsense.kit.errors import SpendSenseError

    try:
        api = create_app()
    except SpendSenseError as exc:
        print(f"error: {exc.detail}", file=sys.stderr)
        return 2
    gc.freeze()  # the app as built lives as long as the server: the collector need not walk it on every request
    uvicorn.run(api, host=arguments.host, port=arguments.port, log_level="warning")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
