"""GET /ws?token=...: live events over a WebSocket, for whoever the token names.

An operator receives every event (the review queue updates live); a customer only
events about their own data. Clients only listen; what they send is ignored.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Annotated

from fastapi import APIRouter, Query, WebSocket, WebSocketDisconnect, status
from starlette.concurrency import run_in_threadpool

from spendsense.api.hub import Subscription
from spendsense.api.state import ApiState, api_state
from spendsense.auth.errors import NotAuthenticated
from spendsense.auth.service import operator_exists
from spendsense.auth.tokens import Principal, decode_token
from spendsense.kit.db import session_scope

router = APIRouter()
# Close codes: 1008 policy violation (bad token), 1013 try again later (fell too far behind).
TRY_AGAIN_LATER = 1013


def _operator_exists(state: ApiState, name: str) -> bool:
    with session_scope(state.engine) as session:
        return operator_exists(session, name)


async def _authenticate(state: ApiState, token: str | None) -> Principal | None:
    try:
        principal = decode_token(token or "", state.secret)
    except NotAuthenticated:
        return None
    if principal.is_operator and not await run_in_threadpool(_operator_exists, state, principal.subject):
        return None
    return principal


async def _send_events(websocket: WebSocket, subscription: Subscription) -> None:
    while True:
        event = await subscription.queue.get()
        await websocket.send_json(event.to_json())
        if subscription.overflowed:
            await websocket.close(code=TRY_AGAIN_LATER, reason="too many events queued; reconnect and reload")
            return


async def _drain(websocket: WebSocket) -> None:
    """Read until the client goes away: that is how a closed connection is noticed while idle."""
    with contextlib.suppress(WebSocketDisconnect):
        while True:
            await websocket.receive_text()


@router.websocket("/ws")
async def live_events(
    websocket: WebSocket, token: Annotated[str | None, Query(description="An access token.")] = None
) -> None:
    state = api_state(websocket)
    principal = await _authenticate(state, token)
    if principal is None:
        await websocket.close(code=status.WS_1008_POLICY_VIOLATION, reason="a valid access token is required")
        return
    # Subscribe before accepting: once the client sees the connection open, no event can slip past it.
    subscription = state.hub.subscribe(principal)
    try:
        await websocket.accept()
        await websocket.send_json({"type": "ready", "role": principal.role, "subject": principal.subject})
        tasks = [asyncio.create_task(_send_events(websocket, subscription)), asyncio.create_task(_drain(websocket))]
        _done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()
    finally:
        state.hub.unsubscribe(subscription)
