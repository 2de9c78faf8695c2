"""Canonical entities across the articles of a ledger.

The extraction already gives every entity mention a canonical ``key`` and
``name`` ("Kenyan" and "Kenya" -> kenya). Here each key becomes one entity per
ledger, with its display name, its type (the label most mentions carry), the
surface forms seen (aliases) and its mention counts per story.
"""

from __future__ import annotations

import sqlite3
from collections import Counter

from storyledger.model import Article, EntityMention, Extraction
from storyledger.store.sqlite import Ledger


def update_entities(ledger: Ledger, article: Article, extraction: Extraction, story: str) -> None:
    """Count the article's entity mentions into the ledger's canonical entities."""
    conn = ledger.conn
    by_key: dict[str, list[EntityMention]] = {}
    for mention in extraction.entities:
        by_key.setdefault(mention.key, []).append(mention)
    for key, mentions in by_key.items():
        add_entity(conn, key, mentions, story)


def add_entity(
    conn: sqlite3.Connection, key: str, mentions: list[EntityMention], story: str
) -> None:
    """Add one article's mentions of one entity: name, aliases, type votes, story counts."""
    name = Counter(m.name for m in mentions).most_common(1)[0][0]
    conn.execute(
        "INSERT INTO entities (key, name, type, mentions) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (key) DO UPDATE SET mentions = mentions + excluded.mentions",
        (key, name, mentions[0].label, len(mentions)),
    )
    aliases = Counter(" ".join(m.text.split()) for m in mentions)
    conn.executemany(
        "INSERT INTO entity_aliases (key, alias, mentions) VALUES (?, ?, ?)"
        " ON CONFLICT (key, alias) DO UPDATE SET mentions = mentions + excluded.mentions",
        [(key, alias, count) for alias, count in aliases.items()],
    )
    types = Counter(m.label for m in mentions)
    conn.executemany(
        "INSERT INTO entity_types (key, type, mentions) VALUES (?, ?, ?)"
        " ON CONFLICT (key, type) DO UPDATE SET mentions = mentions + excluded.mentions",
        [(key, label, count) for label, count in types.items()],
    )
    conn.execute(
        "UPDATE entities SET type = (SELECT type FROM entity_types WHERE key = ?"
        " ORDER BY mentions DESC, type LIMIT 1) WHERE key = ?",
        (key, key),
    )
    conn.execute(
        "INSERT INTO entity_counts (key, story, mentions, articles) VALUES (?, ?, ?, 1)"
        " ON CONFLICT (key, story) DO UPDATE SET mentions = mentions + excluded.mentions,"
        " articles = articles + 1",
        (key, story, len(mentions)),
    )
