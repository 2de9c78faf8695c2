"""The summaries the link stage keeps: always those of the whole figures, whatever order
the articles came in, recomputed when marked, and never kept from a stale reading."""

from __future__ import annotations

import pytest
from tests.link.mission_corpus import STORY, link_by_hand, records
from tests.report.outline import assert_outline_summarises_as_the_facts, assert_summaries_are_kept

from storyledger.link.pipeline import link_pending
from storyledger.link.summaries import refresh_summaries, summary_of
from storyledger.report.facts import facts_data, facts_page
from storyledger.store import summaries as store
from storyledger.store.sqlite import open_ledger


@pytest.mark.parametrize("backwards", [False, True])
def test_summaries_are_kept_in_any_order_of_arrival(ledger_db: str, backwards: bool) -> None:
    """The mission corpus (revisions, settled conflicts, syndicated copies) linked in its
    order and backwards: the kept summaries are those of the whole figures each time."""
    keys = [r["id"] for r in records()]
    with open_ledger(ledger_db) as ledger:
        link_by_hand(ledger, keys[::-1] if backwards else keys)
        assert any(f["settled_conflicts"] for f in facts_data(ledger, STORY))
        assert_outline_summarises_as_the_facts(ledger, STORY)


def test_a_stale_summary_is_computed_when_read_and_kept_by_the_next_link_run(
    ledger_db: str,
) -> None:
    """As a ledger migrated from before summaries (migration 012 marks every figure): the
    pages read the same, and the next link run keeps the summaries again."""
    with open_ledger(ledger_db) as ledger:
        link_by_hand(ledger, [r["id"] for r in records()])
        ledger.conn.execute("UPDATE articles SET linked = 1")  # as link_pending leaves them
        before = facts_page(ledger, STORY, limit=100)
        ledger.conn.execute("UPDATE figure_summaries SET stale = 1, version = version + 1")
        assert all(f["summary"] is None for f in store.figures_with_summaries(ledger.conn, STORY))
        assert facts_page(ledger, STORY, limit=100) == before
        assert link_pending(ledger) == 0  # nothing to link, the marked summaries recomputed
        assert_summaries_are_kept(ledger, STORY)
        assert facts_page(ledger, STORY, limit=100) == before


def test_a_summary_read_before_another_change_is_not_kept(ledger_db: str) -> None:
    """A writer that computed a summary at one version of the marks cannot store it once
    another article marked the figure again: the figure stays marked."""
    with open_ledger(ledger_db) as ledger:
        link_by_hand(ledger, [r["id"] for r in records()])
        figure = facts_data(ledger, STORY)[0]
        ledger.conn.execute(
            "UPDATE figure_summaries SET stale = 1, version = version + 1 WHERE figure_id = ?",
            (figure["id"],),
        )
        ((figure_id, version),) = store.marked_figures(ledger.conn)
        summary = summary_of(figure["observations"])
        article = figure["observations"][0]["article"]
        store.mark_article_figures(ledger.conn, article)  # another writer's article
        assert not store.keep_summary(ledger.conn, figure_id, version, summary)
        assert figure_id in dict(store.marked_figures(ledger.conn))
        assert refresh_summaries(ledger) >= 1 and not store.marked_figures(ledger.conn)
        assert_summaries_are_kept(ledger, STORY)
