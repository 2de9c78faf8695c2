"""A check shared by the tests of ledgers with conflicts: the story page's outline of the
facts summarises each figure exactly as the whole facts do."""

from __future__ import annotations

from storyledger.report.briefing import figure_summary
from storyledger.report.facts import facts_data, facts_outline
from storyledger.store.figures import HISTORY_FIELDS
from storyledger.store.sqlite import Ledger


def assert_outline_summarises_as_the_facts(ledger: Ledger, story: str) -> None:
    """Same figures and observations, the same latest value, sources and conflicts (whole
    rows), the same summaries and charts; and the observations no summary cites are read
    with their history fields only."""
    whole, outline = facts_data(ledger, story), facts_outline(ledger, story)
    assert [f["id"] for f in outline] == [f["id"] for f in whole]
    narrow = 0
    for full, brief in zip(whole, outline, strict=True):
        assert [o["id"] for o in brief["observations"]] == [o["id"] for o in full["observations"]]
        for key in ("latest", "sources", "conflicts", "settled_conflicts"):
            assert brief[key] == full[key], (full["label"], key)
        if full["observations"]:
            assert figure_summary(brief, steps=False) == figure_summary(full, steps=False)
        narrow += sum(set(o) == set(HISTORY_FIELDS) for o in brief["observations"])
    assert narrow, "every observation was read whole"
