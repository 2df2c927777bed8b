"""One insight over HTTP without FastAPI: route, authenticate, check access and consent, then cache or compute.

Access and consent are checked on every call, cache hit or not, in the order the API
checks them, so the answer to an unauthorized or unconsented request is the API's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spendsense.aws.access import authenticate, check_consented
from spendsense.aws.database import LambdaDatabase
from spendsense.aws.http import HttpRequest, error_response, json_response, parse_http_event
from spendsense.aws.insight_cache import InsightCache, build_id, cache_key, data_version
from spendsense.aws.insight_compute import InsightComputer
from spendsense.aws.insight_keys import PATH, parse_as_of
from spendsense.aws.runtime import Invocation
from spendsense.kit.db import session_scope
from spendsense.kit.errors import NotFound, SpendSenseError


class MethodNotAllowed(SpendSenseError):
    status_code = 405
    error = "method_not_allowed"


def _route(kind: str, request: HttpRequest) -> str:
    match = PATH.match(request.path)
    if match is None or match["kind"] != kind:
        raise NotFound("Not Found")
    if request.method != "GET":
        raise MethodNotAllowed("Method Not Allowed")
    return match["user_id"]


@dataclass(frozen=True)
class InsightEndpoint:
    secret: str
    database: LambdaDatabase
    cache: InsightCache | None
    computer: InsightComputer
    cors_origins: Sequence[str]
    base_path: str = "/"

    def handle(self, kind: str, event: dict[str, Any], call: Invocation) -> dict[str, Any]:
        request = parse_http_event(event, self.base_path)
        call.route = f"{request.method} /api/insights/{{user_id}}/{kind}"
        try:
            user_id = _route(kind, request)
            body = self.database.run(lambda: self._answer(request, user_id, kind, call))
        except SpendSenseError as exc:
            call.status = exc.status_code
            return error_response(request, exc, self.cors_origins)
        call.status = 200
        return json_response(request, 200, body, self.cors_origins)

    def _answer(self, request: HttpRequest, user_id: str, kind: str, call: Invocation) -> bytes:
        principal = authenticate(request.bearer_token, self.secret)
        with session_scope(self.database.engine) as session:
            check_consented(session, principal, user_id)
            as_of = parse_as_of(request.query.get("as_of"))
            version = data_version(session, user_id)
        key = cache_key(user_id, kind, as_of, version, build_id())
        cached = self.cache.get(key) if self.cache else None
        call.extra["cache"] = "hit" if cached is not None else "miss"
        return cached if cached is not None else self.computer.compute(user_id, kind, as_of)
