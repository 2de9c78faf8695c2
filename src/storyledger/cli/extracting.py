"""`storyledger extract`: JSONL records in, a JSON line of mentions and claims out; no database."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, TextIO

import typer

from storyledger.cli.app import app
from storyledger.cli.ingesting import QuietOption, TimeoutOption, WorkersOption, print_errors
from storyledger.errors import InputError
from storyledger.extract.parallel import TIME_LIMIT
from storyledger.ingest.files import read_text
from storyledger.ingest.pipeline import extract_lines
from storyledger.ingest.progress import wanted
from storyledger.ingest.records import normalise_date


@app.command()
def extract(
    source: Annotated[
        str, typer.Argument(help="JSONL file of {id, text, published?} records, or - for stdin.")
    ] = "-",
    published: Annotated[
        str | None,
        typer.Option(help="Publication date for records without one (YYYY-MM-DD)."),
    ] = None,
    workers: WorkersOption = 1,
    extract_timeout: TimeoutOption = TIME_LIMIT,
    quiet: QuietOption = False,
) -> None:
    """Extract mentions and claims from JSONL records, without a ledger.

    One JSON line {id, entities, times, quantities, quotes, claims} per record,
    in order. Bad lines are reported on stderr (exit code 1) and the rest go on.

    Example: storyledger extract records.jsonl --published 2024-06-26 > mentions.jsonl
    """
    default_published = normalise_date(published, "--published") if published else None
    lines, where = _open(source)
    failed = False
    for result in extract_lines(
        lines, where, default_published, workers, wanted(quiet), time_limit=extract_timeout
    ):
        if isinstance(result, InputError):
            print_errors([str(result)])
            failed = True
        else:
            _write_line(sys.stdout, result)
    if failed:
        raise typer.Exit(1)


def _open(source: str) -> tuple[list[str] | TextIO, str]:
    """The lines of ``source`` (read lazily from stdin) and its name for error messages."""
    if source == "-":
        return sys.stdin, "<stdin>"
    return read_text(Path(source)).splitlines(), source


def _write_line(out: TextIO, data: dict[str, object]) -> None:
    out.write(json.dumps(data, ensure_ascii=False) + "\n")
    out.flush()
