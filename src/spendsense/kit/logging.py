"""Structured logs: key-value on a terminal, JSON lines where machines read them.

structlog is imported when the first line is logged, not when a module asks for its logger:
an API Lambda cold start that logs nothing but its invocation line (which `aws.invocation`
writes with the standard library) never pays the ~25 ms structlog's import costs.
`configure_logging` takes effect at that moment, or at once when structlog is already in use.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING, Any, TextIO, cast

if TYPE_CHECKING:
    import structlog

_pending: tuple[str, bool] | None = None


def configure_logging(level: str = "INFO", json: bool = False) -> None:
    global _pending  # noqa: PLW0603 (one process-wide configuration, as structlog's own)
    _pending = (level, json)
    if "structlog" in sys.modules:
        _apply()


def _apply() -> None:
    """Configure structlog as last asked (importing it)."""
    global _pending  # noqa: PLW0603
    import structlog

    if _pending is None:
        return
    level, json = _pending
    _pending = None
    processors: list[structlog.typing.Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    renderer: structlog.typing.Processor = (
        structlog.processors.JSONRenderer() if json else structlog.dev.ConsoleRenderer(colors=False)
    )
    structlog.configure(
        processors=[*processors, renderer],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level.upper())),
        logger_factory=structlog.PrintLoggerFactory(file=cast("TextIO", _CurrentStderr())),
        cache_logger_on_first_use=True,
    )


class _CurrentStderr:
    """`sys.stderr` as it is when a line is written, not when logging was configured.

    A command run by a test's CliRunner configures logging onto a stream that is closed when
    the command ends; every later line would then fail to write.
    """

    def write(self, text: str) -> int:
        return sys.stderr.write(text)

    def flush(self) -> None:
        sys.stderr.flush()


class _Logger:
    """structlog's logger for one name, looked up when a line is logged."""

    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        _apply()
        import structlog

        return getattr(structlog.get_logger(self._name), attribute)


def get_logger(name: str) -> structlog.typing.FilteringBoundLogger:
    return cast("structlog.typing.FilteringBoundLogger", _Logger(name))
