"""What the HTTP handlers share: whatever fails, the caller gets the API's JSON error shape, never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spendsense.aws.http import error_response, internal_error_response, parse_http_event
from spendsense.aws.runtime import Invocation, log
from spendsense.config import get_settings
from spendsense.kit.errors import SpendSenseError


def _cors_origins() -> list[str]:
    """CORS_ORIGINS, or none when the settings themselves are what failed."""
    try:
        return get_settings().cors_origins
    except Exception:
        return []


def answer_http(event: dict[str, Any], call: Invocation, produce: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """`produce()`'s response; an error raised on the way (start-up included) as a JSON error response."""
    try:
        return produce()
    except SpendSenseError as exc:
        call.status = exc.status_code
        if exc.status_code >= 500:
            log.error("handler_error", error=exc.error, detail=exc.detail)
        return error_response(parse_http_event(event), exc, _cors_origins())
    except Exception:
        # The traceback goes to CloudWatch; the caller only learns that it was our fault.
        log.exception("unhandled_error")
        call.status = 500
        return internal_error_response(parse_http_event(event), _cors_origins())
