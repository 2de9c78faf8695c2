"""The quotes view: what each speaker said, with citations, as plain data."""

from __future__ import annotations

from collections import Counter
from typing import Any

from storyledger.store.sqlite import Ledger

UNATTRIBUTED = "(unattributed)"


def quotes_data(
    ledger: Ledger,
    story: str | None = None,
    speakers: int | None = None,
    per_speaker: int | None = None,
) -> list[dict[str, Any]]:
    """Quotes grouped by speaker, the most quoted speaker first.

    A speaker with an entity key is named by the entity's canonical name. Each group
    is ``{speaker, speaker_key, direct, printed, quotes: [{text, direct, cue, sources:
    [{article, outlet, url, published, story}]}]}`` (``direct``: the speaker's distinct
    direct quotes, ``printed``: how many times the speaker's quotes were printed); the
    same words printed by several articles (a syndicated copy, a quote repeated) are one
    quote with several sources.

    ``speakers`` keeps only that many key speakers (``key_order``: named ones, the most
    quoted in their own words, the most printed) in that order, ``per_speaker`` only
    their that many key quotes each (``quote_order``); the counts stay those of all.
    """
    groups: dict[str, dict[str, Any]] = {}
    names: dict[str, Counter[str]] = {}
    for (
        article,
        speaker_key,
        text,
        name,
        direct,
        cue,
        outlet,
        url,
        published,
        in_story,
    ) in quote_rows(ledger, story):
        name = name or UNATTRIBUTED
        key = speaker_key or name.lower()
        group = groups.get(key)
        if group is None:
            group = groups[key] = {"speaker_key": speaker_key, "quotes": {}}
            names[key] = Counter()
        names[key][name] += 1
        words = " ".join(text.split())
        entry = group["quotes"].get(lowered := words.lower())
        if entry is None:
            entry = group["quotes"][lowered] = {
                "text": words,
                "direct": True if direct is None else bool(direct),
                "cue": cue,
                "sources": [],
            }
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
                "printed": sum(len(q["sources"]) for q in quotes),
                "quotes": quotes,
            }
        )
    if speakers is not None:
        result = sorted(result, key=key_order, reverse=True)[:speakers]
    else:
        result.sort(key=lambda g: (g["speaker"] == UNATTRIBUTED, -len(g["quotes"]), g["speaker"]))
    if per_speaker is not None:
        for group in result:
            group["quotes"] = sorted(group["quotes"], key=quote_order)[:per_speaker]
    return result


def key_order(group: dict[str, Any]) -> tuple[bool, int, int]:
    """The weight of a speaker (higher first): named, direct quotes, times printed."""
    return group["speaker_key"] is not None, group["direct"], group["printed"]


def quote_order(quote: dict[str, Any]) -> tuple[bool, int]:
    """A speaker's own words before paraphrases, the most widely printed first."""
    return not quote["direct"], -len(quote["sources"])


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


def quote_rows(ledger: Ledger, story: str | None) -> list[tuple[Any, ...]]:
    """Quote mentions, oldest article first: ``(article, speaker key, text, speaker name,
    direct, cue, outlet, url, published, story)``. The fields of the mention's JSON are
    read by SQLite (decoding every quote's JSON in Python took most of the time); a
    story's quotes are found from its articles, not among every quote of the ledger."""
    columns = (
        "SELECT m.article_id, m.key, m.text, json_extract(m.data, '$.speaker.text'),"
        " json_extract(m.data, '$.direct'), json_extract(m.data, '$.cue'),"
        " a.outlet, a.url, a.published, ast.story"
    )
    order = " ORDER BY a.published, a.seq, m.idx"
    cursor = ledger.conn.cursor()
    cursor.row_factory = None
    if story is None:
        cursor.execute(
            f"{columns} FROM mentions m JOIN articles a ON a.id = m.article_id"
            " LEFT JOIN article_story ast ON ast.article_id = a.id"
            f" WHERE m.kind = 'quote'{order}"
        )
    else:
        cursor.execute(
            f"{columns} FROM article_story ast"
            " CROSS JOIN mentions m ON m.article_id = ast.article_id AND m.kind = 'quote'"
            f" JOIN articles a ON a.id = ast.article_id WHERE ast.story = ?{order}",
            (story,),
        )
    return cursor.fetchall()
