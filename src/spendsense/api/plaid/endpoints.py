"""POST /api/users/{user_id}/plaid: a Plaid body for one customer, validated, stored, then recomputed."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from spendsense.api.deps import ConsentedUserId, StateDep
from spendsense.api.errors import error_responses
from spendsense.api.events import Event
from spendsense.api.plaid import service
from spendsense.api.plaid.schemas import REQUEST_BODY, PlaidIngestResult
from spendsense.kit.errors import SpendSenseError

router = APIRouter(tags=["ingest"])


class PayloadTooLarge(SpendSenseError):
    status_code = 413
    error = "payload_too_large"


async def read_capped(request: Request, limit: int) -> bytes:
    """The body, refused (413) as soon as it is known to exceed `limit`, before it is all in memory."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(f"the body is larger than {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"the body is larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


# A year of transactions for a busy account is a few megabytes; far more is a mistake or an attack.
MAX_BODY_BYTES = 16 * 1024 * 1024


@router.post(
    "/users/{user_id}/plaid",
    response_model=PlaidIngestResult,
    responses=error_responses(401, 403, 404, 413, 422),
    summary="Ingest a Plaid response for a customer",
    openapi_extra={"requestBody": REQUEST_BODY},
)
async def ingest_plaid(user_id: ConsentedUserId, request: Request, state: StateDep) -> PlaidIngestResult:
    """All-or-nothing, like `spendsense ingest`: on any invalid field nothing is stored (422 lists them all).

    Then the customer's signals and personas are recomputed.
    """
    body = await read_capped(request, MAX_BODY_BYTES)  # the exact bytes: the raw payload is kept as received
    result = await run_in_threadpool(service.ingest_and_recompute, state.engine, state.settings.data_dir, user_id, body)
    # Published directly: the work above committed in its own units of work, not in a request session.
    state.hub.publish(Event("recommendations.updated", user_id, {"personas": result.personas}))
    return result
