"""Canonical entities: the most mentioned, their aliases, their mentions per story."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from storyledger.store.lookup import rows_in


def most_mentioned_entities(
    conn: sqlite3.Connection, story: str | None = None, limit: int | None = None
) -> list[sqlite3.Row]:
    """key, name, type and mentions (in the whole ledger) of the entities most mentioned in
    ``story`` (in the ledger, if None), the first ``limit`` of them if given."""
    if story is None:
        return conn.execute(
            "SELECT key, name, type, mentions FROM entities ORDER BY mentions DESC, key LIMIT ?",
            (-1 if limit is None else limit,),
        ).fetchall()
    return conn.execute(
        "SELECT e.key, e.name, e.type, e.mentions FROM entity_counts c"
        " JOIN entities e ON e.key = c.key WHERE c.story = ?"
        " ORDER BY c.mentions DESC, e.key LIMIT ?",
        (story, -1 if limit is None else limit),
    ).fetchall()


def entity_aliases(conn: sqlite3.Connection, key: str) -> list[str]:
    """The surface forms seen of an entity, most frequent first."""
    rows = conn.execute(
        "SELECT alias FROM entity_aliases WHERE key = ? ORDER BY mentions DESC, alias", (key,)
    )
    return [str(row[0]) for row in rows]


def entity_mentions_by_story(conn: sqlite3.Connection, key: str) -> dict[str, int]:
    """Story id -> how often it mentions the entity, the most first."""
    rows = conn.execute(
        "SELECT story, mentions FROM entity_counts WHERE key = ? ORDER BY mentions DESC, story",
        (key,),
    )
    return {str(row[0]): int(row[1]) for row in rows}


def entity_names(conn: sqlite3.Connection, keys: Iterable[str | None]) -> dict[str, str]:
    """The canonical name of each entity key (None keys ignored)."""
    wanted = sorted({k for k in keys if k})
    sql = "SELECT key, name FROM entities WHERE key IN ({marks})"
    return {key: name for key, name in rows_in(conn, sql, wanted)}
