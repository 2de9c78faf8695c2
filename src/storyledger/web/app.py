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
from starlette.exceptions import HTTPException
from starlette.routing import Match

from storyledger import __version__
from storyledger.errors import InputError, NotFoundError, StoryledgerError
from storyledger.web.api import api_router
from storyledger.web.headers import SecurityHeaders
from storyledger.web.limits import BodySizeLimit
from storyledger.web.pages import page_router
from storyledger.web.pool import LedgerPool

STATIC_DIR = Path(__file__).parent / "static"


def create_app(db_path: str | Path, read_only: bool = False, token: str | None = None) -> FastAPI:
    """The storyledger web application over the ledger at ``db_path``.

    Reads are open; writes are refused when ``read_only``, and need ``token`` as a
    bearer token when one is given.
    """
    app = FastAPI(
        title="storyledger",
        version=__version__,
        description="A sourced, dated ledger of a developing news story.",
        docs_url=None,  # Swagger UI and ReDoc load their assets from a CDN: the schema
        redoc_url=None,  # is at /openapi.json, and the app serves only its own assets
    )
    app.state.pool = LedgerPool(str(db_path))
    app.state.read_only = read_only
    app.state.token = token
    app.include_router(api_router, prefix="/api/v1")
    app.include_router(page_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(BodySizeLimit)
    app.add_middleware(SecurityHeaders)
    add_error_handlers(app)
    if token is None:
        app.openapi = lambda: schema_without_auth(app)  # type: ignore[method-assign]
    return app


def schema_without_auth(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI schema of a server that has no token: its writes need no auth."""
    if app.openapi_schema is None:
        schema = FastAPI.openapi(app)
        schema.get("components", {}).pop("securitySchemes", None)
        for operation in (op for path in schema["paths"].values() for op in path.values()):
            operation.pop("security", None)
            for status in ("401",):
                operation.get("responses", {}).pop(status, None)
        app.openapi_schema = schema
    return app.openapi_schema


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

    @app.exception_handler(405)
    async def method_not_allowed(request: Request, exc: HTTPException) -> Any:
        allow = ", ".join(sorted(methods_allowed(app, request)))
        return JSONResponse({"detail": exc.detail}, status_code=405, headers={"Allow": allow})


HTTP_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def methods_allowed(app: FastAPI, request: Request) -> set[str]:
    """Every method some route of ``request``'s path answers (Starlette names only the
    first route's: GET for /api/v1/articles, whose POST is another route)."""
    return {
        method
        for method in HTTP_METHODS
        if any(
            route.matches({**request.scope, "method": method})[0] == Match.FULL
            for route in app.router.routes
        )
    }


def error_response(request: Request, status: int, message: str) -> Any:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": message}, status_code=status)
    from storyledger.web.pages import render_error

    return render_error(request, status, message)
