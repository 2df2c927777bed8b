"""The built web UI (web/dist) served at `/` beside the API, when it has been built.

An ASGI middleware rather than a mount: the API's route table stays exactly the API's
(the authorization walk and the OpenAPI schema see no extra route), and API paths keep
their own 404 and 405 answers. A single-page app owns its other paths
(`/customers/...`, `/operator/...`), so a GET that is not a file gets index.html and the
app's router takes over.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

# src/spendsense/api/static.py -> the repository root.
DEFAULT_DIST = Path(__file__).resolve().parents[3] / "web" / "dist"
API_PREFIXES = ("/api/", "/ws", "/docs", "/redoc", "/openapi.json")


class WebUI:
    """Answer GET/HEAD outside the API from `dist`; everything else goes to the API."""

    def __init__(self, app: ASGIApp, dist: Path) -> None:
        self.app = app
        self.files = StaticFiles(directory=dist)

    def _serves(self, scope: Scope) -> bool:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            return False
        path: str = scope["path"]
        return path != "/api" and not path.startswith(API_PREFIXES)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._serves(scope):
            await self.app(scope, receive, send)
            return
        relative = scope["path"].lstrip("/")
        response: Response | None = None
        if relative:
            try:
                response = await self.files.get_response(relative, scope)
            except HTTPException:  # not a file: a path of the app's own router
                response = None
        if response is None or response.status_code == 404:
            response = await self.files.get_response("index.html", scope)
            response.headers["Cache-Control"] = "no-cache"  # so a new build is picked up at once
        await response(scope, receive, send)


def mount_web(app: FastAPI, dist: Path = DEFAULT_DIST) -> bool:
    """Serve the UI built in `dist` at `/`, when there is a build. True if it is served."""
    if not (dist / "index.html").is_file():
        return False
    app.add_middleware(WebUI, dist=dist)
    return True
