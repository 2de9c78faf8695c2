"""`storyledger facts`, `figure` and `changes`: thin commands over report.facts."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import typer

from storyledger.cli.app import app, console, ledger_from, print_json, story_id
from storyledger.cli.layout import Records, cell, laid_out
from storyledger.errors import InputError, Msg
from storyledger.report.display import (
    as_of_text,
    date_text,
    day_text,
    relation_text,
    short_id,
    short_ids,
    value_text,
)
from storyledger.report.facts import (
    FACTS_PAGE,
    FACTS_PAGE_MAX,
    changes_data,
    facts_data,
    facts_page,
    figure_data,
)

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
HISTORY_SHOWN = 4
RELATION_STYLES = {
    "first": "",
    "corroborates": "green",
    "updates": "cyan",
    "restates": "dim",
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
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit",
            min=1,
            max=FACTS_PAGE_MAX,
            help="A page of this many figures, those readers follow first first, from their"
            " summaries (as the API gives them).",
        ),
    ] = None,
    cursor: Annotated[
        str | None,
        typer.Option("--cursor", help="The page after this one (a page's next_cursor)."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """The figures of a story: latest value, as of when, how many independent outlets,
    how it changed, and open conflicts between outlets. With --limit or --cursor, a page
    of them: {figures, total, next_cursor}, each figure with the observations its summary
    cites (``storyledger figure ID`` gives every one).

    Example: storyledger --db haiti.db facts --story s1 --json
    Example: storyledger --db haiti.db facts --story s1 --limit 10 --json
    """
    paged = limit is not None or cursor is not None
    with ledger_from(ctx) as ledger:
        chosen = story_id(ledger, story)
        if paged:
            page = facts_page(ledger, chosen, limit or FACTS_PAGE, cursor)
            figures = page["figures"]
        else:
            figures = facts_data(ledger, chosen)
    if as_json:
        texts = [figure_texts(f) for f in figures]
        print_json({**page, "figures": texts} if paged else texts)
        return
    console.print(laid_out(facts_records(figures), console.width))
    if paged and page["next_cursor"]:
        console.print(
            f"{len(figures)} of {page['total']} figures; next: --cursor {page['next_cursor']}"
        )


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
        print_json(figure_texts(data))
    else:
        console.print(laid_out(history_records(data), console.width))


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
        print_json(changes_texts(data))
    else:
        for records in changes_records(data):
            console.print(laid_out(records, console.width))


def parse_since(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(Msg.BAD_SINCE.format(value=value)) from None


def observation_texts(observation: dict[str, Any], unit: str, change: Any) -> dict[str, Any]:
    """An observation with its text fields: ``value_text`` and ``as_of_text`` as every
    view shows them (added to the JSON; no field of it changes)."""
    return {
        **observation,
        "value_text": value_text(observation, unit, change),
        "as_of_text": as_of_text(observation),
    }


def figure_texts(figure: dict[str, Any]) -> dict[str, Any]:
    """A figure of ``facts_data`` with the text fields of its observations."""
    unit, change = figure["unit"], figure["change"]

    def texts(obs: dict[str, Any] | None) -> dict[str, Any] | None:
        return observation_texts(obs, unit, change) if obs is not None else None

    def conflict(c: dict[str, Any]) -> dict[str, Any]:
        return {
            **c,
            "values": [texts(v) for v in c["values"]],
            "settled_by": texts(c.get("settled_by")),
        }

    return {
        **figure,
        "latest": texts(figure["latest"]),
        "observations": [texts(o) for o in figure["observations"]],
        "conflicts": [conflict(c) for c in figure["conflicts"]],
        "settled_conflicts": [conflict(c) for c in figure["settled_conflicts"]],
    }


def changes_texts(data: dict[str, Any]) -> dict[str, Any]:
    return {
        **data,
        **{
            key: [observation_texts(row, row["unit"], None) for row in data[key]]
            for key in ("new_values", "new_conflicts")
        },
    }


def facts_records(figures: list[dict[str, Any]]) -> Records:
    """One record per figure (a block headed by its label in a narrow terminal)."""
    records = Records(
        "Facts (outlets: independent outlets behind the latest value)",
        ("id", "figure", "modality", "latest", "as of", "outlets", "history", "open conflicts"),
        heading=1,
        no_wrap=frozenset(["id", "latest", "as of", "outlets"]),
        ratios={"figure": 3, "history": 2, "open conflicts": 2},
    )
    ids = short_ids(fig["id"] for fig in figures)
    for fig in figures:
        unit, change, latest = fig["unit"], fig["change"], fig["latest"]
        steps = [
            value_text(o, unit, change)
            for o in fig["observations"]
            if o["relation"] not in ("corroborates", "conflicts", "restates")
        ]
        conflicts = "; ".join(
            " vs ".join(value_text(v, unit, change) for v in c["values"])
            + f" ({date_text(c['as_of'])})"
            for c in fig["conflicts"]
        )
        records.add(
            ids[fig["id"]],
            fig["label"],
            fig["modality"] + (", change" if change else ""),
            cell(value_text(latest, unit, change) if latest else "", style="bold"),
            date_text(latest["as_of"]) if latest else "",
            str(fig["sources"]),
            " → ".join(dict.fromkeys(steps[-HISTORY_SHOWN:])),
            cell(conflicts, style="red"),
        )
    return records


def history_records(fig: dict[str, Any]) -> Records:
    """Every observation of one figure with its citation."""
    records = Records(
        f"{fig['label']} ({fig['unit']}, {fig['modality']})",
        ("value", "as of", "relation", "outlet", "published", "speaker", "sentence"),
        no_wrap=frozenset(["value", "as of", "published"]),
        ratios={"sentence": 4},
    )
    for obs in fig["observations"]:
        outlet = obs["outlet"] or "unknown outlet"
        if obs["duplicate_of"]:
            outlet += f" (copy of {short_id(obs['duplicate_of'])})"
        records.add(
            cell(value_text(obs, fig["unit"], fig["change"]), style="bold"),
            as_of_text(obs),
            cell(relation_text(obs), style=RELATION_STYLES.get(obs["relation"], "")),
            outlet,
            day_text(obs["published"]),
            obs["speaker"],
            " ".join(obs["sentence"].split()),
        )
    return records


def changes_records(data: dict[str, Any]) -> list[Records]:
    """One set of records per kind of change."""
    stories = Records(
        f"New stories since {data['since']}", ("story", "label", "first seen"), heading=1
    )
    story_ids = short_ids(story["id"] for story in data["new_stories"])
    for story in data["new_stories"]:
        stories.add(story_ids[story["id"]], story["label"], day_text(story["first_seen"]))
    figures = Records("New figures", ("figure", "label", "first reported"), heading=1)
    figure_ids = short_ids(fig["id"] for fig in data["new_figures"])
    for fig in data["new_figures"]:
        figures.add(figure_ids[fig["id"]], fig["label"], day_text(fig["first_published"]))
    found = [stories, figures]
    for key, title in (("new_values", "New values"), ("new_conflicts", "New conflicts")):
        records = Records(title, ("figure", "value", "as of", "relation", "outlet", "published"))
        for row in data[key]:
            records.add(
                row["label"],
                cell(value_text(row, row["unit"]), style="bold"),
                date_text(row["as_of"]),
                cell(row["relation"], style=RELATION_STYLES.get(row["relation"], "")),
                row["outlet"] or "unknown outlet",
                day_text(row["published"]),
            )
        found.append(records)
    return found
