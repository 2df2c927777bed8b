"""`spendsense feedback USER_ID RECOMMENDATION_ID KIND [--comment TEXT]`: record a customer's feedback."""

from __future__ import annotations

import typer

from spendsense.cli.app import app, console, fail, store
from spendsense.kit.clock import utcnow
from spendsense.kit.db import session_scope
from spendsense.kit.errors import SpendSenseError
from spendsense.operator.feedback import record_feedback


@app.command()
def feedback(
    user_id: str,
    recommendation_id: str,
    kind: str = typer.Argument(..., help="helpful, not_helpful or dismissed."),
    comment: str | None = typer.Option(None, help="Optional free text."),
) -> None:
    """Record feedback on an item the customer can see (dismissed removes it from their list)."""
    try:
        with session_scope(store()) as session:
            entry = record_feedback(session, user_id, recommendation_id, kind, comment, utcnow())
            console.print(f"feedback {entry.id}: {entry.kind} on {entry.recommendation_id}")
    except SpendSenseError as exc:
        fail(exc.detail)
