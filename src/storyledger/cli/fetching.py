"""`storyledger fetch`, `watch` and `import-warc`: thin commands over ingest from the web."""

from __future__ import annotations

import json
import sys
from contextlib import suppress
from pathlib import Path
from typing import Annotated

import typer

from storyledger.cli.app import app, console, err_console, ledger_from, print_json
from storyledger.cli.ingesting import QuietOption, WorkersOption, print_errors
from storyledger.ingest.feeds import FeedReport, StopOnInterrupt, parse_interval, watch
from storyledger.ingest.fetch import Fetcher, FetchReport, Target, fetch_into
from storyledger.ingest.progress import wanted
from storyledger.ingest.warc import import_warc

AllowPrivateOption = Annotated[
    bool,
    typer.Option(
        "--allow-private",
        help="Also fetch from loopback, private and other non-public addresses.",
    ),
]
AllowNetworkOption = Annotated[
    list[str] | None,
    typer.Option(
        "--allow-network",
        help="Also fetch from this private network (CIDR, e.g. 10.1.0.0/16); repeatable.",
    ),
]
JsonSummaryOption = Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")]


@app.command()
def fetch(
    ctx: typer.Context,
    urls: Annotated[list[str], typer.Argument(help="http(s) URLs of article pages.")],
    allow_private: AllowPrivateOption = False,
    allow_network: AllowNetworkOption = None,
    as_json: JsonSummaryOption = False,
) -> None:
    """Download article pages and ingest them: text, title, publication date and author.

    URLs fetched before are skipped; each failure is reported with its reason
    (timeout, too large, refused address, not HTML, no article text, HTTP
    status) and the others still go in (exit code 1 if any failed).

    Example: storyledger --db haiti.db fetch https://example.org/2024/06/25/kenyan-police-land
    """
    fetcher = Fetcher(allow_private=allow_private, allowed_networks=allow_network or ())
    with ledger_from(ctx) as ledger, fetcher:
        report = fetch_into(ledger, fetcher, [Target(url) for url in urls])
    print_errors(failure.message for failure in report.failed)
    if as_json:
        print_json(report.to_json())
    else:
        console.print(_fetch_summary(report), highlight=False, soft_wrap=True)
    if not report.ok:
        raise typer.Exit(1)


@app.command("watch")
def watch_command(
    ctx: typer.Context,
    feeds: Annotated[list[str], typer.Argument(help="URLs of RSS or Atom feeds.")],
    every: Annotated[
        str, typer.Option(help="Time between polls: seconds, or e.g. 30s, 15m, 1h.")
    ] = "15m",
    once: Annotated[bool, typer.Option("--once", help="Poll each feed once, then stop.")] = False,
    allow_private: AllowPrivateOption = False,
    allow_network: AllowNetworkOption = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON line per feed and poll.")
    ] = False,
) -> None:
    """Poll RSS and Atom feeds and ingest the articles of new entries, until Ctrl-C.

    Each poll asks with the feed's ETag / Last-Modified, so an unchanged feed
    costs one short answer; entries seen before are not fetched again.

    Example: storyledger --db haiti.db watch https://example.org/haiti/rss.xml --every 15m
    """
    interval = parse_interval(every)
    failed: list[FeedReport] = []

    def show(report: FeedReport) -> None:
        if not report.ok:
            failed.append(report)
        print_errors(failure.message for failure in report.failed)
        if as_json:
            sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            console.print(_feed_summary(report), highlight=False, soft_wrap=True)

    fetcher = Fetcher(allow_private=allow_private, allowed_networks=allow_network or ())
    with ledger_from(ctx) as ledger, fetcher, StopOnInterrupt() as interrupt:
        with suppress(KeyboardInterrupt):  # a second Ctrl-C: stopped wherever it was
            watch(
                ledger, fetcher, feeds, interval, once, show, interrupt.sleep, interrupt.requested
            )
        if interrupt.requested.is_set():
            err_console.print("stopped", highlight=False)
    if failed:
        raise typer.Exit(1)


@app.command("import-warc")
def import_warc_command(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="A web archive: FILE.warc or FILE.warc.gz.")],
    workers: WorkersOption = 1,
    as_json: JsonSummaryOption = False,
    quiet: QuietOption = False,
) -> None:
    """Ingest the HTML pages (status 200 responses) of a web archive.

    A truncated or damaged archive gives the pages before the damage and an
    error saying where it stopped (exit code 1).

    Example: storyledger --db haiti.db import-warc crawl-2024-06.warc.gz
    """
    with ledger_from(ctx) as ledger:
        report = import_warc(ledger, path, workers=workers, progress=wanted(quiet))
    print_errors(message for _, message in report.failed)
    if as_json:
        print_json(report.to_json())
    else:
        console.print(
            f"added {len(report.added)}, already present {len(report.skipped)},"
            f" failed {len(report.failed)}",
            highlight=False,
        )
    if not report.ok:
        raise typer.Exit(1)


def _fetch_summary(report: FetchReport) -> str:
    return (
        f"fetched {len(report.fetched)} (added {len(report.ingest.added)}),"
        f" already fetched {len(report.already)}, failed {len(report.failed)}"
    )


def _feed_summary(report: FeedReport) -> str:
    if report.not_modified:
        return f"{report.url}: not modified"
    fetched = report.fetch
    return (
        f"{report.url}: {report.entries} entries, {report.new} new,"
        f" fetched {len(fetched.fetched)} (added {len(fetched.ingest.added)}),"
        f" already fetched {len(fetched.already)}, failed {len(report.failed)}"
    )
