"""The story and entity views as plain data; the CLI, JSON and the web app render these.

``stories_data`` follows the contract of DESIGN.md:
``[{id, label, first_seen, last_seen, articles: [article ids]}]``, extended
with ``sources`` (articles that are not syndicated copies) and ``copies``
(copy id -> original id).
"""

from __future__ import annotations

from typing import Any

from storyledger.store.entities import (
    entity_aliases,
    entity_mentions_by_story,
    most_mentioned_entities,
)
from storyledger.store.sqlite import Ledger
from storyledger.store.stories import stories_by_size, story_memberships


def stories_data(ledger: Ledger) -> list[dict[str, Any]]:
    """Every story, largest first; its articles in ingestion order."""
    stories: dict[str, dict[str, Any]] = {}
    for row in stories_by_size(ledger.conn):
        stories[row["id"]] = {
            "id": row["id"],
            "label": row["label"],
            "first_seen": row["first_seen"],
            "last_seen": row["last_seen"],
            "sources": row["sources"],
            "articles": [],
            "copies": {},
        }
    for row in story_memberships(ledger.conn):
        story = stories[row["story"]]
        story["articles"].append(row["article_id"])
        if row["duplicate_of"]:
            story["copies"][row["article_id"]] = row["duplicate_of"]
    return list(stories.values())


def entities_data(
    ledger: Ledger, story: str | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """Canonical entities, most mentioned first (in ``story`` when given).

    Each is ``{key, name, type, aliases, mentions: {story id: count}, total}``;
    aliases are the surface forms seen, most frequent first.
    """
    return [
        {
            "key": row["key"],
            "name": row["name"],
            "type": row["type"],
            "aliases": entity_aliases(ledger.conn, row["key"]),
            "mentions": entity_mentions_by_story(ledger.conn, row["key"]),
            "total": row["mentions"],
        }
        for row in most_mentioned_entities(ledger.conn, story, limit)
    ]
