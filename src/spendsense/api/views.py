"""What customers read most (profile, recommendations, insights), answered from memory while it still holds.

Two questions decide whether a remembered answer still holds, the cheaper first:

1. Has anyone committed to the store since it was made (`StoreGeneration`, a few
   microseconds, no query)? If not, the body and the caller's access verdict reached at
   that generation are both still right: the answer comes straight from the event loop,
   with no worker thread and no session.
2. Otherwise, in one trip to the thread pool: the access and consent checks run again,
   exactly as on every other route, then the view's own version query (what the body is
   made from, for this customer) says whether the body can be kept or must be built again.

So a write anywhere, by any process, makes the next read of each view check again, and a
write to one customer's data makes only that customer's views be built again. Answers
carry an ETag; a client that sends it back gets 304 once the checks have passed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Header
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from spendsense.api.cache import MAX_ENTRIES, ResponseCache
from spendsense.api.generation import StoreGeneration
from spendsense.auth.access import check_consented, ensure_may_read
from spendsense.auth.tokens import Principal
from spendsense.kit.db import session_scope

Build = Callable[[Session, str], bytes]
Version = Callable[[Session, str], Hashable]

IfNoneMatch = Annotated[
    str | None, Header(description="The ETag of an answer you hold: 304, and no body, while it is still current.")
]
NOT_MODIFIED: dict[int | str, dict[str, Any]] = {304: {"description": "Not modified: the ETag sent is still current."}}


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
class ViewSource:
    """One view of one customer: its cache key, how to build its body, and a cheap version of its inputs.

    Without `version` the view has no test cheaper than building it, so it is built again
    whenever the store has changed.
    """

    key: Hashable
    build: Build
    version: Version | None = None


@dataclass(frozen=True)
class _Made:
    generation: int | None
    version: Hashable
    view: View


class ViewCache:
    """Bodies by view key, and access verdicts by (caller, customer), each with the generation it was true at."""

    def __init__(self, engine: Engine, max_entries: int = MAX_ENTRIES) -> None:
        self.engine = engine
        self.generation = StoreGeneration(engine)
        self._views: ResponseCache[_Made] = ResponseCache(max_entries)
        self._allowed: ResponseCache[int] = ResponseCache(max_entries)

    def fresh(self, principal: Principal, user_id: str, key: Hashable, generation: int | None) -> View | None:
        """The view made at `generation`, if this caller's access to this customer was also checked at it."""
        if generation is None:
            return None
        made = self._views.get(key)
        if made is None or made.generation != generation:
            return None
        if self._allowed.get((principal, user_id)) != generation:
            return None
        return made.view

    def revalidate(self, principal: Principal, user_id: str, source: ViewSource, generation: int | None) -> View:
        """Check access and consent, then keep the body if its inputs' version has not moved (a worker thread).

        `generation` was read before this unit of work began, so what is remembered under it
        is never newer than the store it names: a commit in between only costs a recheck.
        """
        with session_scope(self.engine) as session:
            check_consented(session, principal, user_id)
            version = source.version(session, user_id) if source.version is not None else None
            made = self._views.get(source.key)
            if made is None or source.version is None or made.version != version:
                made = _Made(generation, version, View.of(source.build(session, user_id)))
        self._views.put(source.key, _Made(generation, version, made.view))
        if generation is not None:
            self._allowed.put((principal, user_id), generation)
        return made.view


async def read_view(views: ViewCache, principal: Principal, user_id: str, source: ViewSource) -> View:
    """The customer's view for this caller: from memory when nothing changed, else checked in one thread-pool trip."""
    ensure_may_read(principal, user_id)  # 403 before any lookup, as on every route
    generation = views.generation.current()
    view = views.fresh(principal, user_id, source.key, generation)
    if view is None:
        view = await run_in_threadpool(views.revalidate, principal, user_id, source, generation)
    return view
