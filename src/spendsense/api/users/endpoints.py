"""Customers: operators create them (with a first password) and list them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from spendsense.api.deps import OperatorUser, SessionDep
from spendsense.api.errors import error_responses
from spendsense.api.pagination import Page, PageDep
from spendsense.api.users import service
from spendsense.api.users.schemas import NewCustomer, UserSummary, Window

router = APIRouter(tags=["users"])


@router.post(
    "/users",
    response_model=UserSummary,
    status_code=status.HTTP_201_CREATED,
    responses=error_responses(401, 403, 409, 422),
    summary="Create a customer (operator)",
)
def create_user(body: NewCustomer, session: SessionDep, _operator: OperatorUser) -> UserSummary:
    """The customer can log in at once; nothing is processed until they grant consent."""
    return service.create_customer(session, body)


@router.get(
    "/users",
    response_model=Page[UserSummary],
    responses=error_responses(401, 403, 422),
    summary="List customers (operator)",
)
def list_users(
    session: SessionDep,
    _operator: OperatorUser,
    page: PageDep,
    persona: Annotated[
        str | None, Query(max_length=64, description="Primary persona id in `window`, or `none` for no persona.")
    ] = None,
    window: Annotated[Window, Query(description="Which window's persona `persona` filters on.")] = "30d",
) -> Page[UserSummary]:
    items, total = service.list_page(session, persona, window, page.limit, page.offset)
    return Page(items=list(items), total=total, limit=page.limit, offset=page.offset)
