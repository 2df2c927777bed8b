"""The root Typer app and what every command shares: settings, the store, the console."""

from __future__ import annotations

import sys
from typing import NoReturn

import typer
from rich.console import Console
from sqlalchemy import Engine

from spendsense.config import get_settings
from spendsense.kit.db import engine_for
from spendsense.kit.logging import configure_logging

app = typer.Typer(
    name="spendsense",
    help="Explainable, consent-aware financial education from Plaid-style data.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)


@app.callback()
def _root() -> None:
    settings = get_settings()
    configure_logging(settings.log_level, settings.log_json)


def store() -> Engine:
    """The configured store, created and migrated on first use."""
    return engine_for(get_settings().sqlalchemy_url)


def fail(message: str, code: int = 2) -> NoReturn:
    err_console.print(f"[bold red]error:[/] {message}")
    sys.exit(code)
