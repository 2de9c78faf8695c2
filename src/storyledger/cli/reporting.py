"""`storyledger timeline`, `report`, `export` and `demo`: thin commands over report/ and demo/."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.markup import escape

from storyledger.cli.app import app, console, ledger_from, print_json, story_id
from storyledger.cli.facts import facts_records
from storyledger.cli.layout import Records, cell, laid_out
from storyledger.demo import DEFAULT_OUT, run_demo
from storyledger.report.briefing import FORMATS as REPORT_FORMATS
from storyledger.report.briefing import briefing_data, headline_figures, render_briefing
from storyledger.report.display import date_text, day_text
from storyledger.report.export import COLUMNS, WHATS, export_rows, write_export
from storyledger.report.export import FORMATS as EXPORT_FORMATS
from storyledger.report.timeline import in_date_order, timeline_data

DEMO_EVENTS = 20
SOURCES = 3  # the first sources of an event shown, then how many more
StoryOption = Annotated[
    str | None, typer.Option("--story", "-s", help="Story id or a unique prefix of it.")
]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
]


def choice(allowed: tuple[str, ...], name: str) -> Any:
    """A typer callback that accepts one of ``allowed`` for the option ``name``."""

    def check(value: str) -> str:
        if value not in allowed:
            raise typer.BadParameter(f"{name} must be one of {', '.join(allowed)}")
        return value

    return check


@app.command()
def timeline(
    ctx: typer.Context,
    story: StoryOption = None,
    start: Annotated[
        str | None, typer.Option("--from", help="Events from this date (YYYY[-MM[-DD]]).")
    ] = None,
    end: Annotated[
        str | None, typer.Option("--to", help="Events up to this date (YYYY[-MM[-DD]]).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON, by salience.")] = False,
    everything: Annotated[
        bool,
        typer.Option("--all", help="Every dated event, not only the key ones."),
    ] = False,
) -> None:
    """The dated events of a story, what happened kept apart from what is expected.

    Key events only, unless --all: those two independent outlets report, or that a report
    leads with. The table is in date order; --json lists the events by salience
    (independent outlets).

    Example: storyledger --db haiti.db timeline --from 2024-06 --to 2024-12 --all
    """
    with ledger_from(ctx) as ledger:
        events = timeline_data(ledger, story_id(ledger, story), start, end, key_only=not everything)
    if as_json:
        print_json(events)
    else:
        console.print(laid_out(timeline_records(events), console.width))


def timeline_records(events: list[dict[str, Any]]) -> Records:
    """The events in date order: date, status, description, outlets, sources."""
    records = Records(
        "Timeline",
        ("date", "status", "event", "outlets", "sources"),
        no_wrap=frozenset(["date", "status", "outlets"]),
        ratios={"event": 3},
    )
    for event in in_date_order(events):
        sources = ", ".join(
            f"{s['outlet'] or '?'} {day_text(s['published'])}" for s in event["sources"][:SOURCES]
        )
        if len(event["sources"]) > SOURCES:
            sources += f" +{len(event['sources']) - SOURCES}"
        records.add(
            date_text(event["date"], event["mod"]),
            cell(event["status"], style="green" if event["status"] == "happened" else "yellow"),
            event["description"],
            str(event["salience"]),
            sources,
        )
    return records


@contextmanager
def output_to(path: Path | None) -> Iterator[TextIO]:
    """The file to write to (UTF-8), or stdout."""
    if path is None:
        yield sys.stdout
        return
    with path.open("w", encoding="utf-8", newline="") as handle:
        yield handle


@app.command()
def report(
    ctx: typer.Context,
    story: StoryOption = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="md, html or json.", callback=choice(REPORT_FORMATS, "--format")
        ),
    ] = "md",
    output: OutputOption = None,
) -> None:
    """A briefing of one story (default: the largest): headline figures with charts,
    disagreements, timeline, key quotes and sources, every statement cited [outlet, date].

    The HTML is one self-contained file (no scripts, no external assets) for screen and print.

    Example: storyledger --db haiti.db report --format html -o briefing.html
    """
    with ledger_from(ctx) as ledger:
        text = render_briefing(briefing_data(ledger, story_id(ledger, story)), fmt)
    with output_to(output) as out:
        out.write(text)
    if output is not None:
        console.print(f"wrote {escape(str(output))}", highlight=False, soft_wrap=True)


@app.command()
def export(
    ctx: typer.Context,
    what: Annotated[
        str,
        typer.Option(
            "--what",
            help="figures, observations, events, quotes or articles.",
            callback=choice(WHATS, "--what"),
        ),
    ],
    story: StoryOption = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="csv or jsonl.", callback=choice(EXPORT_FORMATS, "--format")
        ),
    ] = "csv",
    output: OutputOption = None,
) -> None:
    """A flat table for analysts, one row per figure, observation, event, quote or article,
    with the citation columns article, outlet, url, published (see README, "Exports").

    Example: storyledger --db haiti.db export --what observations --format csv -o obs.csv
    """
    with ledger_from(ctx) as ledger:
        rows = export_rows(ledger, what, story_id(ledger, story))
    with output_to(output) as out:
        write_export(rows, COLUMNS[what], fmt, out)


@app.command()
def demo(
    out: Annotated[
        Path, typer.Option("--out", help="Folder for demo.db and briefing.html.")
    ] = DEFAULT_OUT,
) -> None:
    """Build a ledger from the bundled sample corpus (the Kenya-led police mission to Haiti,
    2023-2025), print its fact sheet and timeline, and write the HTML briefing.

    Example: storyledger demo --out /tmp/haiti-demo
    """
    result = run_demo(out, progress=sys.stderr.isatty())
    console.print(laid_out(facts_records(headline_figures(result.figures)), console.width))
    console.print(laid_out(timeline_records(result.events[:DEMO_EVENTS]), console.width))
    console.print(
        f"{result.articles} articles -> {len(result.figures)} figures,"
        f" {len(result.events)} events (the {DEMO_EVENTS} most salient above),"
        f" {result.stories} {'story' if result.stories == 1 else 'stories'}"
        f"\nledger:   {escape(str(result.ledger_path))}"
        f"\nbriefing: {escape(str(result.briefing_path))}"
        f"\nnext:     storyledger --db {escape(str(result.ledger_path))} timeline",
        highlight=False,
        soft_wrap=True,  # paths stay whole, to copy and paste
    )
