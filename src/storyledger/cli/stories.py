"""`storyledger stories`, `entities`, `merge-stories` and `split-story`: thin commands."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from storyledger.cli.app import app, console, ledger_from, print_json, story_id
from storyledger.cli.layout import Records, laid_out
from storyledger.link.corrections import merge_stories, split_story
from storyledger.report.display import day_text, short_ids
from storyledger.report.stories import entities_data, stories_data

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
ALIASES_SHOWN = 4


@app.command("stories")
def stories_command(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """List the stories of the ledger: label, dates, articles and independent sources.

    Example: storyledger --db haiti.db stories --json
    """
    with ledger_from(ctx) as ledger:
        data = stories_data(ledger)
    if as_json:
        print_json(data)
        return
    records = Records(
        "",
        ("story", "label", "first seen", "last seen", "articles", "sources"),
        heading=1,
        no_wrap=frozenset(["story", "first seen", "last seen"]),
    )
    ids = short_ids(story["id"] for story in data)
    for story in data:
        records.add(
            ids[story["id"]],
            story["label"],
            day_text(story["first_seen"]),
            day_text(story["last_seen"]),
            str(len(story["articles"])),
            str(story["sources"]),
        )
    console.print(laid_out(records, console.width))


@app.command("entities")
def entities_command(
    ctx: typer.Context,
    story: Annotated[
        str | None, typer.Option("--story", "-s", help="Only the entities of this story.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """List the canonical entities: name, type, aliases and mentions per story.

    Example: storyledger --db haiti.db entities --story s3fa9c2
    """
    with ledger_from(ctx) as ledger:
        chosen = story_id(ledger, story)
        data = entities_data(ledger, chosen)
    if as_json:
        print_json(data)
        return
    records = Records("", ("entity", "type", "mentions", "aliases", "stories"))
    for entity in data:
        mentions = entity["mentions"][chosen] if chosen else entity["total"]
        records.add(
            entity["name"],
            entity["type"],
            str(mentions),
            ", ".join(entity["aliases"][:ALIASES_SHOWN]),
            str(len(entity["mentions"])),
        )
    console.print(laid_out(records, console.width))


@app.command("merge-stories")
def merge_stories_command(
    ctx: typer.Context,
    story: Annotated[str, typer.Argument(help="The story to keep (id or unique prefix).")],
    other: Annotated[str, typer.Argument(help="The story merged into it.")],
) -> None:
    """Merge story OTHER into STORY; the correction is kept when the ledger is rebuilt.

    Example: storyledger --db haiti.db merge-stories s3fa9c2 s81d0e4
    """
    with ledger_from(ctx) as ledger:
        merged = merge_stories(ledger, story, other)
    console.print(f"merged into {escape(merged)}", highlight=False)


@app.command("split-story")
def split_story_command(
    ctx: typer.Context,
    story: Annotated[str, typer.Argument(help="The story to split (id or unique prefix).")],
    articles: Annotated[list[str], typer.Argument(help="Articles that form the new story.")],
) -> None:
    """Move ARTICLES of STORY to a new story; the correction is kept when the ledger is rebuilt.

    Example: storyledger --db haiti.db split-story s3fa9c2 7b1e 90c4
    """
    with ledger_from(ctx) as ledger:
        new_story = split_story(ledger, story, articles)
    console.print(f"split off as {escape(new_story)}", highlight=False)
