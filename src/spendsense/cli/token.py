"""`spendsense token` and `spendsense demo-logins`: local-development ways in. Both refuse outside development."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

import typer
from rich.table import Table

from spendsense.auth import service
from spendsense.auth.secret import signing_secret
from spendsense.auth.tokens import Principal, issue_token
from spendsense.cli.app import app, console, err_console, fail, store
from spendsense.config import Settings, get_settings
from spendsense.consent.service import consented_user_ids
from spendsense.kit.clock import utcnow
from spendsense.kit.db import session_scope
from spendsense.kit.errors import NotFound, SpendSenseError
from spendsense.models import User

# Known on purpose: these logins exist only in development, to click through the demo data.
DEMO_PASSWORD = "spendsense-demo"  # noqa: S105  (a development-only demo login, refused elsewhere)
DEMO_OPERATOR = "ops"


def _development_only(what: str) -> Settings:
    settings = get_settings()
    if settings.environment != "development":
        fail(f"{what} is for local development only (ENVIRONMENT is {settings.environment})")
    return settings


def _principal(user_id: str | None, operator: str | None) -> Principal:
    with session_scope(store()) as session:
        if operator is not None:
            if service.ensure_operator(session, operator):
                err_console.print(f"created operator {operator!r}")
            return Principal("operator", operator)
        customer = user_id or ""
        if session.get(User, customer) is None:
            raise NotFound(f"no user {customer!r}")
        return Principal("customer", customer)


@app.command()
def token(
    user_id: Annotated[str | None, typer.Argument(help="The customer to issue a token for.")] = None,
    operator: Annotated[
        str | None, typer.Option("--operator", help="Issue an operator token; the operator is created if missing.")
    ] = None,
) -> None:
    """Print an access token for a customer, or for an operator (development only)."""
    settings = _development_only("spendsense token")
    if (user_id is None) == (operator is None):
        fail("give either USER_ID or --operator NAME")
    try:
        principal = _principal(user_id, operator)
        secret = signing_secret(settings)
    except SpendSenseError as exc:
        fail(exc.detail)
    typer.echo(issue_token(principal, secret, timedelta(minutes=settings.jwt_ttl_minutes), utcnow()))


@app.command("demo-logins")
def demo_logins(
    customers: Annotated[int, typer.Option(min=0, max=20, help="How many consenting customers get a login.")] = 3,
    operator: Annotated[str, typer.Option(help="The operator to create or reset.")] = DEMO_OPERATOR,
    password: Annotated[str, typer.Option(help="The password every demo login gets.")] = DEMO_PASSWORD,
) -> None:
    """Give the first few consenting customers and an operator a known password (development only)."""
    _development_only("spendsense demo-logins")
    try:
        with session_scope(store()) as session:
            service.set_operator_password(session, operator, password)
            chosen = consented_user_ids(session)[:customers]
            for user_id in chosen:
                service.set_customer_password(session, user_id, password)
    except SpendSenseError as exc:
        fail(exc.detail)
    table = Table("role", "username", "password", title="Demo logins (POST /api/auth/login)")
    table.add_row("operator", operator, password)
    for user_id in chosen:
        table.add_row("customer", user_id, password)
    console.print(table)
