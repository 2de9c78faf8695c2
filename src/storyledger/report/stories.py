"""The story and entity views as plain data; the CLI, JSON and the web app render these.

``stories_data`` follows the contract of DESIGN.md:
``[{id, label, first_seen, last_seen, articles: [article ids]}]``, extended
with ``sources`` (articles that are not syndicated copies) and ``copies``
(copy id -> original id).
"""

from __future__ import annotations

from typing import Any

from storyledger.store.sqlite import Ledger


def stories_data(ledger: Ledger) -> list[dict[str, Any]]:
    """Every story, largest first; its articles in ingestion order."""
    stories: dict[str, dict[str, Any]] = {}
    for row in ledger.conn.execute(
        "SELECT id, label, first_seen, last_seen, sources FROM stories"
        " ORDER BY sources DESC, first_seen, seq"
    ):
        stories[row["id"]] = {
            "id": row["id"],
            "label": row["label"],
            "first_seen": row["first_seen"],
            "last_seen": row["last_seen"],
            "sources": row["sources"],
            "articles": [],
            "copies": {},
        }
    for row in ledger.conn.execute(
        "SELECT s.story, s.article_id, s.duplicate_of FROM article_story s"
        " JOIN articles a ON a.id = s.article_id ORDER BY a.seq"
    ):
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
    conn = ledger.conn
    if story is None:
        rows = conn.execute(
            "SELECT key, name, type, mentions FROM entities ORDER BY mentions DESC, key LIMIT ?",
            (-1 if limit is None else limit,),
        ).fetchall()
    else:
        rows = conn.execute(
            "SELECT e.key, e.name, e.type, e.mentions FROM entity_counts c"
            " JOIN entities e ON e.key = c.key WHERE c.story = ?"
            " ORDER BY c.mentions DESC, e.key LIMIT ?",
            (story, -1 if limit is None else limit),
        ).fetchall()
    return [
        {
            "key": row["key"],
            "name": row["name"],
            "type": row["type"],
            "aliases": aliases(ledger, row["key"]),
            "mentions": mentions_by_story(ledger, row["key"]),
            "total": row["mentions"],
        }
        for row in rows
    ]


def aliases(ledger: Ledger, key: str) -> list[str]:
    rows = ledger.conn.execute(
        "SELECT alias FROM entity_aliases WHERE key = ? ORDER BY mentions DESC, alias", (key,)
    )
    return [str(row[0]) for row in rows]


def mentions_by_story(ledger: Ledger, key: str) -> dict[str, int]:
    rows = ledger.conn.execute(
        "SELECT story, mentions FROM entity_counts WHERE key = ? ORDER BY mentions DESC, story",
        (key,),
    )
    return {str(row[0]): int(row[1]) for row in rows}
