"""Offset pagination shared by every list route: `?limit=&offset=` in, `Page[T]` out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar, get_args

from fastapi import Depends, Query
from pydantic import BaseModel, ConfigDict, Field

MAX_LIMIT = 200
# Deep offsets cost the database a scan each; past this a client should narrow its filters instead.
MAX_OFFSET = 1_000_000


T = TypeVar("T")


def _page_example(schema: dict[str, Any], model: type[BaseModel]) -> None:
    """A page of one item, from the item model's own example, so every page type is documented by example."""
    (item,) = get_args(model.model_fields["items"].annotation) or (None,)
    extra = getattr(item, "model_config", {}).get("json_schema_extra")
    examples = extra.get("examples") if isinstance(extra, dict) else None
    if isinstance(examples, list) and examples:
        schema["examples"] = [{"items": examples[:1], "total": 1, "limit": 50, "offset": 0}]


class Page(BaseModel, Generic[T]):
    model_config = ConfigDict(json_schema_extra=_page_example)

    items: list[T]
    total: int = Field(description="How many match the filters, over all pages.")
    limit: int
    offset: int


@dataclass(frozen=True)
class PageParams:
    limit: int
    offset: int


async def page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")] = 0,
) -> PageParams:
    # Async: nothing to wait for, and a plain function would be sent to the thread pool.
    return PageParams(limit=limit, offset=offset)


PageDep = Annotated[PageParams, Depends(page_params)]
