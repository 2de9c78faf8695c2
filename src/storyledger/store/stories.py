"""Stories: the list of them, their articles, one story by id or prefix."""

from __future__ import annotations

import sqlite3
from typing import Any

from storyledger.store.lookup import resolve_id

STORY_FIELDS = "id, label, first_seen, last_seen, articles"


def resolve_story_id(conn: sqlite3.Connection, id_or_prefix: str) -> str:
    """The full id of a story given its id or a unique prefix of it."""
    return resolve_id(conn, "stories", id_or_prefix, blank_matches=True)


def stories_by_size(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """id, label, first_seen, last_seen and sources of every story: the most independent
    sources first, then the oldest."""
    return conn.execute(
        "SELECT id, label, first_seen, last_seen, sources FROM stories"
        " ORDER BY sources DESC, first_seen, seq"
    ).fetchall()


def story_memberships(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """(story, article_id, duplicate_of) of every article in a story, in ingestion order."""
    return conn.execute(
        "SELECT s.story, s.article_id, s.duplicate_of FROM article_story s"
        " JOIN articles a ON a.id = s.article_id ORDER BY a.seq"
    ).fetchall()


def largest_story(conn: sqlite3.Connection) -> dict[str, Any] | None:
    """id, label, first_seen, last_seen and articles of the story with most articles."""
    row = conn.execute(f"SELECT {STORY_FIELDS} FROM stories ORDER BY articles DESC, seq LIMIT 1")
    found = row.fetchone()
    return dict(found) if found else None


def story_by_id(conn: sqlite3.Connection, story: str) -> dict[str, Any] | None:
    """id, label, first_seen, last_seen and articles of one story (by its full id)."""
    found = conn.execute(f"SELECT {STORY_FIELDS} FROM stories WHERE id = ?", (story,)).fetchone()
    return dict(found) if found else None


def count_stories_with_articles(conn: sqlite3.Connection) -> int:
    """How many stories hold at least one article."""
    row = conn.execute("SELECT COUNT(DISTINCT story) FROM article_story").fetchone()
    return int(row[0])


def stories_first_seen_since(conn: sqlite3.Connection, day: str) -> list[dict[str, Any]]:
    """Stories whose first report is of ``day`` (an ISO date) or later, oldest first."""
    rows = conn.execute(
        "SELECT id, label, first_seen, last_seen FROM stories WHERE first_seen >= ?"
        " ORDER BY first_seen, seq",
        (day,),
    )
    return [dict(row) for row in rows]
