"""One error shape for every failure: `{"error": code, "detail": message}` (plus `fields` for bad input).

Domain errors carry their own status (`SpendSenseError`); a failure nobody foresaw becomes
a generic 500 whose traceback goes to the server log, never to the client.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from spendsense.kit.errors import SpendSenseError
from spendsense.kit.logging import get_logger

log = get_logger(__name__)

INTERNAL_DETAIL = "something went wrong on our side; it has been logged"
HTTP_ERRORS = {
    400: "bad_request",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
}


class FieldError(BaseModel):
    path: str = Field(description="Where the bad value is, e.g. `body.password` or `query.limit`.")
    message: str


class ErrorBody(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"error": "consent_required", "detail": "consent is required before ..."}]}
    )

    error: str = Field(description="A stable, machine-readable code.")
    detail: str = Field(description="What went wrong, for a person.")
    fields: list[FieldError] | None = Field(default=None, description="Each invalid input (422 only).")
    context: dict[str, Any] | None = Field(default=None, description="Identifiers the error is about.")


ERROR_DESCRIPTIONS = {
    401: "No valid access token.",
    403: "Not allowed: another customer's data, an operator-only route, or consent not granted.",
    404: "No such user, recommendation or route.",
    409: "The change conflicts with the current state.",
    413: "The request body is too large.",
    422: "Invalid input; `fields` says where.",
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for a route's error statuses, all with the one error body."""
    return {status: {"model": ErrorBody, "description": ERROR_DESCRIPTIONS[status]} for status in statuses}


def _body(error: str, detail: str, **extra: Any) -> dict[str, Any]:
    return {"error": error, "detail": detail, **{key: value for key, value in extra.items() if value}}


def _path(location: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in location)


async def _domain_error(_request: Request, exc: SpendSenseError) -> JSONResponse:
    if exc.status_code >= 500:
        # A server-side failure (configuration, policy file): its detail may name files, so it stays in the log.
        log.error("domain_error", error=exc.error, detail=exc.detail)
        return JSONResponse(_body(exc.error, INTERNAL_DETAIL), status_code=exc.status_code)
    return JSONResponse(exc.to_dict(), status_code=exc.status_code)


async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
    fields = [{"path": _path(tuple(item["loc"])), "message": item["msg"]} for item in exc.errors()]
    detail = "; ".join(f"{field['path']}: {field['message']}" for field in fields) or "invalid request"
    return JSONResponse(_body("invalid_input", detail, fields=fields), status_code=422)


async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
    error = HTTP_ERRORS.get(exc.status_code, "http_error")
    return JSONResponse(_body(error, str(exc.detail)), status_code=exc.status_code, headers=exc.headers)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.error("unhandled_error", path=request.url.path, error=type(exc).__name__)
    return JSONResponse(_body("internal_error", INTERNAL_DETAIL), status_code=500)


def install_error_handlers(app: FastAPI) -> None:
    app.exception_handler(SpendSenseError)(_domain_error)
    app.exception_handler(RequestValidationError)(_validation_error)
    app.exception_handler(StarletteHTTPException)(_http_error)
    # Starlette gives this one to its outermost middleware, which still re-raises so the server logs the traceback.
    app.exception_handler(Exception)(_unexpected)
