"""Consent: grant (POST), revoke (DELETE), read with history (GET). Reachable without consent, by design."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy.orm import Session

from spendsense.api.access import ensure_may_read
from spendsense.api.consent.schemas import ConsentGrant, ConsentView
from spendsense.api.deps import CurrentUser, ReadableUserId, SessionDep
from spendsense.api.errors import error_responses
from spendsense.api.events import Event, emit
from spendsense.consent import service

router = APIRouter(tags=["consent"])
SOURCE = "api"


def _changed(session: Session, view: ConsentView) -> ConsentView:
    emit(session, Event("consent.changed", view.user_id, {"granted": view.granted}))
    return view


@router.post(
    "/consent", response_model=ConsentView, responses=error_responses(401, 403, 404, 422), summary="Grant consent"
)
def grant_consent(body: ConsentGrant, session: SessionDep, principal: CurrentUser) -> ConsentView:
    """The customer opts in (or an operator records their opt-in); processing may start."""
    ensure_may_read(principal, body.user_id)
    status = service.record(session, body.user_id, True, source=SOURCE, actor=principal.actor, note=body.note)
    return _changed(session, ConsentView.of(status))


@router.delete(
    "/consent/{user_id}",
    response_model=ConsentView,
    responses=error_responses(401, 403, 404, 422),
    summary="Revoke consent",
)
def revoke_consent(
    user_id: ReadableUserId,
    session: SessionDep,
    principal: CurrentUser,
    note: Annotated[str | None, Query(max_length=500, description="Why, kept in the history.")] = None,
) -> ConsentView:
    """Processing stops and every recommendation shown or queued is hidden; the history keeps the change."""
    status = service.record(session, user_id, False, source=SOURCE, actor=principal.actor, note=note)
    return _changed(session, ConsentView.of(status))


@router.get(
    "/consent/{user_id}",
    response_model=ConsentView,
    responses=error_responses(401, 403, 404, 422),
    summary="Consent state and history",
)
def get_consent(user_id: ReadableUserId, session: SessionDep) -> ConsentView:
    return ConsentView.of(service.status(session, user_id))
