"""`storyledger serve`: the web app and JSON API over a ledger."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Annotated

import typer

from storyledger.cli.app import Settings, app, err_console
from storyledger.errors import Msg, NotFoundError


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    read_only: Annotated[
        bool, typer.Option("--read-only", help="Refuse POST /api/v1/articles (no ingest).")
    ] = False,
) -> None:
    """Serve the ledger as web pages and a JSON API (OpenAPI at /openapi.json).

    Example: storyledger --db haiti.db serve --port 8000 --read-only
    """
    import uvicorn

    from storyledger.web.app import create_app

    settings: Settings = ctx.find_root().obj
    if not Path(settings.db).exists():
        if read_only:  # nothing to show and nothing may be added: surely a wrong --db
            raise NotFoundError(Msg.NO_LEDGER_TO_SERVE.format(path=settings.db))
        err_console.print(Msg.NEW_LEDGER_SERVED.format(path=settings.db), markup=False)
    web_app = create_app(settings.db, read_only=read_only)
    gc.freeze()  # what is loaded so far lives as long as the server: keep it out of collections
    err_console.print(
        f"storyledger serving {settings.db} on http://{host}:{port}/", markup=False, highlight=False
    )
    uvicorn.run(web_app, host=host, port=port, log_level="warning")
