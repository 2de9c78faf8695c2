"""`storyledger demo` end to end: the bundled corpus through the real ingest, into a briefing."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from storyledger.cli.app import app
from storyledger.demo import corpus_articles
from storyledger.report.timeline import timeline_data
from storyledger.store.sqlite import open_ledger


def test_the_corpus_reads_as_articles() -> None:
    articles = corpus_articles()
    assert 30 <= len(articles) <= 50
    assert all(a.outlet and a.published and a.url for a in articles)


def test_demo_builds_the_ledger_and_writes_the_briefing(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    result = CliRunner().invoke(app, ["demo", "--out", str(out)])

    assert result.exit_code == 0, result.output
    assert "Facts" in result.output and "Timeline" in result.output
    assert str(out / "briefing.html") in result.output
    html = (out / "briefing.html").read_text(encoding="utf-8")
    assert "<svg" in html and 'class="cite"' in html
    assert not re.search(r"<script|<link\b|<[^>]+\bsrc\s*=", html, re.I)
    with open_ledger(out / "demo.db") as ledger:
        assert ledger.count_articles() == len(corpus_articles())
        events = timeline_data(ledger)
    assert any(e["status"] == "expected" for e in events)
    assert max(e["salience"] for e in events) >= 2  # an event reported by several outlets
    for event in events:  # a syndicated copy never counts as another outlet
        originals = {s["duplicate_of"] or s["article"] for s in event["sources"]}
        assert event["salience"] <= len(originals)

    again = CliRunner().invoke(app, ["demo", "--out", str(out)])  # rebuilds from scratch
    assert again.exit_code == 0, again.output
