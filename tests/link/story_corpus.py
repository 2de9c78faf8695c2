"""The story test corpus (tests/fixtures/stories): three unrelated stories and a syndicated copy.

Ledgers are built through the real extraction and the real link stage; each
text is extracted once per test session.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from storyledger.demo import corpus_articles
from storyledger.extract.pipeline import extract
from storyledger.link.pipeline import link_pending
from storyledger.model import Article, Extraction, content_id
from storyledger.store.sqlite import Ledger, open_ledger

FOLDER = Path(__file__).resolve().parent.parent / "fixtures" / "stories"
HAITI, QUAKE, ELECTION = ("h1", "h2", "h4"), ("e1", "e2"), ("v1", "v2")
COPY, ORIGINAL = "h3", "h1"


def records() -> list[dict[str, Any]]:
    lines = (FOLDER / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line]


def article_of(record: dict[str, Any]) -> Article:
    return Article(
        id=content_id(record["text"]),
        text=record["text"],
        outlet=record["outlet"],
        title=record["title"],
        published=record["published"],
        published_source="metadata",
    )


@cache
def extraction_of(text: str, published: str | None) -> Extraction:
    return extract(text, published)


def build_ledger(path: str | Path, order: list[str] | None = None) -> tuple[Ledger, dict[str, str]]:
    """A ledger of the corpus (in ``order`` of corpus keys), linked; and key -> article id."""
    by_key = {record["id"]: record for record in records()}
    ids = {}
    ledger = open_ledger(path)
    for key in order or list(by_key):
        article = article_of(by_key[key])
        ledger.add_article(article, extraction_of(article.text, article.published))
        ids[key] = article.id
    link_pending(ledger)
    return ledger, ids


def build_demo_ledger(path: Path) -> tuple[Ledger, list[str]]:
    """A ledger of the bundled demo corpus (41 articles over two years), linked; and its ids."""
    ledger = open_ledger(path)
    ids = []
    for article in corpus_articles():
        ledger.add_article(article, extraction_of(article.text, article.published))
        ids.append(article.id)
    link_pending(ledger)
    return ledger, ids


def story_of(ledger: Ledger, article_id: str) -> str:
    row = ledger.conn.execute(
        "SELECT story FROM article_story WHERE article_id = ?", (article_id,)
    ).fetchone()
    return str(row[0])
