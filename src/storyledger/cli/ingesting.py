"""`storyledger ingest`, `articles`, `show` and `rebuild`: thin commands over the library."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from storyledger.cli.app import app, console, err_console, ledger_from, print_json
from storyledger.cli.layout import Records, laid_out
from storyledger.extract.engines import Engine, EngineName
from storyledger.extract.parallel import TIME_LIMIT
from storyledger.ingest.pipeline import IngestReport, ingest_paths, rebuild
from storyledger.ingest.progress import wanted
from storyledger.ingest.records import Defaults, normalise_date
from storyledger.report.articles import article_data, articles_data
from storyledger.report.display import date_text, day_text, short_ids, value_text

WorkersOption = Annotated[
    int, typer.Option("--workers", "-w", min=1, help="Extract in this many processes.")
]
EngineWorkersOption = Annotated[
    int | None,
    typer.Option(
        "--workers",
        "-w",
        min=1,
        help="Extract in this many processes (default 1), or Ray actors (default: one per CPU"
        " of the cluster).",
    ),
]
EngineOption = Annotated[
    EngineName,
    typer.Option(
        "--engine",
        help="Extract here (local) or on a Ray cluster (ray; install storyledger\\[ray]).",
    ),
]
AddressOption = Annotated[
    str | None,
    typer.Option(
        "--address",
        envvar="RAY_ADDRESS",
        help="With --engine ray: the cluster (HOST:PORT, or auto for one started on this"
        " machine with ray start); without it, a local Ray runs for the command.",
    ),
]
TimeoutOption = Annotated[
    float,
    typer.Option(
        "--extract-timeout",
        min=0.001,
        help="Seconds one document may take to extract; a slower one fails alone.",
    ),
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
    workers: EngineWorkersOption = None,
    engine: EngineOption = EngineName.LOCAL,
    address: AddressOption = None,
    extract_timeout: TimeoutOption = TIME_LIMIT,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    quiet: QuietOption = False,
) -> None:
    """Ingest articles from text, HTML, JSON and JSONL files or folders (recursively).

    Each article is extracted and stored in one transaction; content already in
    the ledger is skipped; bad files and lines are reported and the rest of the
    batch still goes in (exit code 1 if anything failed).

    Example: storyledger --db haiti.db ingest examples/ reports/ --outlet Reuters --workers 2

    On a Ray cluster: storyledger --db archive.db ingest archive/ --engine ray --address HEAD:6379
    """
    defaults = Defaults(
        published=normalise_date(published, "--published") if published else None,
        outlet=outlet,
    )
    with ledger_from(ctx) as ledger:
        report = ingest_paths(
            ledger,
            paths,
            defaults,
            workers,
            wanted(quiet),
            time_limit=extract_timeout,
            engine=Engine(engine, address),
        )
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
    foreign = (
        f" ({len(report.not_english)} not in English, kept without figures)"
        if report.not_english
        else ""
    )
    return (
        f"added {len(report.added)}{foreign}, already present {len(report.skipped)},"
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
    records = Records(
        "", ("id", "published", "outlet", "title"), heading=3, no_wrap=frozenset(["id"])
    )
    ids = short_ids(row["id"] for row in rows)
    for row in rows:
        records.add(ids[row["id"]], day_text(row["published"]), row["outlet"], row["title"])
    console.print(laid_out(records, console.width))


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
    for renderable in _article_tables(data, console.width):
        console.print(renderable)


@app.command("rebuild")
def rebuild_command(
    ctx: typer.Context,
    workers: EngineWorkersOption = None,
    engine: EngineOption = EngineName.LOCAL,
    address: AddressOption = None,
    extract_timeout: TimeoutOption = TIME_LIMIT,
    everything: Annotated[
        bool, typer.Option("--all", help="Re-extract every article, not only outdated ones.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    quiet: QuietOption = False,
) -> None:
    """Re-extract the articles stored by an older extractor version, then re-link.

    Example: storyledger --db haiti.db rebuild --workers 2

    On a local Ray of 2 actors: storyledger --db haiti.db rebuild --all --engine ray --workers 2
    """
    with ledger_from(ctx) as ledger:
        report = rebuild(
            ledger,
            workers,
            wanted(quiet),
            everything,
            time_limit=extract_timeout,
            engine=Engine(engine, address),
        )
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


def _article_tables(data: dict[str, Any], width: int) -> list[RenderableType]:
    """The article's header, then its mentions and claims laid out for the width."""
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
        header.add_row(Text(label, style="bold"), Text(str(data[key] or ""), overflow="fold"))
    quantities = Records(
        "Quantities",
        ("text", "shown", "value", "low", "high", "approx", "unit", "counted", "predicate"),
    )
    for q in extraction["quantities"]:
        quantities.add(
            q["text"],
            value_text(q, q["unit"]),
            *(_number(q[name]) for name in ("value", "low", "high")),
            *(q[name] for name in ("approx", "unit", "counted", "predicate")),
        )
    entities = Records("Entities", ("text", "label", "key", "name"))
    for e in extraction["entities"]:
        entities.add(e["text"], e["label"], e["key"], e["name"])
    times = Records("Times", ("text", "type", "value", "shown", "mod", "resolved"))
    for t in extraction["times"]:
        times.add(
            t["text"],
            t["type"],
            t["value"],
            date_text(t["value"], t["mod"]),
            t["mod"],
            "yes" if t["resolved"] else "no",
        )
    quotes = Records("Quotes", ("quote", "speaker", "speaker key", "cue", "direct"))
    for q in extraction["quotes"]:
        quotes.add(
            q["text"],
            (q["speaker"] or {}).get("text"),
            q["speaker_key"],
            q["cue"],
            "yes" if q["direct"] else "no",
        )
    claims = Records(
        "Claims",
        ("sentence", "subject", "predicate", "object", "quantity", "time", "speaker", "modality"),
        heading_named=True,
    )
    for c in extraction["claims"]:
        claims.add(*_claim_row(c, extraction))
    return [header, *(_section(r, width) for r in (entities, times, quantities, quotes, claims))]


def _claim_row(claim: dict[str, Any], extraction: dict[str, Any]) -> tuple[Any, ...]:
    quantities, times = extraction["quantities"], extraction["times"]
    quantity = quantities[claim["quantity"]]["text"] if claim["quantity"] is not None else None
    time = times[claim["time"]] if claim["time"] is not None else None
    modality = claim["modality"] + (" (negated)" if claim["polarity"] == "negative" else "")
    return (
        str(claim["sentence"]),
        claim["subject"],
        claim["predicate"],
        claim["object"],
        quantity,
        f"{time['text']} = {time['value']}" if time else None,
        claim["speaker"],
        modality,
    )


def _section(records: Records, width: int) -> RenderableType:
    """Titled records (their count in the title), or a one-line note when there are none."""
    if not records.rows:
        return Text.assemble("\n", (records.title, "bold"), ": none")
    records.title = f"{records.title} ({len(records.rows)})"
    return laid_out(records, width)


def _number(value: float | None) -> str | None:
    """A number with thousands separators (as extracted: no unit, no rounding)."""
    if value is None:
        return None
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"
