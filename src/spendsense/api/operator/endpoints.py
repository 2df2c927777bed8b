"""Operator routes: the review queue, decisions (approve, reject, flag, override), signals, traces, audit."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from sqlalchemy.orm import Session

from spendsense.api.deps import ConsentedUserId, OperatorUser, SessionDep
from spendsense.api.errors import error_responses
from spendsense.api.events import Event, emit
from spendsense.api.operator import repository
from spendsense.api.operator.schemas import (
    AuditEntry,
    Decision,
    DecisionResult,
    OverrideDecision,
    QueueItem,
    TraceView,
)
from spendsense.api.pagination import Page, PageDep
from spendsense.api.profile.schemas import SignalsView
from spendsense.api.recommendations.schemas import RecommendationView, TracedRecommendation
from spendsense.api.users.schemas import Window
from spendsense.auth.tokens import Principal
from spendsense.kit.clock import utcnow
from spendsense.kit.errors import NotFound
from spendsense.models import Recommendation
from spendsense.operator import audit, queue

router = APIRouter(prefix="/operator", tags=["operator"])
RecommendationId = Annotated[str, Path(min_length=1, max_length=32)]
Filter = Annotated[str | None, Query(min_length=1, max_length=64)]
ACTION_ERRORS = error_responses(401, 403, 404, 409, 422)


@router.get("/review", response_model=Page[QueueItem], responses=error_responses(401, 403, 422), summary="Review queue")
def review_queue(
    session: SessionDep,
    _operator: OperatorUser,
    page: PageDep,
    status: Annotated[Literal["pending", "flagged"] | None, Query()] = None,
    kind: Annotated[Literal["education", "offer"] | None, Query()] = None,
    window: Annotated[Window | None, Query()] = None,
    user_id: Filter = None,
    persona: Filter = None,
) -> Page[QueueItem]:
    """Items waiting for a decision, oldest first; filter by status, kind, window, customer or persona."""
    filters = repository.QueueFilters(status, kind, window, user_id, persona)
    rows, total = repository.queue_page(session, filters, page.limit, page.offset)
    items = [QueueItem.model_validate({**queue.to_dict(row), "user_id": row.user_id}) for row in rows]
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


def _reviewed(session: Session, row: Recommendation, action: str, replacement: Recommendation | None = None) -> None:
    data = {"recommendation_id": row.id, "action": action, "status": row.status}
    if replacement is not None:
        data["replacement_id"] = replacement.id
    emit(session, Event("recommendation.reviewed", row.user_id, data))


def _decide(
    session: Session,
    operator: Principal,
    recommendation_id: str,
    action: Literal["approve", "reject", "flag"],
    reason: str,
) -> DecisionResult:
    from spendsense.operator import actions  # guardrails and recommend: only when deciding

    row = actions.act(session, recommendation_id, action, operator.actor, reason, utcnow())
    _reviewed(session, row, action)
    return DecisionResult(recommendation_id=row.id, action=action, status=row.status)


@router.post("/recommendations/{recommendation_id}/approve", response_model=DecisionResult, responses=ACTION_ERRORS)
def approve(
    recommendation_id: RecommendationId, body: Decision, session: SessionDep, operator: OperatorUser
) -> DecisionResult:
    """Show the item to the customer."""
    return _decide(session, operator, recommendation_id, "approve", body.reason)


@router.post("/recommendations/{recommendation_id}/reject", response_model=DecisionResult, responses=ACTION_ERRORS)
def reject(
    recommendation_id: RecommendationId, body: Decision, session: SessionDep, operator: OperatorUser
) -> DecisionResult:
    """Remove the item (a reason is required)."""
    return _decide(session, operator, recommendation_id, "reject", body.reason)


@router.post("/recommendations/{recommendation_id}/flag", response_model=DecisionResult, responses=ACTION_ERRORS)
def flag(
    recommendation_id: RecommendationId, body: Decision, session: SessionDep, operator: OperatorUser
) -> DecisionResult:
    """Withhold the item until an operator looks again (a reason is required)."""
    return _decide(session, operator, recommendation_id, "flag", body.reason)


@router.post("/recommendations/{recommendation_id}/override", response_model=DecisionResult, responses=ACTION_ERRORS)
def override(
    recommendation_id: RecommendationId, body: OverrideDecision, session: SessionDep, operator: OperatorUser
) -> DecisionResult:
    """Replace the item with another catalog item; the replacement must pass every guardrail."""
    from spendsense.operator import actions

    replacement = actions.override(
        session, recommendation_id, body.replacement_item_id, operator.actor, body.reason, utcnow()
    )
    original = session.get(Recommendation, recommendation_id)  # from the identity map: override() loaded it
    if original is None:
        raise NotFound(f"no recommendation {recommendation_id!r}", recommendation_id=recommendation_id)
    _reviewed(session, original, "override", replacement)
    view = RecommendationView.model_validate(queue.to_dict(replacement))
    return DecisionResult(recommendation_id=original.id, action="override", status=original.status, replacement=view)


@router.get(
    "/signals/{user_id}", response_model=SignalsView, responses=error_responses(401, 403, 404, 422), summary="Signals"
)
def signals(user_id: ConsentedUserId, session: SessionDep, _operator: OperatorUser) -> SignalsView:
    """Every signal for both windows, with evidence, cards and streams."""
    from spendsense.pipeline.view import user_view

    return SignalsView.model_validate(user_view(session, user_id))


@router.get(
    "/traces/{user_id}", response_model=TraceView, responses=error_responses(401, 403, 404, 422), summary="Traces"
)
def traces(user_id: ConsentedUserId, session: SessionDep, _operator: OperatorUser) -> TraceView:
    """Why each persona matched or not, and every stored recommendation with its decision trace."""
    from spendsense.pipeline.view import user_view

    view = user_view(session, user_id)
    items = [
        TracedRecommendation.model_validate(queue.to_dict(r, with_trace=True)) for r in queue.for_user(session, user_id)
    ]
    return TraceView.model_validate({**view, "recommendations": items})


@router.get("/audit", response_model=Page[AuditEntry], responses=error_responses(401, 403, 422), summary="Audit log")
def audit_log(
    session: SessionDep,
    _operator: OperatorUser,
    page: PageDep,
    user_id: Filter = None,
    recommendation_id: Filter = None,
    actor: Annotated[str | None, Query(min_length=1, max_length=128)] = None,
    action: Filter = None,
) -> Page[AuditEntry]:
    """Every change of a recommendation's status, newest first."""
    filters = repository.AuditFilters(user_id, recommendation_id, actor, action)
    rows, total = repository.audit_page(session, filters, page.limit, page.offset)
    items = [AuditEntry.model_validate(audit.to_dict(row)) for row in rows]
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)
