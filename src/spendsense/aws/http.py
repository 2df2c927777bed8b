"""HTTP events without a web framework: API Gateway REST (v1), HTTP API (1.0 and 2.0), ALB, Function URLs.

The insight functions parse requests and shape responses here; the API function hands the
event to Mangum after `strip_stage` has removed a named stage from the path.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, Literal

from spendsense.kit.errors import SpendSenseError

EventKind = Literal["rest", "http", "alb"]
JSON_HEADERS = {"content-type": "application/json"}
INTERNAL_DETAIL = "something went wrong on our side; it has been logged"
INTERNAL_ERROR = {"error": "internal_error", "detail": INTERNAL_DETAIL}


@dataclass(frozen=True)
class HttpRequest:
    kind: EventKind
    method: str
    path: str
    headers: Mapping[str, str]  # names lower-cased
    query: Mapping[str, str]
    multi_value: bool  # an ALB target group with multi-value headers wants them back the same way

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    @property
    def bearer_token(self) -> str | None:
        value = self.header("authorization") or ""
        scheme, _, token = value.partition(" ")
        if scheme.lower() != "bearer":
            return None
        return token.strip() or None

    @property
    def route(self) -> str:
        return f"{self.method} {self.path}"


def event_kind(event: Mapping[str, Any]) -> EventKind:
    context = event.get("requestContext") or {}
    if "elb" in context:
        return "alb"
    return "http" if "version" in event else "rest"


def _headers(event: Mapping[str, Any]) -> dict[str, str]:
    headers = {key.lower(): value for key, value in (event.get("headers") or {}).items()}
    for key, values in (event.get("multiValueHeaders") or {}).items():
        headers[key.lower()] = ", ".join(values)
    return headers


def _query(event: Mapping[str, Any]) -> dict[str, str]:
    query = dict(event.get("queryStringParameters") or {})
    for key, values in (event.get("multiValueQueryStringParameters") or {}).items():
        if values:
            query[key] = values[-1]
    return query


def _stage(event: Mapping[str, Any]) -> str:
    stage = (event.get("requestContext") or {}).get("stage") or "$default"
    return str(stage)


def _without_prefix(path: str, prefix: str) -> str:
    if path == prefix:
        return "/"
    return path[len(prefix) :] if path.startswith(prefix + "/") else path


def _path(event: Mapping[str, Any], kind: EventKind, base_path: str) -> str:
    http = (event.get("requestContext") or {}).get("http") or {}
    path = str(http.get("path") or event.get("rawPath") or event.get("path") or "/")
    # An HTTP API with a named stage puts the stage in the path; a REST API's `path` never has it.
    if kind == "http" and _stage(event) != "$default":
        path = _without_prefix(path, "/" + _stage(event))
    return _without_prefix(path, base_path.rstrip("/")) if base_path.strip("/") else path


def parse_http_event(event: Mapping[str, Any], base_path: str = "/") -> HttpRequest:
    kind = event_kind(event)
    http = (event.get("requestContext") or {}).get("http") or {}
    return HttpRequest(
        kind=kind,
        method=str(http.get("method") or event.get("httpMethod") or "GET").upper(),
        path=_path(event, kind, base_path),
        headers=_headers(event),
        query=_query(event),
        multi_value=kind == "alb" and "multiValueHeaders" in event,
    )


def strip_stage(event: dict[str, Any], base_path: str = "/") -> dict[str, Any]:
    """A copy of `event` whose path is what the app routes on: no named stage, no base path mapping."""
    kind = event_kind(event)
    path = _path(event, kind, base_path)
    copy = dict(event)
    if kind == "http" and event.get("version") == "2.0":
        context = dict(copy["requestContext"])
        context["http"] = {**context["http"], "path": path}
        copy["requestContext"], copy["rawPath"] = context, path
    else:
        copy["path"] = path
    return copy


def cors_headers(origin: str | None, allowed: Sequence[str]) -> dict[str, str]:
    """The same answer as the API's CORSMiddleware for a simple request: echo an allowed origin, else nothing."""
    if not origin or ("*" not in allowed and origin not in allowed):
        return {}
    return {"access-control-allow-origin": origin, "access-control-allow-credentials": "true", "vary": "Origin"}


def response(request: HttpRequest, status: int, body: bytes, headers: Mapping[str, str]) -> dict[str, Any]:
    """A proxy response in the shape the event's source expects."""
    text, is_binary = _body(body)
    out: dict[str, Any] = {"statusCode": status, "body": text, "isBase64Encoded": is_binary}
    if request.multi_value:
        out["multiValueHeaders"] = {key: [value] for key, value in headers.items()}
    else:
        out["headers"] = dict(headers)
    if request.kind == "alb":
        out["statusDescription"] = f"{status} {HTTPStatus(status).phrase}"
    return out


def json_response(request: HttpRequest, status: int, body: bytes, cors_origins: Sequence[str] = ()) -> dict[str, Any]:
    headers = {**JSON_HEADERS, **cors_headers(request.header("origin"), cors_origins)}
    return response(request, status, body, headers)


def error_response(request: HttpRequest, error: SpendSenseError, cors_origins: Sequence[str] = ()) -> dict[str, Any]:
    """The API's error shape; a server-side error keeps its detail in the log, as the API does."""
    payload = {"error": error.error, "detail": INTERNAL_DETAIL} if error.status_code >= 500 else error.to_dict()
    return json_response(request, error.status_code, json.dumps(payload).encode(), cors_origins)


def internal_error_response(request: HttpRequest, cors_origins: Sequence[str] = ()) -> dict[str, Any]:
    return json_response(request, 500, json.dumps(INTERNAL_ERROR).encode(), cors_origins)


def _body(body: bytes) -> tuple[str, bool]:
    try:
        return body.decode(), False
    except UnicodeDecodeError:
        return base64.b64encode(body).decode(), True
