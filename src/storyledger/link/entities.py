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
from storyledger.store.entities import count_entity_mentions
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
    aliases = Counter(" ".join(m.text.split()) for m in mentions)
    types = Counter(m.label for m in mentions)
    count_entity_mentions(conn, key, name, mentions[0].label, story, len(mentions), aliases, types)
