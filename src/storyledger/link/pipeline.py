"""The link stage: take newly ingested articles into stories, entities, figures, events.

Linking is incremental and idempotent: each article is linked once, inside one
transaction, and marked ``linked``; the articles of a batch are linked in the order
they were published. Everything the link stage writes is derived from articles and
can be rebuilt with ``relink_all`` (user corrections such as merged stories are kept).
"""

from __future__ import annotations

from collections.abc import Callable

from storyledger.link.entities import update_entities
from storyledger.link.events import link_events
from storyledger.link.figures import link_figures
from storyledger.link.stories import assign_story
from storyledger.link.summaries import mark_changed, refresh_summaries
from storyledger.store.articles import mark_article_linked, unlinked_article_ids
from storyledger.store.links import forget_linked
from storyledger.store.sqlite import Ledger

LinkProgress = Callable[[int, int], None]  # told (articles linked, articles to link) after each


def link_article(ledger: Ledger, article_id: str) -> str | None:
    """Link one stored article; returns the id of its story, or None if another writer
    linked it first (writers take turns: its linking and the mark are one transaction)."""
    article = ledger.get_article(article_id)
    extraction = ledger.get_extraction(article_id)
    with ledger.transaction() as conn:
        if not mark_article_linked(conn, article_id):
            return None
        story_id = assign_story(ledger, article, extraction)
        update_entities(ledger, article, extraction, story_id)
        link_figures(ledger, article, extraction, story_id)
        mark_changed(ledger, article_id)
        link_events(ledger, article, extraction, story_id)
    return story_id


def link_pending(ledger: Ledger, progress: LinkProgress | None = None) -> int:
    """Link every article not linked yet, in the order they were published (else ingested);
    returns how many.

    A batch (an archive, a folder) arrives in any order, but news develops in time: linked
    in time, each report finds the story it continues already there, is the original of
    its later copies, and mostly adds the latest value of its figures, whose relations are
    then computed from its own time on only (an earlier value arriving late makes every
    later one of the figure be looked at again). Then the summaries of the figures the batch
    changed are recomputed (``link.summaries``), and any left stale before."""
    ids = unlinked_article_ids(ledger.conn)
    for done, article_id in enumerate(ids, start=1):
        link_article(ledger, article_id)
        if progress is not None:
            progress(done, len(ids))
    refresh_summaries(ledger)  # of the figures the batch changed, each once
    return len(ids)


def relink_all(ledger: Ledger, progress: LinkProgress | None = None) -> int:
    """Forget everything the link stage derived and link every article again; returns how many.

    The derived tables are the ones the link migrations register in ``link_tables``
    (emptied last registered first). User corrections (``story_pins``) are not
    derived, so merged and split stories come back as the user left them.
    """
    with ledger.transaction() as conn:
        forget_linked(conn)
    return link_pending(ledger, progress)
