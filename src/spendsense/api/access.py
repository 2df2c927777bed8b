"""The API's use of the access rules (`spendsense.auth.access`): hot reads in one thread-pool hop."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from spendsense.auth.access import check_consented, check_readable, ensure_may_read, require_operator_exists
from spendsense.auth.tokens import Principal
from spendsense.kit.db import session_scope

__all__ = ["check_consented", "check_readable", "ensure_may_read", "read_consented", "require_operator_exists"]

T = TypeVar("T")


def _checked_read(engine: Engine, principal: Principal, user_id: str, read: Callable[[Session, str], T]) -> T:
    with session_scope(engine) as session:
        check_consented(session, principal, user_id)
        return read(session, user_id)


async def read_consented(engine: Engine, principal: Principal, user_id: str, read: Callable[[Session, str], T]) -> T:
    """Check access and consent, then `read(session, user_id)`: one unit of work, one trip to the thread pool.

    For the customer GET routes that are read the most: the dependency chain (session,
    access, consent, route) would take four trips to the pool, and those trips cost a
    quarter of such a request's CPU.
    """
    return await run_in_threadpool(_checked_read, engine, principal, user_id, read)
