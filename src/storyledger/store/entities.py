"""Canonical entities: the most mentioned, their aliases, their mentions per story; the
link stage's counts of them."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping

from storyledger.store.lookup import rows_in


def most_mentioned_entities(
    conn: sqlite3.Connection, story: str | None = None, limit: int | None = None
) -> list[sqlite3.Row]:
    """key, name, type and mentions (in the whole ledger) of the entities most mentioned in
    ``story`` (in the ledger, if None), the first ``limit`` of them if given."""
    limited = ("", ()) if limit is None else (" LIMIT ?", (limit,))
    if story is None:
        return conn.execute(
            "SELECT key, name, type, mentions FROM entities ORDER BY mentions DESC, key"
            + limited[0],
            limited[1],
        ).fetchall()
    return conn.execute(
        "SELECT e.key, e.name, e.type, e.mentions FROM entity_counts c"
        " JOIN entities e ON e.key = c.key WHERE c.story = ?"
        " ORDER BY c.mentions DESC, e.key" + limited[0],
        (story, *limited[1]),
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


def count_entity_mentions(
    conn: sqlite3.Connection,
    key: str,
    name: str,
    label: str,
    story: str,
    mentions: int,
    aliases: Mapping[str, int],
    types: Mapping[str, int],
) -> None:
    """Count one article's ``mentions`` of one entity in ``story``: the entity (with
    ``name`` and ``label`` if it is new), its surface forms and the labels they carried
    (each with its mentions), its type (the label most mentions carry) and its counts in
    the story."""
    conn.execute(
        "INSERT INTO entities (key, name, type, mentions) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (key) DO UPDATE SET mentions = entities.mentions + excluded.mentions",
        (key, name, label, mentions),
    )
    conn.executemany(
        "INSERT INTO entity_aliases (key, alias, mentions) VALUES (?, ?, ?)"
        " ON CONFLICT (key, alias) DO UPDATE"
        " SET mentions = entity_aliases.mentions + excluded.mentions",
        [(key, alias, count) for alias, count in aliases.items()],
    )
    conn.executemany(
        "INSERT INTO entity_types (key, type, mentions) VALUES (?, ?, ?)"
        " ON CONFLICT (key, type) DO UPDATE"
        " SET mentions = entity_types.mentions + excluded.mentions",
        [(key, type_, count) for type_, count in types.items()],
    )
    conn.execute(
        "UPDATE entities SET type = (SELECT type FROM entity_types WHERE key = ?"
        " ORDER BY mentions DESC, type LIMIT 1) WHERE key = ?",
        (key, key),
    )
    conn.execute(
        "INSERT INTO entity_counts (key, story, mentions, articles) VALUES (?, ?, ?, 1)"
        " ON CONFLICT (key, story) DO UPDATE"
        " SET mentions = entity_counts.mentions + excluded.mentions,"
        " articles = entity_counts.articles + 1",
        (key, story, mentions),
    )
