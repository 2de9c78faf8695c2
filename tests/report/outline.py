"""A check shared by the tests of ledgers with conflicts: the summaries the link stage keeps
are those of the whole figures, and a page of the facts (read from them) summarises each
figure exactly as the whole facts do."""

from __future__ import annotations

from storyledger.link.summaries import kept_summary, summary_of
from storyledger.report.briefing import figure_summary
from storyledger.report.facts import by_what_readers_follow, facts_data, facts_page
from storyledger.store.sqlite import Ledger
from storyledger.store.summaries import figures_with_summaries


def assert_summaries_are_kept(ledger: Ledger, story: str) -> None:
    """Every figure of the story has a kept summary, the one of its whole history."""
    whole = {f["id"]: f for f in facts_data(ledger, story)}
    kept = figures_with_summaries(ledger.conn, story)
    assert [f["id"] for f in kept] == list(whole)
    for figure in kept:
        assert figure["summary"] is not None, figure["label"]
        computed = summary_of(whole[figure["id"]]["observations"])
        assert kept_summary(figure["summary"]) == computed, figure["label"]


def assert_outline_summarises_as_the_facts(ledger: Ledger, story: str) -> None:
    """Pages of the facts, one figure at a time, give the figures in the order a reader
    follows them, with the same latest value, sources and conflicts (whole rows) and the
    same summaries and charts as the whole facts; each cites fewer observations than it
    has where it has more than a few."""
    assert_summaries_are_kept(ledger, story)
    whole = by_what_readers_follow(facts_data(ledger, story))
    paged, cursor = [], None
    while True:
        page = facts_page(ledger, story, limit=1, cursor=cursor)
        assert page["total"] == len(whole)
        paged += page["figures"]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert [f["id"] for f in paged] == [f["id"] for f in whole]
    fewer = 0
    for full, brief in zip(whole, paged, strict=True):
        assert brief["observation_count"] == len(full["observations"])
        for key in ("latest", "sources", "conflicts", "settled_conflicts"):
            assert brief[key] == full[key], (full["label"], key)
        if full["observations"]:
            assert figure_summary(brief, steps=False) == figure_summary(full, steps=False)
        fewer += len(brief["observations"]) < len(full["observations"])
    assert fewer, "every observation was cited"
