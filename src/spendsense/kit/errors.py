"""One error base class that carries its HTTP status; domains subclass it beside their code."""

from __future__ import annotations

from typing import Any


class SpendSenseError(Exception):
    status_code = 400
    error = "bad_request"

    def __init__(self, detail: str, **context: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.context = context

    def to_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {"error": self.error, "detail": self.detail}
        if self.context:
            body["context"] = self.context
        return body


class NotFound(SpendSenseError):
    status_code = 404
    error = "not_found"


class InvalidInput(SpendSenseError):
    status_code = 422
    error = "invalid_input"
