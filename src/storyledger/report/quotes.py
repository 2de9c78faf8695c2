"""The quotes view: what each speaker said, with citations, as plain data."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from storyledger.store.sqlite import Ledger

UNATTRIBUTED = "(unattributed)"
# A quote mention's fields, from their own columns (migration 008): a story's quotes are
# counted from the index mentions_quotes alone, never reading their JSON (json_extract of
# every quote took most of the story page's time); and its article's citation fields.
QUOTE_FIELDS = "m.key, m.text, m.quote_speaker, m.quote_direct, m.quote_cue"
CITATION_FIELDS = "m.article_id, a.outlet, a.url, a.published, ast.story"


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
    rows = counted_quote_rows(ledger, story) if counted else quote_rows(ledger, story)
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
    canonical = entity_names(ledger, [g["speaker_key"] for g in groups.values()])
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


def entity_names(ledger: Ledger, keys: list[str | None]) -> dict[str, str]:
    """The canonical name of each entity key ("he" in one article is William Ruto)."""
    wanted = sorted({k for k in keys if k})
    found: dict[str, str] = {}
    for chunk_start in range(0, len(wanted), 500):
        chunk = wanted[chunk_start : chunk_start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(
            ledger.conn.execute(f"SELECT key, name FROM entities WHERE key IN ({marks})", chunk)
        )
    return found


def quotes_from(story: str | None) -> tuple[str, tuple[str, ...]]:
    """The FROM and WHERE of quote mentions with their article and story: a story's quotes
    are found from its articles, not among every quote of the ledger."""
    if story is None:
        return (
            " FROM mentions m JOIN articles a ON a.id = m.article_id"
            " LEFT JOIN article_story ast ON ast.article_id = a.id WHERE m.kind = 'quote'",
            (),
        )
    return (
        " FROM article_story ast"
        " CROSS JOIN mentions m ON m.article_id = ast.article_id AND m.kind = 'quote'"
        " JOIN articles a ON a.id = ast.article_id WHERE ast.story = ?",
        (story,),
    )


def quote_rows(ledger: Ledger, story: str | None) -> Iterator[tuple[Any, ...]]:
    """Every quote mention as printed once, oldest article first."""
    from_where, params = quotes_from(story)
    cursor = ledger.conn.cursor()
    cursor.row_factory = None
    cursor.execute(
        f"SELECT {QUOTE_FIELDS}, 1, {CITATION_FIELDS}{from_where}"
        " ORDER BY a.published, a.seq, m.idx",
        params,
    )
    return cursor


def counted_quote_rows(ledger: Ledger, story: str | None) -> Iterator[tuple[Any, ...]]:
    """The same quote mentions counted: one row per speaker, words and way of quoting,
    with how many printed them and the first that did (SQLite takes the other columns
    of an aggregate query from the row that gave the MIN), in the order of that first."""
    from_where, params = quotes_from(story)
    cursor = ledger.conn.cursor()
    cursor.row_factory = None
    cursor.execute(
        f"SELECT {QUOTE_FIELDS}, count(*), {CITATION_FIELDS},"
        # the order of quote_rows, as one string (a missing date first, as in ORDER BY)
        " MIN(printf('%s %020d %020d', coalesce(a.published, ''), a.seq, m.idx)) AS first"
        f"{from_where} GROUP BY 1, 2, 3, 4, 5 ORDER BY first",
        params,
    )
    return cursor  # with the order key last
