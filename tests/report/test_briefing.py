"""The briefing: citations on every statement, a self-contained HTML page, hostile text escaped."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from tests.report.ledger_builder import Draft, new_ledger, store

from storyledger.report.briefing import briefing_data, figure_summary, render_briefing
from storyledger.store.sqlite import Ledger

HOSTILE = '<script>alert("x")</script><img src="https://evil.example/p.png">'
KENYA = ("Kenya", "GPE", "kenya", "Kenya")
HAITI = ("Haiti", "GPE", "haiti", "Haiti")


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    ledger = new_ledger(tmp_path)
    store(
        ledger,
        Draft(
            text="Kenya sent 400 police officers to Haiti on Tuesday. "
            '"We are ready," said William Ruto.',
            outlet="Wire",
            published="2024-06-26",
            times=[("Tuesday", "2024-06-25", "2024-06-25", "2024-06-25", None)],
            entities=[KENYA, HAITI, ("William Ruto", "PERSON", "william_ruto", "William Ruto")],
            quantities=[("400 police officers", 400, "count", "police officer")],
            quotes=[("We are ready,", "William Ruto", "william_ruto")],
        ),
    )
    store(
        ledger,
        Draft(
            text="Kenya has 600 police officers in Haiti after 200 more landed in July. "
            f"A protester wrote {HOSTILE} on a wall in July.",
            outlet="Daily <b>B</b>",
            published="2024-08-01",
            url="javascript:alert(1)",
            times=[("July", "2024-07", "2024-07-01", "2024-07-31", None)],
            entities=[KENYA, HAITI],
            quantities=[("600 police officers", 600, "count", "police officer")],
            quotes=[(HOSTILE, "A protester", "protester")],
        ),
    )
    return ledger


def section(html: str, name: str) -> str:
    match = re.search(rf'<section id="{name}".*?</section>', html, re.S)
    assert match, f"no section {name}"
    return match.group(0)


def visible(html: str) -> str:
    """The text a reader sees: tags removed."""
    return re.sub(r"<[^>]+>", "", html)


def test_html_is_self_contained(ledger: Ledger) -> None:
    html = render_briefing(briefing_data(ledger), "html")
    assert html.startswith("<!DOCTYPE html>")
    assert "@media print" in html
    assert not re.search(r"<script", html, re.I)
    assert not re.search(r"<link\b", html, re.I)
    assert not re.search(r"""<[^>]+\bsrc\s*=""", html, re.I)  # no images, frames, scripts
    assert "@import" not in html and "url(" not in html
    # links only lead to the cited articles; nothing is loaded from anywhere
    hrefs = re.findall(r"""<[^>]+\bhref\s*=\s*["']([^"']*)""", html, re.I)
    assert hrefs and all(h.startswith("https://wire.example/") for h in hrefs)


def test_hostile_article_text_is_escaped(ledger: Ledger) -> None:
    html = render_briefing(briefing_data(ledger), "html")
    assert "&lt;script&gt;" in html
    assert "<b>B</b>" not in html and "Daily &lt;b&gt;B&lt;/b&gt;" in html
    assert "javascript:" not in html  # an unsafe URL is never written as a link
    markdown = render_briefing(briefing_data(ledger), "md")
    assert "<script>" not in markdown and "javascript:" not in markdown


def test_every_timeline_and_figure_line_is_cited(ledger: Ledger) -> None:
    data = briefing_data(ledger)
    assert data["timeline"] and data["figures"]
    html = render_briefing(data, "html")
    body = section(html, "timeline").split("<tbody>", 1)[1]
    rows = re.findall(r"<tr>.*?</tr>", body, re.S)
    assert len(rows) == len(data["timeline"])
    for row in rows:
        assert re.search(r"\[[^\]]+, \d{4}-\d{2}-\d{2}\]", visible(row))
    cards = re.findall(r'<article class="figure">.*?</article>', section(html, "figures"), re.S)
    assert len(cards) == len(data["figures"])
    for card in cards:
        assert re.search(r"\[[^\]]+, \d{4}-\d{2}-\d{2}\]", visible(card))
    charted = [f for f in data["figures"] if f["chart"]]
    assert charted  # 400 in June, then 600 in July
    assert sum("<svg" in card for card in cards) == len(charted)

    markdown = render_briefing(data, "md")
    timeline_md = markdown.split("## Timeline", 1)[1].split("## Key quotes", 1)[0]
    event_lines = [line for line in timeline_md.splitlines() if line.startswith("- ")]
    assert len(event_lines) == len(data["timeline"])
    assert all(re.search(r"\\\[.+, \d{4}-\d{2}-\d{2}", line) for line in event_lines)


def test_json_briefing_is_plain_data(ledger: Ledger) -> None:
    data = json.loads(render_briefing(briefing_data(ledger), "json"))
    assert {"story", "figures", "conflicts", "timeline", "quotes", "sources"} <= set(data)
    assert all("chart" not in figure for figure in data["figures"])
    assert all(event["citations"] for event in data["timeline"])
    speakers = {group["speaker"] for group in data["quotes"]}
    assert "William Ruto" in speakers


def test_undated_values_are_counted_apart_from_the_chart() -> None:
    def observation(value: float, as_of: str | None, published: str | None) -> dict[str, object]:
        return {"value": value, "low": None, "high": None, "approx": None, "as_of": as_of,
                "as_of_end": as_of, "published": published, "relation": "first",
                "article": "a", "outlet": "A", "url": None, "speaker": None,
                "quantity_text": None, "source": "a", "source_outlet": "A"}  # fmt: skip

    figure = {"id": "f1", "label": "Deaths", "unit": "count", "modality": "asserted",
              "observations": [observation(84, "2025-03-02", "2025-03-02"),
                               observation(131, "2025-03-03", "2025-03-03"),
                               observation(150, None, None)]}  # fmt: skip
    summary = figure_summary(figure)
    assert summary["undated"] == 1
    assert "150" not in summary["chart"] and "131" in summary["chart"]
