"""The quotes view: what each speaker said, with citations, as plain data."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from storyledger.store.entities import entity_names
from storyledger.store.quotes import counted_quote_rows, quote_rows
from storyledger.store.sqlite import Ledger

UNATTRIBUTED = "(unattributed)"


def quotes_data(
    ledger: Ledger,
    story: str | None = None,
    speakers: int | None = None,
    per_speaker: int | None = None,
    sources: int | None = None,
) -> list[dict[str, Any]]:
    """Quotes grouped by speaker, the most quoted speaker first.

    A speaker with an entity key is named by the entity's canonical name. Each group
    is ``{speaker, speaker_key, direct, printed, quotes: [{text, direct, cue, printed,
    sources: [{article, outlet, url, published, story}]}]}`` (``direct``: the speaker's
    distinct direct quotes, ``printed``: how many times the quotes were printed); the
    same words printed by several articles (a syndicated copy, a quote repeated) are one
    quote with several sources, oldest first.

    The cuts, for views that show a few: ``speakers`` keeps that many key speakers
    (``key_order``: named ones, the most quoted in their own words, the most printed) in
    that order, ``per_speaker`` their that many key quotes each (``quote_order``), and
    ``sources`` the oldest that many sources of each quote; the counts stay those of all.
    With ``sources`` of 0 or 1, SQLite counts the printings of each quote instead of
    listing them.
    """
    counted = sources is not None and sources <= 1
    rows = counted_quote_rows(ledger.conn, story) if counted else quote_rows(ledger.conn, story)
    result = grouped(ledger, rows)
    result.sort(key=lambda g: (g["speaker"] == UNATTRIBUTED, -len(g["quotes"]), g["speaker"]))
    if speakers is not None:  # ties in that order
        result = sorted(result, key=key_order, reverse=True)[:speakers]
    for group in result:
        if per_speaker is not None:
            group["quotes"] = sorted(group["quotes"], key=quote_order)[:per_speaker]
        if sources is not None:
            for quote in group["quotes"]:
                quote["sources"] = quote["sources"][:sources]
    return result


def grouped(ledger: Ledger, rows: Iterable[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """Speaker groups of quote rows ``(speaker key, text, speaker name, direct, cue,
    printed, article, outlet, url, published, story)`` in the order of their first
    printing (a row stands for ``printed`` printings, the first of them cited)."""
    groups: dict[str, dict[str, Any]] = {}
    names: dict[str, Counter[str]] = {}
    for speaker_key, text, name, direct, cue, printed, *cited in rows:  # read one at a time
        name = name or UNATTRIBUTED
        key = speaker_key or name.lower()
        group = groups.get(key)
        if group is None:
            group = groups[key] = {"speaker_key": speaker_key, "quotes": {}}
            names[key] = Counter()
        names[key][name] += printed
        words = " ".join(text.split())
        entry = group["quotes"].get(lowered := words.lower())
        if entry is None:
            entry = group["quotes"][lowered] = {
                "text": words,
                "direct": True if direct is None else bool(direct),
                "cue": cue,
                "printed": 0,
                "sources": [],
            }
        entry["printed"] += printed
        article, outlet, url, published, in_story = cited[:5]
        entry["sources"].append(
            {
                "article": article,
                "outlet": outlet,
                "url": url,
                "published": published,
                "story": in_story,
            }
        )
    canonical = entity_names(ledger.conn, [g["speaker_key"] for g in groups.values()])
    result = []
    for key, group in groups.items():
        quotes = list(group["quotes"].values())
        result.append(
            {
                "speaker": canonical.get(group["speaker_key"]) or names[key].most_common(1)[0][0],
                "speaker_key": group["speaker_key"],
                "direct": sum(q["direct"] for q in quotes),
                "printed": sum(q["printed"] for q in quotes),
                "quotes": quotes,
            }
        )
    return result


def key_order(group: dict[str, Any]) -> tuple[bool, int, int]:
    """The weight of a speaker (higher first): named, direct quotes, times printed."""
    return group["speaker_key"] is not None, group["direct"], group["printed"]


def quote_order(quote: dict[str, Any]) -> tuple[bool, int]:
    """A speaker's own words before paraphrases, the most widely printed first."""
    return not quote["direct"], -quote["printed"]
