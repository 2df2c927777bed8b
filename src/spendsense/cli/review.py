"""`spendsense review ...`: the operator's queue, their actions, and the audit log, from the command line."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

import typer
from rich.table import Table

from spendsense.cli.app import app, console, fail, store
from spendsense.kit.clock import utcnow
from spendsense.kit.db import session_scope
from spendsense.kit.errors import SpendSenseError
from spendsense.models import Recommendation
from spendsense.operator import audit, queue
from spendsense.operator.actions import act, override

review_app = typer.Typer(help="Review recommendations: queue, approve, reject, flag, override, audit log.")
app.add_typer(review_app, name="review")
T = TypeVar("T")


def _run(work: Callable[..., T]) -> T:
    try:
        with session_scope(store()) as session:
            return work(session)
    except SpendSenseError as exc:
        fail(exc.detail)


def recommendations_table(window: dict[str, Any], label: str) -> Table:
    """The `recommendations` of one window of the `show` document, for `spendsense show`."""
    table = Table("status", "kind", "item", "because", "cites", title=f"Recommendations ({label})")
    for item in window.get("recommendations", []):
        table.add_row(item["status"], item["kind"], item["title"], item["rationale"], ", ".join(item["cited_signals"]))
    if window.get("recommendations"):
        table.caption = window["recommendations"][0]["disclosure"]
    return table


def _rows(rows: list[Recommendation], title: str) -> Table:
    table = Table("id", "user", "window", "kind", "item", "status", "rationale", title=title)
    for row in rows:
        table.add_row(row.id, row.user_id, row.window, row.kind, row.item_id, row.status, row.rationale)
    return table


@review_app.command("queue")
def show_queue(limit: int = typer.Option(50, help="At most this many items.")) -> None:
    """Items waiting for an operator (pending and flagged), oldest first."""
    console.print(_run(lambda s: _rows(list(queue.review_queue(s, limit)), "Review queue")))


@review_app.command("user")
def show_user(
    user_id: str, as_json: bool = typer.Option(False, "--json", help="With decision traces, as JSON.")
) -> None:
    """Every recommendation of one user, whatever its status."""
    if as_json:
        body = _run(lambda s: [queue.to_dict(r, with_trace=True) for r in queue.for_user(s, user_id)])
        console.print_json(json.dumps(body, default=str))
        return
    console.print(_run(lambda s: _rows(list(queue.for_user(s, user_id)), f"Recommendations of {user_id}")))


def _decide(action: str, recommendation_id: str, operator: str, reason: str) -> None:
    row = _run(lambda s: act(s, recommendation_id, action, operator, reason, utcnow()))  # type: ignore[arg-type]
    console.print(f"{row.id}: {row.status}")


@review_app.command("approve")
def approve(recommendation_id: str, operator: str = typer.Option(..., help="Who decides."), reason: str = "") -> None:
    """Approve a pending or flagged item: the customer sees it."""
    _decide("approve", recommendation_id, operator, reason)


@review_app.command("reject")
def reject(recommendation_id: str, operator: str = typer.Option(...), reason: str = typer.Option(...)) -> None:
    """Reject an item, with a reason for the audit log."""
    _decide("reject", recommendation_id, operator, reason)


@review_app.command("flag")
def flag(recommendation_id: str, operator: str = typer.Option(...), reason: str = typer.Option(...)) -> None:
    """Withhold an item for a second look, with a reason."""
    _decide("flag", recommendation_id, operator, reason)


@review_app.command("override")
def replace(
    recommendation_id: str,
    item: str = typer.Option(..., help="The catalog item that replaces it."),
    operator: str = typer.Option(...),
    reason: str = typer.Option(...),
) -> None:
    """Replace an item with another catalog item (which must pass every guardrail)."""
    row = _run(lambda s: override(s, recommendation_id, item, operator, reason, utcnow()))
    console.print(f"{recommendation_id}: overridden by {row.id} ({row.item_id})")


@review_app.command("log")
def log(user_id: str | None = typer.Option(None, "--user"), limit: int = typer.Option(100)) -> None:
    """The append-only audit log: who did what, when and why."""
    entries = _run(lambda s: [audit.to_dict(e) for e in audit.entries(s, user_id=user_id, limit=limit)])
    table = Table("when (UTC)", "actor", "action", "recommendation", "before", "after", "reason")
    for e in entries:
        table.add_row(
            e["at"],
            e["actor"],
            e["action"],
            e["recommendation_id"],
            e["before_status"] or "",
            e["after_status"] or "",
            e["reason"],
        )
    console.print(table)
