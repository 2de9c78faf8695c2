"""The typer application, global options and output helpers shared by every command."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from typing import Annotated, Any

import typer
from rich.console import Console

from storyledger.store.sqlite import Ledger, open_ledger
from storyledger.store.stories import resolve_story_id

app = typer.Typer(
    name="storyledger",
    help=(
        "A sourced, dated ledger of a developing news story.\n\n"
        "Example: storyledger --db haiti.db ingest reports/ && storyledger --db haiti.db facts"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
console = Console()
err_console = Console(stderr=True)


@dataclass
class Settings:
    db: str  # a file path, or a postgresql:// URL (kept as typed: a Path would mangle it)


@app.callback()
def global_options(
    ctx: typer.Context,
    db: Annotated[
        str,
        typer.Option(
            "--db",
            envvar="STORYLEDGER_DB",
            help="Ledger database file, or a PostgreSQL server's postgresql://user@host/db.",
        ),
    ] = "storyledger.db",
) -> None:
    ctx.obj = Settings(db=db)
    follow_columns()


def follow_columns() -> None:
    """Lay out for the terminal's width (or COLUMNS) as of this command, not as of the
    import: one process may run many commands (tests, a Python session)."""
    console.width = Console().width


def ledger_from(ctx: typer.Context) -> Ledger:
    """Open the ledger named by the global --db option."""
    settings: Settings = ctx.find_root().obj
    return open_ledger(settings.db)


def story_id(ledger: Ledger, story: str | None) -> str | None:
    """The full id of the story named by --story (an id or a unique prefix), if any."""
    return resolve_story_id(ledger.conn, story) if story else None


def print_json(data: Any) -> None:
    """Write data as JSON to stdout (UTF-8, no terminal markup)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
