"""`spendsense insight USER_ID KIND [--as-of DATE] [--json]`: any insight, as Rich tables or JSON.

The tables are drawn from the result models themselves (money from `*_cents` fields,
percentages from `*_pct`, rates from `*_rate`), so a field added to an insight shows up
here without a change.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date, datetime
from typing import Annotated, Any

import typer
from pydantic import BaseModel
from rich.markup import escape
from rich.table import Table

from spendsense.cli.app import app, console, fail, store
from spendsense.insights.results import InsightKind, InsightResult
from spendsense.insights.service import compute_insight
from spendsense.kit.db import session_scope
from spendsense.kit.errors import SpendSenseError
from spendsense.kit.money import format_usd

# Identifiers and details a person does not need in a table (the JSON has them all); the title
# carries the user, date and currency, and `category` gives way to its `label`.
_IDENTIFIERS = {"stream_id", "account_id", "user_id", "kind", "as_of", "iso_currency_code"}
_DETAILS = {"is_subscription", "average_amount_cents", "occurrences", "last_date"}
HIDDEN = frozenset(_IDENTIFIERS | _DETAILS)
MAX_ROWS = 31


AS_OF_HELP = "Day to compute for, YYYY-MM-DD (default: the customer's newest transaction date)."


@app.command("insight")
def insight(
    user_id: Annotated[str, typer.Argument(help="The customer.")],
    kind: Annotated[InsightKind, typer.Argument(help="Which insight.")],
    as_of: Annotated[datetime | None, typer.Option("--as-of", formats=["%Y-%m-%d"], help=AS_OF_HELP)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON instead of tables.")] = False,
) -> None:
    """Show one insight for a customer who has granted consent (reads only, never writes)."""
    try:
        with session_scope(store()) as session:
            result = compute_insight(session, user_id, kind, as_of.date() if as_of else None)
    except SpendSenseError as exc:
        fail(exc.detail)
    if as_json:
        typer.echo(result.model_dump_json(indent=2))
    else:
        render(result)


def render(result: InsightResult) -> None:
    title = f"{type(result).__name__} for {result.user_id} as of {result.as_of} ({result.iso_currency_code})"
    values = _fields(result)
    scalars = {name: value for name, value in values.items() if not isinstance(value, list | BaseModel)}
    console.print(_key_values(title, scalars))
    for name, value in values.items():
        if isinstance(value, BaseModel):
            console.print(_nested(name, value))
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            console.print(_rows(name, value))
        elif isinstance(value, list) and value:
            console.print(f"[bold]{_title(name)}[/]")
            for line in value:
                console.print(f"  - {escape(str(line))}")


def _fields(model: BaseModel) -> dict[str, Any]:
    values = {name: getattr(model, name) for name in type(model).model_fields if name not in HIDDEN}
    if "label" in values:
        values.pop("category", None)
    return values


def _title(name: str) -> str:
    return name.replace("_", " ").capitalize()


def _header(name: str) -> str:
    if name.endswith("_pct"):
        return _title(name.removesuffix("_pct")) + " (%)"
    return _title(name.removesuffix("_cents"))


def cell(name: str, value: Any) -> str:
    """One value as a person reads it, by the field's name and type."""
    if value is None:
        return "-"
    if isinstance(value, BaseModel | list):
        return _compound(name, value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return _number(name, value)
    return value.isoformat() if isinstance(value, date) else str(value)


def _number(name: str, value: float) -> str:
    if isinstance(value, int) and name.endswith("_cents"):
        return format_usd(value)
    if name.endswith("_pct"):
        return f"{value:g}%"
    if name.endswith("_rate"):
        return f"{value * 100:.1f}%"
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def _compound(name: str, value: BaseModel | list[Any]) -> str:
    if isinstance(value, list):
        return ", ".join(_item(name, item) for item in value)
    fields = _fields(value)
    if "direction" in fields:  # a trend
        change = fields.get("change_pct")
        return str(fields["direction"]) + ("" if change is None else f" ({change:+g}%)")
    if "latest_cents" in fields:  # a price change
        return (
            f"{format_usd(fields['previous_cents'])} to {format_usd(fields['latest_cents'])} on {fields['changed_on']}"
        )
    return ", ".join(f"{_header(key)} {cell(key, item)}" for key, item in fields.items())


def _item(name: str, item: Any) -> str:
    if isinstance(item, BaseModel):
        fields = _fields(item)
        return str(fields.get("merchant") or next(iter(fields.values())))
    return cell(name, item)


def _key_values(title: str, values: dict[str, Any]) -> Table:
    table = Table(title=title, show_header=False, title_justify="left")
    for name, value in values.items():
        table.add_row(_header(name), escape(cell(name, value)))
    return table


def _nested(name: str, model: BaseModel) -> Table:
    values = _fields(model)
    parts = {key: value for key, value in values.items() if isinstance(value, BaseModel)}
    if not parts:
        return _key_values(_title(name), values)
    scalars = ", ".join(f"{_header(k)} {cell(k, v)}" for k, v in values.items() if k not in parts)
    return _rows(f"{name} ({scalars})" if scalars else name, list(parts.values()), labels=list(parts))


def _rows(name: str, items: list[Any], labels: list[str] | None = None) -> Table:
    step = math.ceil(len(items) / MAX_ROWS)
    # Long series (a daily history) are thinned from the newest end, so the last row is the as-of day.
    shown = items[::-1][::step][::-1]
    title = _title(name) + (f" (every {step}th of {len(items)})" if step > 1 else "")
    columns = list(_fields(items[0]))
    table = Table(*([""] if labels else []), *(_header(column) for column in columns), title=title)
    for index, item in enumerate(shown):
        row: Iterable[str] = (escape(cell(column, value)) for column, value in _fields(item).items())
        table.add_row(*([labels[index]] if labels else []), *row)
    return table
