"""The demo: a ledger and a briefing built from the bundled sample corpus.

The corpus (``corpus.jsonl``, shipped with the package) follows the Kenya-led
police mission to Haiti from October 2023 to October 2025 through several
outlets and a wire service. ``run_demo`` sends it through the real ingest
(extraction, storage, linking) into a fresh ledger and writes the HTML briefing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from storyledger.errors import InputError, Msg
from storyledger.ingest.files import article_from_record
from storyledger.ingest.pipeline import ingest_articles
from storyledger.ingest.records import Defaults
from storyledger.model import Article
from storyledger.report.briefing import briefing_data, render_briefing
from storyledger.report.facts import facts_data
from storyledger.report.timeline import timeline_data
from storyledger.store.sqlite import open_ledger
from storyledger.store.stories import count_stories_with_articles

DEFAULT_OUT = Path("storyledger-demo")
CORPUS = "corpus.jsonl"


@dataclass
class DemoResult:
    ledger_path: Path
    briefing_path: Path
    articles: int
    stories: int
    story: str | None  # the story the briefing is about
    figures: list[dict[str, Any]]  # facts_data of that story
    events: list[dict[str, Any]]  # timeline_data of that story


def corpus_articles() -> list[Article]:
    """The bundled corpus as articles (a broken corpus is an error, not a partial demo)."""
    text = (resources.files("storyledger.demo") / CORPUS).read_text(encoding="utf-8")
    articles = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{CORPUS}: line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(Msg.BAD_JSON.format(where=where, detail=exc)) from None
        articles.append(article_from_record(record, where, Defaults()))
    return articles


def fresh_ledger_path(out: Path) -> Path:
    """``out/demo.db``, with any earlier demo ledger (and its WAL files) removed."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / "demo.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


def run_demo(out: Path, progress: bool = False) -> DemoResult:
    """Build ``out/demo.db`` from the corpus and write ``out/briefing.html``."""
    ledger_path = fresh_ledger_path(out)
    briefing_path = out / "briefing.html"
    with open_ledger(ledger_path) as ledger:
        report = ingest_articles(ledger, corpus_articles(), progress=progress)
        if report.failed:
            raise InputError(Msg.DEMO_CORPUS_BROKEN.format(detail=report.failed[0][1]))
        data = briefing_data(ledger)
        briefing_path.write_text(render_briefing(data, "html"), encoding="utf-8")
        story = data["story"]["id"] if data["story"] else None
        return DemoResult(
            ledger_path=ledger_path,
            briefing_path=briefing_path,
            articles=ledger.count_articles(),
            stories=count_stories_with_articles(ledger.conn),
            story=story,
            figures=facts_data(ledger, story),
            events=timeline_data(ledger, story, key_only=True),
        )
