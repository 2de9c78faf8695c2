"""`storyledger ingest`, `articles`, `show` and `rebuild`: thin commands over the library."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from storyledger.cli.app import app, console, err_console, ledger_from, print_json
from storyledger.ingest.pipeline import IngestReport, ingest_paths, rebuild
from storyledger.ingest.progress import wanted
from storyledger.ingest.records import Defaults, normalise_date
from storyledger.report.articles import article_data, articles_data

WorkersOption = Annotated[
    int, typer.Option("--workers", "-w", min=1, help="Extract in this many processes.")
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


@app.command()
def ingest(
    ctx: typer.Context,
    paths: Annotated[
        list[Path], typer.Argument(help="Files or folders: .txt/.md, .html, .json, .jsonl.")
    ],
    published: Annotated[
        str | None,
        typer.Option(help="Publication date for articles without one (YYYY-MM-DD)."),
    ] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet for articles without one.")] = None,
    workers: WorkersOption = 1,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    quiet: QuietOption = False,
) -> None:
    """Ingest articles from text, HTML, JSON and JSONL files or folders (recursively).

    Each article is extracted and stored in one transaction; content already in
    the ledger is skipped; bad files and lines are reported and the rest of the
    batch still goes in (exit code 1 if anything failed).

    Example: storyledger --db haiti.db ingest examples/ reports/ --outlet Reuters --workers 2
    """
    defaults = Defaults(
        published=normalise_date(published, "--published") if published else None,
        outlet=outlet,
    )
    with ledger_from(ctx) as ledger:
        report = ingest_paths(ledger, paths, defaults, workers=workers, progress=wanted(quiet))
    print_errors(message for _, message in report.failed)
    if as_json:
        print_json(report.to_json())
    else:
        console.print(_summary(report), highlight=False)
    if not report.ok:
        raise typer.Exit(1)


def print_errors(messages: Iterable[str]) -> None:
    """Each message on one line of stderr, user text never read as markup."""
    for message in messages:
        err_console.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)


def _summary(report: IngestReport) -> str:
    return (
        f"added {len(report.added)}, already present {len(report.skipped)},"
        f" failed {len(report.failed)}"
    )


@app.command()
def articles(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """List the articles of the ledger, by publication date.

    Example: storyledger --db haiti.db articles --json
    """
    with ledger_from(ctx) as ledger:
        rows = articles_data(ledger)
    if as_json:
        print_json(rows)
        return
    table = Table("id", "published", "outlet", "title")
    for row in rows:
        table.add_row(row["id"], row["published"] or "", row["outlet"] or "", row["title"] or "")
    console.print(table)


@app.command()
def show(
    ctx: typer.Context,
    article: Annotated[str, typer.Argument(help="Article id or a unique prefix of it.")],
    as_json: JsonOption = False,
) -> None:
    """Show one article and everything extracted from it.

    Tables of its entities, times, quantities, quotes and claims, or all of it
    as JSON.

    Example: storyledger --db haiti.db show 3fa9
    """
    with ledger_from(ctx) as ledger:
        data = article_data(ledger, article)
    if as_json:
        print_json(data)
        return
    for renderable in _article_tables(data):
        console.print(renderable)


@app.command("rebuild")
def rebuild_command(
    ctx: typer.Context,
    workers: WorkersOption = 1,
    everything: Annotated[
        bool, typer.Option("--all", help="Re-extract every article, not only outdated ones.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    quiet: QuietOption = False,
) -> None:
    """Re-extract the articles stored by an older extractor version, then re-link.

    Example: storyledger --db haiti.db rebuild --workers 2
    """
    with ledger_from(ctx) as ledger:
        report = rebuild(ledger, workers=workers, progress=wanted(quiet), everything=everything)
    print_errors(message for _, message in report.failed)
    if as_json:
        print_json(report.to_json())
    else:
        console.print(
            f"re-extracted {len(report.extracted)}, failed {len(report.failed)},"
            f" linked {report.linked}",
            highlight=False,
        )
    if report.failed:
        raise typer.Exit(1)


# -- the readable view of one article ---------------------------------------------------


def _article_tables(data: dict[str, Any]) -> list[Any]:
    extraction = data["extraction"]
    header = Table.grid(padding=(0, 2))
    for label, key in (
        ("id", "id"),
        ("title", "title"),
        ("outlet", "outlet"),
        ("url", "url"),
        ("published", "published"),
        ("date from", "published_source"),
        ("extractor", "extractor_version"),
    ):
        header.add_row(f"[bold]{label}[/bold]", str(data[key] or ""))
    return [
        header,
        _table(
            "Entities",
            ("text", "label", "key", "name"),
            [(e["text"], e["label"], e["key"], e["name"]) for e in extraction["entities"]],
        ),
        _table(
            "Times",
            ("text", "type", "value", "mod", "resolved"),
            [
                (t["text"], t["type"], t["value"], t["mod"], "yes" if t["resolved"] else "no")
                for t in extraction["times"]
            ],
        ),
        _table(
            "Quantities",
            ("text", "value", "low", "high", "approx", "unit", "counted", "predicate"),
            [
                _pick(q, "text", "value", "low", "high", "approx", "unit", "counted", "predicate")
                for q in extraction["quantities"]
            ],
        ),
        _table(
            "Quotes",
            ("quote", "speaker", "speaker key", "cue", "direct"),
            [
                (
                    q["text"],
                    (q["speaker"] or {}).get("text"),
                    q["speaker_key"],
                    q["cue"],
                    "yes" if q["direct"] else "no",
                )
                for q in extraction["quotes"]
            ],
        ),
        _table(
            "Claims",
            ("#", "subject", "predicate", "object", "quantity", "time", "speaker", "modality"),
            [_claim_row(c, extraction) for c in extraction["claims"]],
        ),
    ]


def _pick(mention: dict[str, Any], *names: str) -> tuple[Any, ...]:
    return tuple(mention[name] for name in names)


def _claim_row(claim: dict[str, Any], extraction: dict[str, Any]) -> tuple[Any, ...]:
    quantities, times = extraction["quantities"], extraction["times"]
    quantity = quantities[claim["quantity"]]["text"] if claim["quantity"] is not None else None
    time = times[claim["time"]] if claim["time"] is not None else None
    modality = claim["modality"] + (" (negated)" if claim["polarity"] == "negative" else "")
    return (
        claim["sentence"],
        claim["subject"],
        claim["predicate"],
        claim["object"],
        quantity,
        f"{time['text']} = {time['value']}" if time else None,
        claim["speaker"],
        modality,
    )


def _table(title: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> Table | str:
    """A titled table of the rows, or a one-line note when there are none."""
    if not rows:
        return f"\n[bold]{title}[/bold]: none"
    table = Table(*columns, title=f"{title} ({len(rows)})", title_justify="left")
    for row in rows:
        table.add_row(*(_cell(value) for value in row))
    return table


def _cell(value: Any) -> str:
    """A table cell: nothing for None, numbers with thousands separators."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{int(value):,}" if value.is_integer() else f"{value:,}"
    return str(value)
