"""`spendsense serve`: the API (and, once built, the web UI) on one port."""

from __future__ import annotations

import os
import sys

import typer

from spendsense.api.server import serving_environment
from spendsense.auth.service import login_names
from spendsense.cli.app import app, console, fail, store
from spendsense.config import get_settings
from spendsense.kit.db import session_scope

SHOWN_CUSTOMERS = 3


def _print_logins(base: str) -> None:
    """Development only: who can log in here, or how to make someone able to."""
    with session_scope(store()) as session:
        operators, customers = login_names(session, SHOWN_CUSTOMERS)
    console.print(f"Log in: POST {base}/api/auth/login with {{username, password, role}}; API docs at {base}/docs")
    if operators or customers:
        console.print(f"  operators: {', '.join(operators) or '-'}; customers with a password: {', '.join(customers)}")
        console.print("  (`spendsense demo-logins` sets their demo password and prints it)")
    else:
        console.print("  no logins yet: run `spendsense demo-logins` to create an operator and customer logins")
    console.print("  or skip the password: `spendsense token USER_ID`, `spendsense token --operator NAME`")


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
) -> None:
    """Serve the API on http://HOST:PORT."""
    store()  # create and migrate before the first request
    base = f"http://{host}:{port}"
    console.print(f"Serving SpendSense on [bold]{base}[/] (health: /api/health, live events: /ws?token=...)")
    if get_settings().environment == "development":
        _print_logins(base)
    sys.stdout.flush()
    # Become the server: a fresh interpreter imports only the API, with the serving environment
    # (see spendsense.api.server), instead of every command this CLI process has loaded.
    command = [sys.executable, "-m", "spendsense.api.server", "--host", host, "--port", str(port)]
    try:
        os.execve(sys.executable, command, serving_environment(os.environ))  # noqa: S606 (our own interpreter)
    except OSError as exc:
        fail(f"cannot start the server: {exc}")
