"""What customers read most (profile, recommendations, insights), answered from memory while it still holds.

Three questions decide whether a remembered answer still holds, the cheapest first:

1. Has anyone committed to the store since it was made (`StoreGeneration`: microseconds,
   no query)? If not, the body and the caller's access verdict reached at that
   generation are both still right, and the answer comes straight from the event loop.
2. Otherwise, one indexed read (`freshness`): does the customer still exist with consent,
   does the calling operator still exist, and is the version of the view's inputs (for
   this customer only) the one the body was made from? On SQLite that read is cheaper on
   the event loop than a trip to the thread pool; if all three hold, the body is kept.
3. Otherwise, in the thread pool: the access rules themselves (`check_consented`, which
   raise the usual 403/404), and the body built again if its version moved.

So a write anywhere, by any process, costs each view one cheap read, and only a write to
a customer's own data rebuilds their views. PostgreSQL has no commit counter, so there
every read takes step 3, reusing the body when its version stands. Answers carry an ETag;
a client that sends it back gets 304 once the checks have passed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Header
from sqlalchemy import ColumnElement, Engine, Select, String, bindparam, func, select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from spendsense.api.cache import MAX_ENTRIES, ResponseCache
from spendsense.api.generation import Generation, StoreGeneration
from spendsense.auth.access import check_consented, ensure_may_read
from spendsense.auth.tokens import Principal
from spendsense.kit.db import session_scope
from spendsense.models import Consent, Operator, User

Build = Callable[[Session, str], bytes]
USER_ID = bindparam("user_id", type_=String)
_OPERATOR = bindparam("operator", type_=String)

IfNoneMatch = Annotated[
    str | None, Header(description="The ETag of an answer you hold: 304, and no body, while it is still current.")
]
NOT_MODIFIED: dict[int | str, dict[str, Any]] = {304: {"description": "Not modified: the ETag sent is still current."}}


def per_user(model: Any, *aggregates: ColumnElement[Any]) -> list[ColumnElement[Any]]:
    """Each aggregate over `model`'s rows of the customer being read, as a column of `freshness`."""
    return [select(aggregate).where(model.user_id == USER_ID).scalar_subquery() for aggregate in aggregates]


def freshness(*version: ColumnElement[Any]) -> Select[Any]:
    """One row: the customer's consent, whether the calling operator exists, then the view's version columns.

    No row: no such customer. Build it once per view, at import, so its compiled form is cached.
    """
    operator = select(func.count()).select_from(Operator).where(Operator.name == _OPERATOR).scalar_subquery()
    query = select(Consent.granted, operator, *version).select_from(User)
    return query.outerjoin(Consent, Consent.user_id == User.user_id).where(User.user_id == USER_ID)


@dataclass(frozen=True)
class ViewSource:
    """One view of one customer: its cache key, how to build its body, and its `freshness` query."""

    key: Hashable
    build: Build
    freshness: Select[Any]


@dataclass(frozen=True)
class View:
    """A body exactly as sent (JSON of the route's documented model) and its entity tag."""

    body: bytes
    etag: str

    @classmethod
    def of(cls, body: bytes) -> View:
        return cls(body, f'"{hashlib.blake2b(body, digest_size=16).hexdigest()}"')

    def response(self, if_none_match: str | None) -> Response:
        # no-cache: a browser may keep the body but must ask again, so access and consent are checked every time.
        headers = {"ETag": self.etag, "Cache-Control": "private, no-cache", "Vary": "Authorization"}
        if if_none_match is not None and _matches(if_none_match, self.etag):
            return Response(status_code=304, headers=headers)
        return Response(self.body, media_type="application/json", headers=headers)


def _matches(if_none_match: str, etag: str) -> bool:
    tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return etag in tags or "*" in tags


@dataclass(frozen=True)
class _Made:
    generation: Generation | None
    version: tuple[Any, ...]
    view: View


def _params(principal: Principal, user_id: str) -> dict[str, str | None]:
    return {"user_id": user_id, "operator": principal.subject if principal.is_operator else None}


def _may_read(principal: Principal, granted: Any, operators: Any) -> bool:
    """The positive half of `check_consented`, on a freshness row; any refusal is left to the rules themselves."""
    return bool(granted) and (not principal.is_operator or operators > 0)


class ViewCache:
    """Bodies by view key, and access verdicts by (caller, customer), each with the generation it held at."""

    def __init__(self, engine: Engine, max_entries: int = MAX_ENTRIES) -> None:
        self.engine = engine
        self.generation = StoreGeneration(engine)
        self._views: ResponseCache[_Made] = ResponseCache(max_entries)
        self._allowed: ResponseCache[Generation] = ResponseCache(max_entries)

    def fresh(self, principal: Principal, user_id: str, key: Hashable, generation: Generation | None) -> View | None:
        """The view made at `generation`, if this caller's access to this customer was also checked at it."""
        if generation is None:
            return None
        made = self._views.get(key)
        if made is None or made.generation != generation:
            return None
        if self._allowed.get((principal, user_id)) != generation:
            return None
        return made.view

    def recheck(self, principal: Principal, user_id: str, source: ViewSource, generation: Generation) -> View | None:
        """The remembered view, if one indexed read says the caller may still read it and its inputs stand."""
        made = self._views.get(source.key)
        if made is None:
            return None
        with self.engine.connect() as connection:
            row = connection.execute(source.freshness, _params(principal, user_id)).one_or_none()
        if row is None or not _may_read(principal, *row[:2]) or tuple(row[2:]) != made.version:
            return None
        self._remember(principal, user_id, source.key, _Made(generation, made.version, made.view))
        return made.view

    def rebuild(self, principal: Principal, user_id: str, source: ViewSource, generation: Generation | None) -> View:
        """The access rules with their own errors, then the body, built again if its version moved (a worker thread).

        `generation` was read before this unit of work began, so what is remembered under it
        is never newer than the store it names: a commit in between only costs a recheck.
        """
        with session_scope(self.engine) as session:
            check_consented(session, principal, user_id)
            version = tuple(session.execute(source.freshness, _params(principal, user_id)).one()[2:])
            made = self._views.get(source.key)
            if made is None or made.version != version:
                made = _Made(generation, version, View.of(source.build(session, user_id)))
        self._remember(principal, user_id, source.key, _Made(generation, version, made.view))
        return made.view

    def _remember(self, principal: Principal, user_id: str, key: Hashable, made: _Made) -> None:
        self._views.put(key, made)
        if made.generation is not None:
            self._allowed.put((principal, user_id), made.generation)


async def read_view(views: ViewCache, principal: Principal, user_id: str, source: ViewSource) -> View:
    """The customer's view for this caller, checked as cheaply as the store allows (see the module's docstring)."""
    ensure_may_read(principal, user_id)  # 403 before any lookup, as on every route
    generation = views.generation.current()
    view = views.fresh(principal, user_id, source.key, generation)
    if view is None and generation is not None:
        view = views.recheck(principal, user_id, source, generation)
    if view is None:
        view = await run_in_threadpool(views.rebuild, principal, user_id, source, generation)
    return view
