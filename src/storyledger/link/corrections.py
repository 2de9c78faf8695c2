"""User corrections of the story clustering: merge two stories, split articles off one.

A correction is logged in ``story_corrections`` and takes effect through
``story_pins``: articles with the same pin always share one story, whose id is
the pin. Pins are keyed by article, not by story, so they survive
``relink_all``; each correction relinks the ledger, so figures, events and
entities follow the corrected stories.
"""

from __future__ import annotations

import hashlib

from storyledger.errors import InputError, Msg
from storyledger.link.pipeline import relink_all
from storyledger.store.sqlite import Ledger
from storyledger.store.stories import (
    log_story_correction,
    pin_articles,
    resolve_story_id,
    story_article_ids,
)


def merge_stories(ledger: Ledger, story: str, other: str) -> str:
    """Merge story ``other`` into ``story`` for good; returns the id of the merged story."""
    story, other = resolve_story_id(ledger.conn, story), resolve_story_id(ledger.conn, other)
    if story == other:
        raise InputError(Msg.MERGE_SAME_STORY.format(id=story))
    with ledger.transaction() as conn:
        articles = story_article_ids(conn, story) + story_article_ids(conn, other)
        pin_articles(conn, articles, story)
        log_story_correction(conn, "merge", story, other, articles)
    relink_all(ledger)
    return story


def split_story(ledger: Ledger, story: str, article_ids: list[str]) -> str:
    """Move the given articles of ``story`` to a story of their own; returns its id."""
    story = resolve_story_id(ledger.conn, story)
    moved = sorted({ledger.resolve_article_id(a) for a in article_ids})
    with ledger.transaction() as conn:
        members = story_article_ids(conn, story)
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
        log_story_correction(conn, "split", story, new_story, moved)
    relink_all(ledger)
    return new_story
