"""Stories: the list of them, their articles, one story by id or prefix; the link stage's
writes of members, pins and corrections."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from storyledger.store.connection import now_iso
from storyledger.store.lookup import resolve_id, rows_in

STORY_FIELDS = "id, label, first_seen, last_seen, articles"


def resolve_story_id(conn: sqlite3.Connection, id_or_prefix: str) -> str:
    """The full id of a story given its id or a unique prefix of it."""
    return resolve_id(conn, "stories", id_or_prefix, blank_matches=True)


def stories_by_size(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """id, label, first_seen, last_seen and sources of every story: the most independent
    sources first, then the oldest."""
    return conn.execute(
        "SELECT id, label, first_seen, last_seen, sources FROM stories"
        " ORDER BY sources DESC, first_seen NULLS FIRST, seq"
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


# -- story assignment: members, pins, the scores' story rows -----------------------------


def start_story(conn: sqlite3.Connection, story_id: str, pin: str | None, seq: int) -> None:
    """A new, empty story (``pin`` the user correction it holds, if any)."""
    conn.execute("INSERT INTO stories (id, pin, seq) VALUES (?, ?, ?)", (story_id, pin, seq))


def story_of_article(conn: sqlite3.Connection, article_id: str) -> str:
    """The story a linked article belongs to."""
    row = conn.execute(
        "SELECT story FROM article_story WHERE article_id = ?", (article_id,)
    ).fetchone()
    return str(row[0])


def original_of(conn: sqlite3.Connection, article_id: str) -> str | None:
    """The id of the original a linked article copies; None for an original (or an
    unlinked article)."""
    row = conn.execute(
        "SELECT duplicate_of FROM article_story WHERE article_id = ?", (article_id,)
    ).fetchone()
    return str(row[0]) if row and row[0] else None


def add_story_member(
    conn: sqlite3.Connection,
    story: str,
    article_id: str,
    duplicate_of: str | None,
    similarity: float | None,
    seen: str | None,
    published: str | None,
) -> int:
    """Record the article in the story, count it (as a source unless a copy) and widen the
    story's dates to ``seen`` (first_seen, last_seen) and ``published`` (first_published,
    last_published: the article's day of publication, None when it is not dated to the
    day, which leaves them); returns the story's source count."""
    conn.execute(  # with the article's place in the order of publication (migration 014)
        "INSERT INTO article_story (article_id, story, duplicate_of, similarity, published, seq)"
        " SELECT ?, ?, ?, ?, a.published, a.seq FROM articles a WHERE a.id = ?"
        " ON CONFLICT (article_id) DO UPDATE SET story = excluded.story,"
        " duplicate_of = excluded.duplicate_of, similarity = excluded.similarity",
        (article_id, story, duplicate_of, similarity, article_id),
    )
    conn.execute(
        "UPDATE stories SET articles = articles + 1, sources = sources + ?,"
        " first_seen = CASE WHEN first_seen IS NULL OR ? < first_seen THEN ? ELSE first_seen END,"
        " last_seen = CASE WHEN last_seen IS NULL OR ? > last_seen THEN ? ELSE last_seen END,"
        " first_published = CASE WHEN first_published IS NULL OR ? < first_published"
        "   THEN ? ELSE first_published END,"
        " last_published = CASE WHEN last_published IS NULL OR ? > last_published"
        "   THEN ? ELSE last_published END"
        " WHERE id = ?",
        (
            int(duplicate_of is None),
            seen,
            seen,
            seen,
            seen,
            published,
            published,
            published,
            published,
            story,
        ),
    )
    return int(conn.execute("SELECT sources FROM stories WHERE id = ?", (story,)).fetchone()[0])


def set_story_label(conn: sqlite3.Connection, story: str, label: str) -> None:
    conn.execute("UPDATE stories SET label = ? WHERE id = ?", (label, story))


def story_scoring_rows(conn: sqlite3.Connection, stories: Sequence[str]) -> list[sqlite3.Row]:
    """id, seq, sources, norm2_words, norm2_names, first_published and last_published of
    these stories, in the order they were started."""
    sql = (
        "SELECT id, seq, sources, norm2_words, norm2_names, first_published, last_published"
        " FROM stories WHERE id IN ({marks})"
    )
    return sorted(rows_in(conn, sql, stories), key=lambda row: row["seq"])


def story_article_ids(conn: sqlite3.Connection, story: str) -> list[str]:
    """The ids of a story's articles, in ingestion order."""
    rows = conn.execute(
        "SELECT s.article_id FROM article_story s JOIN articles a ON a.id = s.article_id"
        " WHERE s.story = ? ORDER BY a.seq",
        (story,),
    )
    return [str(row[0]) for row in rows]


# -- user corrections: pins and their log ---------------------------------------------


def pin_of(conn: sqlite3.Connection, article_id: str) -> str | None:
    """The pin a user correction gave the article, if any."""
    row = conn.execute("SELECT pin FROM story_pins WHERE article_id = ?", (article_id,)).fetchone()
    return str(row[0]) if row else None


def story_with_pin(conn: sqlite3.Connection, pin: str) -> str | None:
    """The id of the story holding a pin's articles, if it was started."""
    row = conn.execute("SELECT id FROM stories WHERE pin = ?", (pin,)).fetchone()
    return str(row[0]) if row else None


def pin_articles(conn: sqlite3.Connection, articles: Iterable[str], pin: str) -> None:
    """Pin the articles together (replacing any pin they had)."""
    conn.executemany(
        "INSERT INTO story_pins (article_id, pin) VALUES (?, ?)"
        " ON CONFLICT (article_id) DO UPDATE SET pin = excluded.pin",
        [(article, pin) for article in articles],
    )


def log_story_correction(
    conn: sqlite3.Connection, kind: str, story: str, other: str, articles: list[str]
) -> None:
    """Log a merge or split of stories, with the articles it moved, as of now."""
    conn.execute(
        "INSERT INTO story_corrections (kind, story, other, articles, created_at)"
        " VALUES (?, ?, ?, ?, ?)",
        (kind, story, other, json.dumps(articles), now_iso()),
    )
