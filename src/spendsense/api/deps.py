"""Shorthand dependency types, so routes read as what they need: SessionDep, CurrentUser, OperatorUser, ...

`ReadableUserId` (the owner or an operator, and the user exists) and `ConsentedUserId`
(that, plus consent granted) apply the rules of `spendsense.api.access` to a path's user id.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from spendsense.api.access import check_consented, check_readable, require_operator_exists
from spendsense.api.events import bind_publisher
from spendsense.api.state import ApiState, api_state
from spendsense.auth.errors import Forbidden, NotAuthenticated
from spendsense.auth.tokens import Principal, decode_token


async def get_state(request: Request) -> ApiState:
    """Async so FastAPI does not send this attribute read to the thread pool."""
    return api_state(request)


StateDep = Annotated[ApiState, Depends(get_state)]
EXAMPLE_USER_ID = "cust_1001"


def _finish(session: Session, succeeded: bool) -> None:
    try:
        if succeeded:
            session.commit()
        else:
            session.rollback()
    finally:
        session.close()


async def get_session(state: StateDep) -> AsyncIterator[Session]:
    """One unit of work per request: commit when the route returns, roll back when it raises.

    Async, because opening a session does no I/O (it connects at its first query); the end,
    which does, runs in the thread pool in one step.
    """
    session = Session(bind=state.engine, expire_on_commit=False)
    bind_publisher(session, state.hub)
    try:
        yield session
    except BaseException:
        await run_in_threadpool(_finish, session, False)
        raise
    await run_in_threadpool(_finish, session, True)


# scope="function": the commit happens before the response is sent, so a failed commit is the client's error too.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]

_bearer = HTTPBearer(auto_error=False, description="An access token from POST /api/auth/login.")


async def get_current_user(
    state: StateDep, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> Principal:
    """Async on purpose: checking a signature needs no I/O, so it stays off the thread pool."""
    if credentials is None:
        raise NotAuthenticated("log in first: send the header `Authorization: Bearer <token>`")
    return decode_token(credentials.credentials, state.secret)


CurrentUser = Annotated[Principal, Depends(get_current_user)]


def get_operator(principal: CurrentUser, session: SessionDep) -> Principal:
    if not principal.is_operator:
        raise Forbidden("this route is for operators")
    require_operator_exists(session, principal)
    return principal


OperatorUser = Annotated[Principal, Depends(get_operator)]


UserIdPath = Annotated[
    str, Path(min_length=1, max_length=64, description="The customer's user id.", examples=[EXAMPLE_USER_ID])
]


def get_readable_user_id(user_id: UserIdPath, principal: CurrentUser, session: SessionDep) -> str:
    """The path's customer, when the caller may read them (the owner, or an operator) and they exist."""
    check_readable(session, principal, user_id)
    return user_id


ReadableUserId = Annotated[str, Depends(get_readable_user_id)]


def get_consented_user_id(user_id: UserIdPath, principal: CurrentUser, session: SessionDep) -> str:
    """As ReadableUserId, and the customer has granted consent (one dependency: one trip to the thread pool)."""
    check_consented(session, principal, user_id)
    return user_id


ConsentedUserId = Annotated[str, Depends(get_consented_user_id)]
