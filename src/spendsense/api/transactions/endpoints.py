"""GET /api/users/{user_id}/transactions: paged, newest first, filterable."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Annotated

from fastapi import APIRouter, Query

from spendsense.api.access import read_consented
from spendsense.api.deps import CurrentUser, StateDep, UserIdPath
from spendsense.api.errors import error_responses
from spendsense.api.pagination import Page, PageDep
from spendsense.api.transactions import repository
from spendsense.api.transactions.schemas import TransactionFilters, TransactionView

router = APIRouter(tags=["transactions"])


@router.get(
    "/users/{user_id}/transactions",
    response_model=Page[TransactionView],
    responses=error_responses(401, 403, 404, 422),
    summary="A customer's transactions",
)
async def list_transactions(
    user_id: UserIdPath,
    principal: CurrentUser,
    state: StateDep,
    page: PageDep,
    start_date: Annotated[date | None, Query(description="On or after this day.")] = None,
    end_date: Annotated[date | None, Query(description="On or before this day.")] = None,
    category: Annotated[str | None, Query(max_length=64, description="Primary category, e.g. FOOD_AND_DRINK.")] = None,
    account_id: Annotated[str | None, Query(max_length=128)] = None,
    q: Annotated[str | None, Query(min_length=1, max_length=100, description="Text in the name or merchant.")] = None,
) -> Page[TransactionView]:
    filters = TransactionFilters(start_date, end_date, category, account_id, q)
    read = partial(repository.transactions_page, filters=filters, limit=page.limit, offset=page.offset)
    items, total = await read_consented(state.engine, principal, user_id, read)
    return Page(items=list(items), total=total, limit=page.limit, offset=page.offset)
