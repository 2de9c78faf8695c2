"""`storyledger serve`: the web app and JSON API over a ledger."""

from __future__ import annotations

import gc
import ipaddress
import os
from pathlib import Path
from typing import Annotated

import typer

from storyledger.cli.app import Settings, app, err_console
from storyledger.errors import InputError, Msg, NotFoundError
from storyledger.store.connection import is_server_url

TOKEN_VARIABLE = "STORYLEDGER_TOKEN"


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    read_only: Annotated[
        bool, typer.Option("--read-only", help="Refuse POST /api/v1/articles (no ingest).")
    ] = False,
    token_file: Annotated[
        Path | None,
        typer.Option(
            help=f"File holding the token writes need (or set {TOKEN_VARIABLE}).",
            dir_okay=False,
            exists=True,
        ),
    ] = None,
) -> None:
    """Serve the ledger as web pages and a JSON API (OpenAPI at /openapi.json).

    Reads are open to anyone; writes (POST /api/v1/articles) need the token, sent as
    "Authorization: Bearer TOKEN". Without a token, writes are open on a loopback
    address only.

    Example: storyledger --db haiti.db serve --host 0.0.0.0 --token-file ~/.ledger-token
    """
    import uvicorn

    from storyledger.web.app import create_app

    settings: Settings = ctx.find_root().obj
    if not is_server_url(settings.db) and not Path(settings.db).exists():
        if read_only:  # nothing to show and nothing may be added: surely a wrong --db
            raise NotFoundError(Msg.NO_LEDGER_TO_SERVE.format(path=settings.db))
        err_console.print(Msg.NEW_LEDGER_SERVED.format(path=settings.db), markup=False)
    token = write_token(token_file)
    if not read_only and token is None and not is_loopback(host):
        raise InputError(Msg.OPEN_WRITES_REFUSED.format(host=host))
    web_app = create_app(settings.db, read_only=read_only, token=token)
    gc.freeze()  # what is loaded so far lives as long as the server: keep it out of collections
    err_console.print(
        f"storyledger serving {settings.db} on http://{host}:{port}/", markup=False, highlight=False
    )
    uvicorn.run(web_app, host=host, port=port, log_level="warning")


def write_token(token_file: Path | None) -> str | None:
    """The token of --token-file (its first line), else of $STORYLEDGER_TOKEN, else None."""
    if token_file is None:
        return os.environ.get(TOKEN_VARIABLE) or None
    lines = token_file.read_text(encoding="utf-8").strip().splitlines()
    if not lines or not lines[0].strip():
        raise InputError(Msg.TOKEN_FILE_EMPTY.format(path=token_file))
    return lines[0].strip()


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to any address
