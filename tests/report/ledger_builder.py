"""Build small ledgers from hand-written extractions, for the report tests.

The extraction is written by hand (so these tests do not depend on the NLP
model's output), stored in a real SQLite ledger and linked with the real link
functions under a fixed story id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from storyledger.link.entities import update_entities
from storyledger.link.events import link_events
from storyledger.link.figures import link_figures
from storyledger.link.summaries import mark_changed, refresh_summaries
from storyledger.model import (
    Article,
    Claim,
    EntityMention,
    Extraction,
    QuantityMention,
    QuoteMention,
    Speaker,
    TimeMention,
    content_id,
)
from storyledger.store.links import bump_counter
from storyledger.store.sqlite import Ledger, open_ledger
from storyledger.store.stories import add_story_member, start_story, story_by_id

STORY = "s-haiti"


@dataclass
class Draft:
    """An article and the mentions to mark in it, each named by a fragment of its text."""

    text: str
    outlet: str
    published: str
    url: str | None = None
    times: list[tuple[str, str, str, str, str | None]] = field(default_factory=list)
    entities: list[tuple[str, str, str, str]] = field(
        default_factory=list
    )  # text, label, key, name
    quantities: list[tuple[str, float, str, str | None]] = field(default_factory=list)
    quotes: list[tuple[str, str, str]] = field(default_factory=list)  # content, speaker, key
    planned: list[str] = field(default_factory=list)  # sentences (fragments) with modality planned
    # quantity fragment -> (low, high, approx) as the extractor sets them for a bound
    bounds: dict[str, tuple[float | None, float | None, str]] = field(default_factory=dict)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(r"(?<=[.!?”])\s+", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def locate(text: str, fragment: str) -> tuple[int, int]:
    start = text.index(fragment)
    return start, start + len(fragment)


def extraction_of(draft: Draft) -> Extraction:
    text = draft.text
    spans = sentence_spans(text)

    def sentence(offset: int) -> int:
        return next(i for i, (s, e) in enumerate(spans) if s <= offset <= e)

    times = []
    for fragment, value, first, last, mod in draft.times:
        s, e = locate(text, fragment)
        times.append(
            TimeMention(s, e, fragment, "DATE", value, mod, first, last, True, sentence(s))
        )
    entities = []
    for fragment, label, key, name in draft.entities:
        for match in re.finditer(re.escape(fragment), text):
            entities.append(
                EntityMention(
                    match.start(), match.end(), fragment, label, key, name, sentence(match.start())
                )
            )
    quantities = []
    for fragment, value, unit, counted in draft.quantities:
        s, e = locate(text, fragment)
        low, high, approx = draft.bounds.get(fragment, (None, None, None))
        quantities.append(
            QuantityMention(
                s, e, fragment, value, low, high, approx, unit, counted, sentence=sentence(s)
            )
        )
    quotes = []
    for content, speaker, key in draft.quotes:
        s, e = locate(text, content)
        ss, se = locate(text, speaker)
        quotes.append(
            QuoteMention(s, e, content, Speaker(speaker, ss, se), key, "said", True, sentence(s))
        )
    claims = []
    for idx, (s, e) in enumerate(spans):
        in_sentence = [i for i, t in enumerate(times) if t.sentence == idx]
        amounts = [i for i, q in enumerate(quantities) if q.sentence == idx]
        sentence_text = text[s:e]
        claims.append(
            Claim(
                sentence=idx,
                start=s,
                end=e,
                text=sentence_text,
                quantity=amounts[0] if amounts else None,
                time=in_sentence[0] if in_sentence else None,
                modality="planned"
                if any(p in sentence_text for p in draft.planned)
                else "asserted",
                entities=sorted({m.key for m in entities if m.sentence == idx}),
            )
        )
    return Extraction(entities, times, quantities, quotes, claims, spans, "test")


def store(ledger: Ledger, draft: Draft, story: str = STORY, duplicate_of: str | None = None) -> str:
    """Store and link one drafted article; returns its id."""
    article = Article(
        id=content_id(draft.text + draft.outlet),
        text=draft.text,
        url=draft.url
        or f"https://{draft.outlet.lower().replace(' ', '')}.example/{draft.published}",
        outlet=draft.outlet,
        title=draft.text[:40],
        published=draft.published,
        published_source="metadata",
    )
    extraction = extraction_of(draft)
    ledger.add_article(article, extraction)
    with ledger.transaction() as conn:
        if story_by_id(conn, story) is None:
            start_story(conn, story, None, bump_counter(conn, "stories"))
        day = draft.published[:10] if len(draft.published or "") >= 10 else None
        add_story_member(conn, story, article.id, duplicate_of, None, day, day)
        update_entities(ledger, article, extraction, story)
        link_figures(ledger, article, extraction, story)
        mark_changed(ledger, article.id)
        link_events(ledger, article, extraction, story)
        conn.execute("UPDATE articles SET linked = 1 WHERE id = ?", (article.id,))
    refresh_summaries(ledger)
    return article.id


def new_ledger(folder: Path) -> Ledger:
    return open_ledger(folder / "ledger.db")
