"""`spendsense show USER_ID [--window 30d|180d] [--json]`: what the engine found for one user, and why."""

from __future__ import annotations

import json
from typing import Any

import typer
from rich.table import Table

from spendsense.cli.app import app, console, fail, store
from spendsense.cli.review import recommendations_table
from spendsense.kit.db import session_scope
from spendsense.kit.errors import SpendSenseError
from spendsense.kit.money import format_usd
from spendsense.operator.views import add_recommendations
from spendsense.pipeline.view import user_view
from spendsense.signals import catalog

WINDOWS = ("30d", "180d")


def shown(value: Any, unit: str) -> str:
    """A signal value as a person reads it: dollars, percentages, months, yes/no."""
    if value is None:
        return "-"
    if unit == "cents":
        return format_usd(round(value))
    if unit == "ratio":
        return f"{value:.1%}"
    if unit in ("months", "days"):
        return f"{value:.1f} {unit}"
    if unit == "flag":
        return "yes" if value else "no"
    return str(value)


def _accounts(view: dict[str, Any]) -> Table:
    table = Table("account", "type", "subtype", "mask", "balance", "limit", "business", title="Accounts")
    for account in view["accounts"]:
        limit = account["limit_cents"]
        table.add_row(
            account["name"],
            account["type"],
            account["subtype"] or "",
            account["mask"] or "",
            format_usd(account["current_cents"] or 0),
            format_usd(limit) if limit is not None else "",
            "yes" if account["is_business"] else "",
        )
    return table


def _signals(window: dict[str, Any], label: str) -> Table:
    table = Table("signal", "value", "meaning", title=f"Signals ({label}, as of {window['as_of']})")
    for signal in catalog.SIGNALS:
        table.add_row(signal.name, shown(window["signals"].get(signal.name), signal.unit), signal.description)
    return table


def _streams(window: dict[str, Any]) -> Table:
    table = Table("kind", "merchant", "frequency", "average", "last", "next", "active", "subscription", title="Streams")
    for stream in window["recurring_streams"]:
        table.add_row(
            stream["direction"],
            stream["merchant_name"] or stream["merchant_key"],
            stream["frequency"],
            format_usd(stream["average_amount_cents"]),
            str(stream["last_date"]),
            str(stream["predicted_next_date"]),
            "yes" if stream["is_active"] else "no",
            "yes" if stream["is_subscription"] else "",
        )
    for stream in window["income_streams"]:
        kind = "payroll" if stream["is_payroll"] else "income"
        average = format_usd(stream["average_amount_cents"])
        table.add_row(
            kind, stream["merchant_name"] or "", stream["frequency"], average, str(stream["last_date"]), "", "", ""
        )
    return table


def _personas(window: dict[str, Any]) -> Table:
    primary = window["primary_persona"] or "no persona"
    table = Table("persona", "criterion", "value", "threshold", "holds", title=f"Personas: primary {primary}")
    for persona in window["trace"]:
        mark = "[green]matched[/]" if persona["matched"] else "not matched"
        table.add_row(f"{persona['priority']}. {persona['name']} ({mark})", persona["rule"], "", "", "")
        for item in persona["criteria"]:
            value, threshold = shown(item["value"], item["unit"]), shown(item["threshold"], item["unit"])
            table.add_row("", item["signal"], value, f"{item['op']} {threshold}", "yes" if item["result"] else "no")
    return table


@app.command()
def show(
    user_id: str,
    window: str | None = typer.Option(None, help="30d or 180d (default: both)."),
    as_json: bool = typer.Option(False, "--json", help="Print the full structure as JSON."),
) -> None:
    """Show a user's accounts, signals, recurring and income streams, personas and decision traces."""
    if window is not None and window not in WINDOWS:
        fail(f"--window must be one of {', '.join(WINDOWS)}")
    windows = (window,) if window else WINDOWS
    try:
        with session_scope(store()) as session:
            view = add_recommendations(session, user_view(session, user_id, windows))
    except SpendSenseError as exc:
        fail(exc.detail)
    if as_json:
        console.print_json(json.dumps(view, default=str))
        return
    console.print(_accounts(view))
    for label, found in view["windows"].items():
        for table in (_signals(found, label), _streams(found), _personas(found), recommendations_table(found, label)):
            console.print(table)
