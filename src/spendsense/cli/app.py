"""The root Typer app and what every command shares: settings, the store, the console."""

from __future__ import annotations

import sys
from typing import NoReturn

import typer
from pydantic import ValidationError
from rich.console import Console
from sqlalchemy import Engine

from spendsense.config import Settings, get_settings
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
    settings = _settings_or_fail()
    configure_logging(settings.log_level, settings.log_json)


def _settings_or_fail() -> Settings:
    """The settings, or one line per invalid variable and exit 2 (never a pydantic traceback)."""
    try:
        return get_settings()
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            where = ".".join(str(part) for part in error["loc"]) or "settings"
            problems.append(f"{where}: {error['msg'].removeprefix('Value error, ')}")
        fail("invalid settings: " + "; ".join(problems))


def store() -> Engine:
    """The configured store, created and migrated on first use."""
    return engine_for(get_settings().sqlalchemy_url)


def fail(message: str, code: int = 2) -> NoReturn:
    err_console.print(f"[bold red]error:[/] {message}")
    sys.exit(code)
