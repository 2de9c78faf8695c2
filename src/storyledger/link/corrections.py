"""User corrections of the story clustering: merge two stories, split articles off one.

A correction is logged in ``story_corrections`` and takes effect through
``story_pins``: articles with the same pin always share one story, whose id is
the pin. Pins are keyed by article, not by story, so they survive
``relink_all``; each correction relinks the ledger, so figures, events and
entities follow the corrected stories.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3

from storyledger.errors import InputError, Msg, NotFoundError
from storyledger.link.pipeline import relink_all
from storyledger.store.sqlite import Ledger, now_iso


def resolve_story_id(ledger: Ledger, id_or_prefix: str) -> str:
    """The full id of a story given its id or a unique prefix of it."""
    rows = ledger.conn.execute(
        "SELECT id FROM stories WHERE id = ? OR id LIKE ? || '%' ORDER BY id LIMIT 3",
        (id_or_prefix, id_or_prefix.replace("%", "").replace("_", "")),
    ).fetchall()
    ids = [str(row[0]) for row in rows]
    if id_or_prefix in ids:
        return id_or_prefix
    if not ids:
        raise NotFoundError(Msg.UNKNOWN_STORY.format(id=id_or_prefix))
    if len(ids) > 1:
        raise NotFoundError(
            Msg.AMBIGUOUS_ID.format(id=id_or_prefix, kind="story", matches=", ".join(ids))
        )
    return ids[0]


def merge_stories(ledger: Ledger, story: str, other: str) -> str:
    """Merge story ``other`` into ``story`` for good; returns the id of the merged story."""
    story, other = resolve_story_id(ledger, story), resolve_story_id(ledger, other)
    if story == other:
        raise InputError(Msg.MERGE_SAME_STORY.format(id=story))
    with ledger.transaction() as conn:
        articles = story_articles(conn, story) + story_articles(conn, other)
        pin_articles(conn, articles, story)
        log_correction(conn, "merge", story, other, articles)
    relink_all(ledger)
    return story


def split_story(ledger: Ledger, story: str, article_ids: list[str]) -> str:
    """Move the given articles of ``story`` to a story of their own; returns its id."""
    story = resolve_story_id(ledger, story)
    moved = sorted({ledger.resolve_article_id(a) for a in article_ids})
    with ledger.transaction() as conn:
        members = story_articles(conn, story)
        for article in moved:
            if article not in members:
                raise InputError(Msg.ARTICLE_NOT_IN_STORY.format(article=article, story=story))
        rest = [a for a in members if a not in moved]
        if not rest:
            raise InputError(Msg.SPLIT_WHOLE_STORY.format(id=story))
        new_story = (
            "s" + hashlib.sha256(" ".join(["split", story, *moved]).encode()).hexdigest()[:10]
        )
        pin_articles(conn, rest, story)
        pin_articles(conn, moved, new_story)
        log_correction(conn, "split", story, new_story, moved)
    relink_all(ledger)
    return new_story


def story_articles(conn: sqlite3.Connection, story: str) -> list[str]:
    rows = conn.execute(
        "SELECT s.article_id FROM article_story s JOIN articles a ON a.id = s.article_id"
        " WHERE s.story = ? ORDER BY a.seq",
        (story,),
    )
    return [str(row[0]) for row in rows]


def pin_articles(conn: sqlite3.Connection, articles: list[str], pin: str) -> None:
    conn.executemany(
        "INSERT INTO story_pins (article_id, pin) VALUES (?, ?)"
        " ON CONFLICT (article_id) DO UPDATE SET pin = excluded.pin",
        [(article, pin) for article in articles],
    )


def log_correction(
    conn: sqlite3.Connection, kind: str, story: str, other: str, articles: list[str]
) -> None:
    conn.execute(
        "INSERT INTO story_corrections (kind, story, other, articles, created_at)"
        " VALUES (?, ?, ?, ?, ?)",
        (kind, story, other, json.dumps(articles), now_iso()),
    )
