"""Computing an insight on a cache miss: here (Polars present) or in the batch function (the insight zips).

The insight functions stay under their 10 MB budget by leaving Polars out, so on a miss
they ask the batch function, which carries Polars in its layer, to compute the insight
and fill the cache. `compute_and_cache` is that computation, wherever it runs: it takes
the data version in the same session it reads the data with, so the key always matches
the result stored under it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from sqlalchemy.orm import Session

from spendsense.aws.insight_cache import InsightCache, build_id, cache_key, data_version
from spendsense.kit.db import session_scope
from spendsense.kit.errors import SpendSenseError


class RemoteError(SpendSenseError):
    """An error the batch function answered with, carried back with its own status and code."""

    def __init__(self, status: int, error: str, detail: str) -> None:
        super().__init__(detail)
        self.status_code, self.error = status, error


class InsightComputer(Protocol):
    def compute(self, user_id: str, kind: str, as_of: date | None) -> bytes: ...


def compute_and_cache(
    session: Session, cache: InsightCache | None, user_id: str, kind: str, as_of: date | None
) -> bytes:
    """The insight as JSON, stored in the cache under the version of the data it was computed from."""
    from spendsense.insights.service import compute_insight  # Polars: never imported by the insight zips

    version = data_version(session, user_id)
    body = compute_insight(session, user_id, kind, as_of).model_dump_json().encode()
    if cache is not None:
        cache.put(cache_key(user_id, kind, as_of, version, build_id()), body)
    return body


@dataclass(frozen=True)
class LocalComputer:
    """Computes in this process (the batch and API functions, a checkout, tests)."""

    engine: Any
    cache: InsightCache | None

    def compute(self, user_id: str, kind: str, as_of: date | None) -> bytes:
        with session_scope(self.engine) as session:
            return compute_and_cache(session, self.cache, user_id, kind, as_of)


def compute_request(user_id: str, kind: str, as_of: date | None) -> dict[str, Any]:
    """The event the batch function answers with `compute_answer`."""
    return {"task": "insight", "user_id": user_id, "kind": kind, "as_of": as_of.isoformat() if as_of else None}


def compute_answer(computer: InsightComputer, event: dict[str, Any]) -> dict[str, Any]:
    as_of = date.fromisoformat(event["as_of"]) if event.get("as_of") else None
    try:
        body = computer.compute(str(event["user_id"]), str(event["kind"]), as_of)
    except SpendSenseError as exc:
        return {"status": exc.status_code, **exc.to_dict()}
    return {"status": 200, "body": body.decode()}


@dataclass(frozen=True)
class InvokeComputer:
    """Asks the batch function (synchronously) and returns what it computed."""

    lambda_client: Any
    function_name: str

    def compute(self, user_id: str, kind: str, as_of: date | None) -> bytes:
        answer = self.lambda_client.invoke(
            FunctionName=self.function_name, Payload=json.dumps(compute_request(user_id, kind, as_of)).encode()
        )
        payload = json.loads(answer["Payload"].read() or b"{}")
        if answer.get("FunctionError") or "status" not in payload:
            raise RemoteError(502, "upstream_error", f"{self.function_name} failed to compute the insight")
        if payload["status"] != 200:
            raise RemoteError(int(payload["status"]), str(payload["error"]), str(payload["detail"]))
        return str(payload["body"]).encode()
