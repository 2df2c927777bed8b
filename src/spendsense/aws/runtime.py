"""What every handler shares: the Lambda context's shape, the cold-start flag and one JSON log line per call.

CloudWatch receives one `invocation` line per event with the request id, route, status,
latency and whether this container was cold, so a Logs Insights query can chart them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol

from spendsense.kit.logging import configure_logging, get_logger

Event = dict[str, Any]
Response = dict[str, Any]

log = get_logger("spendsense.aws")


class LambdaContext(Protocol):
    """The attributes of the runtime's context object that handlers read."""

    @property
    def aws_request_id(self) -> str: ...

    @property
    def function_name(self) -> str: ...


Handler = Callable[[Event, LambdaContext], Response]


@dataclass
class Invocation:
    """Filled in by the handler while it works; logged when it ends."""

    route: str = "-"
    status: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class ColdStart:
    """True for the first event a container handles, False for every later one."""

    def __init__(self) -> None:
        self._cold = True

    def take(self) -> bool:
        cold, self._cold = self._cold, False
        return cold


def configure_lambda_logging(level: str) -> None:
    """JSON lines on stderr: the Lambda JSON log format passes them to CloudWatch as structured records."""
    configure_logging(level, json=True)


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
        # A logger per call rather than the module's: it binds to the logging configured at that time.
        get_logger("spendsense.aws").info(
            "invocation",
            function=context.function_name,
            request_id=context.aws_request_id,
            route=call.route,
            status=call.status,
            latency_ms=round((time.perf_counter() - started) * 1000, 2),
            cold_start=cold,
            **call.extra,
        )
