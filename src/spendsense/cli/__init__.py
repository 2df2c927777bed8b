"""The `spendsense` command: one Typer app, one module per command group."""

from __future__ import annotations

from spendsense.cli import aws as _aws  # noqa: F401  (registers commands)
from spendsense.cli import consent as _consent  # noqa: F401
from spendsense.cli import eval as _eval  # noqa: F401
from spendsense.cli import feedback as _feedback  # noqa: F401
from spendsense.cli import generate as _generate  # noqa: F401
from spendsense.cli import ingest as _ingest  # noqa: F401
from spendsense.cli import insight as _insight  # noqa: F401
from spendsense.cli import pipeline as _pipeline  # noqa: F401
from spendsense.cli import review as _review  # noqa: F401
from spendsense.cli import serve as _serve  # noqa: F401
from spendsense.cli import show as _show  # noqa: F401
from spendsense.cli import token as _token  # noqa: F401
from spendsense.cli.app import app

__all__ = ["app"]
