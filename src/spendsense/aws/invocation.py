"""The shapes every handler shares (standard library only): events, the Lambda context, one call's record."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

Event = dict[str, Any]
Response = dict[str, Any]


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


def write_invocation(fields: dict[str, Any]) -> None:
    """One `invocation` line as structlog's JSON renderer writes it (event, level, timestamp), on stderr.

    Every call logs this line; writing it with the standard library keeps structlog's import
    (and its configuration) off a cold start that logs nothing else.
    """
    timestamp = datetime.now(UTC).isoformat().replace("+00:00", "Z")
    line = {**fields, "event": "invocation", "level": "info", "timestamp": timestamp}
    print(json.dumps(line, default=str), file=sys.stderr, flush=True)
