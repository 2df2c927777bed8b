"""`spendsense serve`: the API (and, once built, the web UI) on one port."""

from __future__ import annotations

import typer

from spendsense.cli.app import app, console, store


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
) -> None:
    """Serve the API on http://HOST:PORT."""
    import uvicorn

    from spendsense.api.app import create_app

    store()  # create and migrate before the first request
    console.print(f"Serving SpendSense on [bold]http://{host}:{port}[/] (health: /api/health)")
    uvicorn.run(create_app(), host=host, port=port, log_level="warning")
