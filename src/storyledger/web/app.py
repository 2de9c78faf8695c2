"""The web app: a JSON API under /api/v1 and server-rendered pages.

Both call the same report data functions as the CLI, so the three views of a
ledger cannot drift. Article text is data: templates autoescape everything and
nothing from an article is ever marked safe.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from storyledger import __version__
from storyledger.errors import InputError, NotFoundError, StoryledgerError
from storyledger.web.api import api_router
from storyledger.web.headers import SecurityHeaders
from storyledger.web.limits import BodySizeLimit
from storyledger.web.pages import page_router
from storyledger.web.pool import LedgerPool

STATIC_DIR = Path(__file__).parent / "static"


def create_app(db_path: str | Path, read_only: bool = False) -> FastAPI:
    """The storyledger web application over the ledger at ``db_path``."""
    app = FastAPI(
        title="storyledger",
        version=__version__,
        description="A sourced, dated ledger of a developing news story.",
        docs_url=None,  # Swagger UI and ReDoc load their assets from a CDN: the schema
        redoc_url=None,  # is at /openapi.json, and the app serves only its own assets
    )
    app.state.pool = LedgerPool(str(db_path))
    app.state.read_only = read_only
    app.include_router(api_router, prefix="/api/v1")
    app.include_router(page_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(BodySizeLimit)
    app.add_middleware(SecurityHeaders)
    add_error_handlers(app)
    return app


def add_error_handlers(app: FastAPI) -> None:
    """Our errors as JSON 4xx for the API; pages render them through the page router."""

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> Any:
        return error_response(request, 404, str(exc))

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError) -> Any:
        return error_response(request, 400, str(exc))

    @app.exception_handler(StoryledgerError)
    async def other(request: Request, exc: StoryledgerError) -> Any:
        return error_response(request, 400, str(exc))


def error_response(request: Request, status: int, message: str) -> Any:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": message}, status_code=status)
    from storyledger.web.pages import render_error

    return render_error(request, status, message)
