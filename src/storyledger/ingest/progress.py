"""A progress bar for batches, on stderr so stdout stays clean for JSON."""

from __future__ import annotations

import sys
from collections.abc import Callable

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


def counting_task(bar: Progress, description: str) -> Callable[[int, int], None]:
    """A new task of the bar, as a callback told (done, total)."""
    task = bar.add_task(description, total=None)

    def update(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)

    return update
