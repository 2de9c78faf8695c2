"""The mission test corpus (tests/fixtures/mission) as articles and hand-annotated extractions.

``articles.jsonl`` holds ingestable records (the Kenya-led police mission to
Haiti, 2023-2025, sentences written for these tests); ``claims.jsonl`` holds,
per quantity claim, the mentions an extractor should find. Building the
extraction by hand keeps the figure tests independent of the NLP model; the
same articles also go through the real pipeline in the integration tests.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from storyledger.link.figures import link_figures
from storyledger.link.summaries import mark_changed, refresh_summaries
from storyledger.model import (
    Article,
    Claim,
    EntityMention,
    Extraction,
    QuantityMention,
    TimeMention,
    content_id,
)
from storyledger.store.sqlite import Ledger

FOLDER = Path(__file__).resolve().parent.parent / "fixtures" / "mission"
STORY = "s-mission"
COPIES = {"m02": "m01"}  # syndicated copy -> original (keys of articles.jsonl)


def records() -> list[dict[str, Any]]:
    return read_jsonl(FOLDER / "articles.jsonl")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def article_of(record: dict[str, Any]) -> Article:
    return Article(
        id=content_id(record["text"]),
        text=record["text"],
        url=record["url"],
        outlet=record["outlet"],
        title=record["title"],
        published=record["published"],
        published_source="metadata",
    )


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(r"(?<=[.!?])\s+(?=[A-Z])", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def extraction_of(record: dict[str, Any], claims: list[dict[str, Any]]) -> Extraction:
    """The mentions and claims the annotations name, at their offsets in the text."""
    text = record["text"]
    spans = sentence_spans(text)
    extraction = Extraction(sentences=spans, extractor_version="hand")
    known: set[tuple[int, str]] = set()
    for annotation in claims:
        at = text.index(annotation["sentence"])
        number, (start, end) = next((i, s) for i, s in enumerate(spans) if s[0] <= at < s[1])
        for surface, label, key, name in annotation["entities"]:
            for match in re.finditer(rf"\b{re.escape(surface)}\b", text):
                if (match.start(), key) not in known:
                    known.add((match.start(), key))
                    extraction.entities.append(
                        EntityMention(match.start(), match.end(), surface, label, key, name)
                    )
        extraction.claims.append(
            Claim(
                sentence=number,
                start=start,
                end=end,
                text=text[start:end],
                subject=annotation["subject"],
                predicate=annotation["predicate"],
                quantity=add_quantity(extraction, text, at, annotation),
                time=add_time(extraction, text, start, annotation["time"]),
                speaker=annotation["speaker"],
                modality=annotation["modality"],
                polarity=annotation["polarity"],
                change=annotation["change"],
                entities=sorted({key for _s, _l, key, _n in annotation["entities"]}),
            )
        )
    return extraction


def add_quantity(extraction: Extraction, text: str, at: int, annotation: dict[str, Any]) -> int:
    start = text.index(annotation["quantity"], at)
    extraction.quantities.append(
        QuantityMention(
            start,
            start + len(annotation["quantity"]),
            annotation["quantity"],
            annotation["value"],
            low=annotation["low"],
            high=annotation["high"],
            approx=annotation["approx"],
            unit=annotation["unit"],
            counted=annotation["counted"],
            predicate=annotation["predicate"],
        )
    )
    return len(extraction.quantities) - 1


def add_time(
    extraction: Extraction, text: str, sentence_start: int, time: list[str] | None
) -> int | None:
    if time is None:
        return None
    surface, value, first, last = time
    start = text.index(surface, sentence_start)
    extraction.times.append(
        TimeMention(start, start + len(surface), surface, "DATE", value, None, first, last, True)
    )
    return len(extraction.times) - 1


def corpus() -> dict[str, tuple[Article, Extraction]]:
    """Key of each record -> its article and hand-built extraction."""
    claims = read_jsonl(FOLDER / "claims.jsonl")
    return {
        record["id"]: (
            article_of(record),
            extraction_of(record, [c for c in claims if c["article"] == record["id"]]),
        )
        for record in records()
    }


def link_by_hand(ledger: Ledger, keys: Iterable[str], story: str = STORY) -> dict[str, str]:
    """Store and link the given articles (in that order) in one story, copies marked as
    such; only the figure stage runs (and the summaries of the figures are kept, as
    ``link_pending`` keeps them). Returns key -> article id."""
    built = corpus()
    ids = {key: article.id for key, (article, _x) in built.items()}
    for key in keys:
        article, extraction = built[key]
        ledger.add_article(article, extraction)
        original = ids[COPIES[key]] if key in COPIES else None
        with ledger.transaction() as conn:
            conn.execute(
                "INSERT INTO article_story (article_id, story, duplicate_of) VALUES (?, ?, ?)",
                (article.id, story, original),
            )
            link_figures(ledger, ledger.get_article(article.id), extraction, story)
            mark_changed(ledger, article.id)
    refresh_summaries(ledger)
    return ids
