"""`spendsense consent grant|revoke|show USER_ID`: the back-office path to consent."""

from __future__ import annotations

import typer
from rich.table import Table

from spendsense.cli.app import app, console, fail, store
from spendsense.consent import service
from spendsense.consent.service import ConsentStatus
from spendsense.kit.db import session_scope
from spendsense.kit.errors import SpendSenseError

consent_app = typer.Typer(help="Record or show a customer's consent (kept with its full history).")
app.add_typer(consent_app, name="consent")


def _print(status: ConsentStatus) -> None:
    state = "granted" if status.granted else "not granted"
    console.print(f"[bold]{status.user_id}[/]: consent {state}")
    table = Table("when (UTC)", "action", "source", "actor", "note")
    for event in status.history:
        table.add_row(
            event.at.isoformat(timespec="seconds"), event.action, event.source, event.actor or "", event.note or ""
        )
    console.print(table)


def _record(user_id: str, granted: bool, note: str | None) -> None:
    try:
        with session_scope(store()) as session:
            _print(service.record(session, user_id, granted, source="cli", actor="cli", note=note))
    except SpendSenseError as exc:
        fail(exc.detail)


@consent_app.command("grant")
def grant(user_id: str, note: str | None = typer.Option(None, help="Why, for the history.")) -> None:
    """Record the customer's opt-in."""
    _record(user_id, True, note)


@consent_app.command("revoke")
def revoke(user_id: str, note: str | None = typer.Option(None, help="Why, for the history.")) -> None:
    """Record that the customer withdrew consent: processing stops and nothing more is shown."""
    _record(user_id, False, note)


@consent_app.command("show")
def show(user_id: str) -> None:
    """Show the current state and the full history."""
    try:
        with session_scope(store()) as session:
            _print(service.status(session, user_id))
    except SpendSenseError as exc:
        fail(exc.detail)
