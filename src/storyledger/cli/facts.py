"""`storyledger facts`, `figure` and `changes`: thin commands over report.facts."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import typer
from rich.console import Group
from rich.table import Column, Table
from rich.text import Text

from storyledger.cli.app import app, console, ledger_from, print_json, story_id
from storyledger.errors import InputError, Msg
from storyledger.report.facts import changes_data, facts_data, figure_data

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
HISTORY_SHOWN = 4
RELATION_STYLES = {
    "first": "",
    "corroborates": "green",
    "updates": "cyan",
    "refines": "blue",
    "conflicts": "bold red",
}


@app.command()
def facts(
    ctx: typer.Context,
    story: Annotated[
        str | None,
        typer.Option("--story", "-s", help="Story id or a unique prefix (default: every story)."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """The figures of a story: latest value, as of when, how many independent outlets,
    how it changed, and open conflicts between outlets.

    Example: storyledger --db haiti.db facts --story s1 --json
    """
    with ledger_from(ctx) as ledger:
        figures = facts_data(ledger, story_id(ledger, story))
    if as_json:
        print_json(figures)
    else:
        console.print(facts_table(figures))


@app.command()
def figure(
    ctx: typer.Context,
    figure_id: Annotated[str, typer.Argument(metavar="ID", help="Figure id (or a prefix).")],
    as_json: JsonOption = False,
) -> None:
    """The full history of one figure, every value with its citation:
    outlet, date, speaker and the sentence.

    Example: storyledger --db haiti.db figure f3a9c1 --json
    """
    with ledger_from(ctx) as ledger:
        data = figure_data(ledger, figure_id)
    if as_json:
        print_json(data)
    else:
        console.print(history_table(data))


@app.command()
def changes(
    ctx: typer.Context,
    since: Annotated[str, typer.Option("--since", help="Reports published since (YYYY-MM-DD).")],
    as_json: JsonOption = False,
) -> None:
    """New stories, figures, values and conflicts in reports published on or after a date
    (articles without a publication date count by the day they were ingested).

    Example: storyledger --db haiti.db changes --since 2024-07-01
    """
    with ledger_from(ctx) as ledger:
        data = changes_data(ledger, parse_since(since))
    if as_json:
        print_json(data)
    else:
        console.print(changes_tables(data))


def parse_since(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(Msg.BAD_SINCE.format(value=value)) from None


def number(value: float, unit: str) -> str:
    """1000 -> '1,000', 21e6 USD -> 'USD 21 million', 80 percent -> '80%'."""
    if unit == "percent":
        return f"{value:g}%"
    shown = f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            shown = f"{value / size:,.4g} {word}"
            break
    return shown if unit == "count" else f"{unit} {shown}"


def shown_value(observation: dict[str, Any] | None, unit: str) -> str:
    """A value as the source gave it: a point, a range, a bound, approximate."""
    if observation is None:
        return ""
    low, high, value = observation["low"], observation["high"], observation["value"]
    if low is not None and high is not None and low != high:
        return f"{number(low, unit)}–{number(high, unit)}"
    approx = observation.get("approx")
    prefix = f"{approx} " if approx else ""
    if not approx and low is not None and high is None:
        prefix = "at least "
    elif not approx and high is not None and low is None:
        prefix = "up to "
    return prefix + number(value, unit)


def shown_date(value: str | None) -> str:
    return value or "undated"


def facts_table(figures: list[dict[str, Any]]) -> Table:
    """One row per figure (user text never read as markup)."""
    table = Table(
        Column("id", no_wrap=True), "figure", "modality", "latest", "as of", "outlets",
        "history", "open conflicts",
        title="Facts (outlets: independent outlets behind the latest value)",
    )  # fmt: skip
    for fig in figures:
        unit = fig["unit"]
        steps = [
            shown_value(o, unit)
            for o in fig["observations"]
            if o["relation"] not in ("corroborates", "conflicts")
        ]
        conflicts = "; ".join(
            " vs ".join(shown_value(v, unit) for v in c["values"]) + f" ({shown_date(c['as_of'])})"
            for c in fig["conflicts"]
        )
        table.add_row(
            Text(fig["id"]),
            Text(fig["label"]),
            Text(fig["modality"] + (", change" if fig["change"] else "")),
            Text(shown_value(fig["latest"], unit), style="bold"),
            Text(shown_date(fig["latest"]["as_of"]) if fig["latest"] else ""),
            Text(str(fig["sources"])),
            Text(" → ".join(dict.fromkeys(steps[-HISTORY_SHOWN:]))),
            Text(conflicts, style="red"),
        )
    return table


def history_table(fig: dict[str, Any]) -> Table:
    """Every observation of one figure with its citation."""
    title = f"{fig['label']} ({fig['unit']}, {fig['modality']})"
    table = Table(
        "value", "as of", "relation", "outlet", "published", "speaker", "sentence", title=title
    )
    for obs in fig["observations"]:
        outlet = obs["outlet"] or "unknown outlet"
        if obs["duplicate_of"]:
            outlet += f" (copy of {obs['duplicate_of'][:8]})"
        table.add_row(
            Text(shown_value(obs, fig["unit"]), style="bold"),
            Text(shown_date(obs["as_of"])),
            Text(obs["relation"], style=RELATION_STYLES.get(obs["relation"], "")),
            Text(outlet),
            Text((obs["published"] or "")[:10] or "undated"),
            Text(obs["speaker"] or ""),
            Text(" ".join(obs["sentence"].split())),
        )
    return table


def changes_tables(data: dict[str, Any]) -> Group:
    """One small table per kind of change."""
    stories = Table("story", "label", "first seen", title=f"New stories since {data['since']}")
    for story in data["new_stories"]:
        stories.add_row(Text(story["id"]), Text(story["label"]), Text(story["first_seen"] or ""))
    figures = Table("figure", "label", "first reported", title="New figures")
    for fig in data["new_figures"]:
        figures.add_row(Text(fig["id"]), Text(fig["label"]), Text(fig["first_published"] or ""))
    tables: list[Table] = [stories, figures]
    for key, title in (("new_values", "New values"), ("new_conflicts", "New conflicts")):
        table = Table("figure", "value", "as of", "relation", "outlet", "published", title=title)
        for row in data[key]:
            table.add_row(
                Text(row["label"]),
                Text(shown_value(row, row["unit"]), style="bold"),
                Text(shown_date(row["as_of"])),
                Text(row["relation"], style=RELATION_STYLES.get(row["relation"], "")),
                Text(row["outlet"] or "unknown outlet"),
                Text((row["published"] or "")[:10]),
            )
        tables.append(table)
    return Group(*tables)
