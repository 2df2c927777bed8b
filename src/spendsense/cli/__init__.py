"""The `spendsense` command: one Typer app, one module per command group."""

from __future__ import annotations

from spendsense.cli import consent as _consent  # noqa: F401  (registers commands)
from spendsense.cli import serve as _serve  # noqa: F401
from spendsense.cli.app import app

__all__ = ["app"]
