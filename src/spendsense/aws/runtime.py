"""What every handler shares: the Lambda context's shape, the cold-start flag and one JSON log line per call.

CloudWatch receives one `invocation` line per event with the request id, route, status,
latency and whether this container was cold, so a Logs Insights query can chart them.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from spendsense.aws.invocation import ColdStart, Event, Handler, Invocation, LambdaContext, Response, write_invocation
from spendsense.kit.logging import configure_logging, get_logger

__all__ = ["ColdStart", "Event", "Handler", "Invocation", "LambdaContext", "Response", "observe"]

log = get_logger("spendsense.aws")


INFO_LEVELS = frozenset({"DEBUG", "INFO", "NOTSET"})
_invocations = {"logged": True}  # whether the configured level lets `info` lines (the invocation line) through


def configure_lambda_logging(level: str) -> None:
    """JSON lines on stderr: the Lambda JSON log format passes them to CloudWatch as structured records."""
    configure_logging(level, json=True)
    _invocations["logged"] = level.upper() in INFO_LEVELS


@contextmanager
def observe(context: LambdaContext, cold_start: ColdStart) -> Iterator[Invocation]:
    """Time one invocation and log it, whatever happens inside (an escaping error is logged, then re-raised)."""
    call = Invocation()
    cold = cold_start.take()
    started = time.perf_counter()
    try:
        yield call
    except Exception as exc:
        call.status = 500
        call.extra["error"] = type(exc).__name__
        raise
    finally:
        if _invocations["logged"]:
            fields: dict[str, Any] = {
                "function": context.function_name,
                "request_id": context.aws_request_id,
                "route": call.route,
            }
            fields |= {"status": call.status, "latency_ms": round((time.perf_counter() - started) * 1000, 2)}
            write_invocation({**fields, "cold_start": cold, **call.extra})
