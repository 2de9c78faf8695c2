"""The command line: thin commands over library functions.

Each module registers its commands on ``app``; ``main`` turns every
``StoryledgerError`` into a one-line message and exit code 1.
"""

from __future__ import annotations

import sys

from rich.markup import escape

from storyledger.cli import (  # noqa: F401  (register commands)
    extracting,
    facts,
    fetching,
    ingesting,
    reporting,
    serving,
    stories,
)
from storyledger.cli.app import app, err_console
from storyledger.errors import StoryledgerError


def main() -> None:
    try:
        app()
    except StoryledgerError as exc:
        err_console.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
        sys.exit(1)
