"""`storyledger demo` end to end: the bundled corpus through the real ingest, into a briefing."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from rich.cells import cell_len
from tests.report.outline import assert_outline_summarises_as_the_facts
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


def test_demo_reads_at_80_columns(tmp_path: Path) -> None:
    """`COLUMNS=80 storyledger demo`, as a new user runs it: no line wider than 80 and no
    cell cut short (the corpus has no "…"); a block per figure, its label on a line."""
    command = [sys.executable, "-c", "from storyledger.cli import main; main()", "demo"]
    env = {**os.environ, "COLUMNS": "80"}
    done = subprocess.run(
        command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    assert "…" not in done.stdout
    assert "Police officers pledged — Kenya" in lines
    assert "storyledger-demo/briefing.html" in done.stdout


def test_the_figures_the_corpus_was_written_to_show(tmp_path: Path) -> None:
    """One pledge of 1,000 corroborated by independent outlets; the level of Kenyan officers
    in Haiti updated 400 -> 600 -> 744 with 800 in conflict; pledge and count never mixed;
    copies never counted as corroboration."""
    from storyledger.ingest.pipeline import ingest_articles
    from storyledger.link.corrections import merge_stories
    from storyledger.report.facts import facts_data

    with open_ledger(tmp_path / "demo.db") as ledger:
        assert ingest_articles(ledger, corpus_articles()).ok
        stories = [s for (s,) in ledger.conn.execute("SELECT DISTINCT story FROM article_story")]
        for other in stories[1:]:  # the clustering is not the subject here
            merge_stories(ledger, stories[0], other)
        figures = facts_data(ledger)
        assert_outline_summarises_as_the_facts(ledger, stories[0])  # with an open conflict

    def outlets(figure: dict[str, Any], value: float) -> set[str]:
        return {
            o["outlet"]
            for o in figure["observations"]
            if o["value"] == value and not o["duplicate_of"]
        }

    pledges = [f for f in figures if f["modality"] == "pledged" and f["unit"] == "count"]
    [pledge] = [f for f in pledges if len(outlets(f, 1000)) >= 3]
    assert {o["value"] for o in pledge["observations"]} == {1000}
    assert not [f for f in pledges if f is not pledge and outlets(f, 1000)]
    assert any(o["relation"] == "corroborates" for o in pledge["observations"])

    [level] = [
        f
        for f in figures
        if f["modality"] == "asserted" and not f["change"] and {400, 600, 744} <= values(f)
    ]
    updates = [o["value"] for o in level["observations"] if o["relation"] == "updates"]
    assert 600 in updates and 744 in updates
    series = [v for v in (o["value"] for o in level["observations"]) if v in (400, 600, 744)]
    assert series.index(400) < series.index(600) < series.index(744)
    assert 1000 not in values(level) and 144 not in values(level) and 24 not in values(level)
    [conflict] = [o for o in level["observations"] if o["value"] == 800]
    assert conflict["relation"] == "conflicts"
    assert level["conflicts"] or level["settled_conflicts"]
    assert not {400, 600, 744, 800} & values(pledge)

    originals = {o["source_outlet"] for o in pledge["observations"]}
    assert 3 <= pledge["sources"] <= len(originals)  # copies count as their original's outlet


def values(figure: dict[str, Any]) -> set[float]:
    return {o["value"] for o in figure["observations"]}
