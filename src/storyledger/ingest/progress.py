"""A progress bar for batches, on stderr so stdout stays clean for JSON."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


def wanted(quiet: bool) -> bool:
    """Show a bar only to a person: not with --quiet, not when stderr is a file or a pipe."""
    return not quiet and sys.stderr.isatty()


def progress_bar(enabled: bool) -> Progress:
    """A bar counting articles (with a total when one is known), disabled when not ``enabled``."""
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        disable=not enabled,
        transient=False,
    )
