"""The quotes view: what each speaker said, with citations, as plain data."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from storyledger.store.sqlite import Ledger

UNATTRIBUTED = "(unattributed)"


def quotes_data(ledger: Ledger, story: str | None = None) -> list[dict[str, Any]]:
    """Quotes grouped by speaker, the most quoted speaker first.

    A speaker with an entity key is named by the entity's canonical name. Each group
    is ``{speaker, speaker_key, quotes: [{text, direct, cue, sources:
    [{article, outlet, url, published, story}]}]}``; the same words printed by several
    articles (a syndicated copy, a quote repeated) are one quote with several sources.
    """
    groups: dict[str, dict[str, Any]] = {}
    names: dict[str, Counter[str]] = {}
    for row in quote_rows(ledger, story):
        quote = json.loads(row["data"])
        speaker = quote.get("speaker") or {}
        name = speaker.get("text") or UNATTRIBUTED
        key = quote.get("speaker_key") or name.lower()
        group = groups.setdefault(key, {"speaker_key": quote.get("speaker_key"), "quotes": {}})
        names.setdefault(key, Counter())[name] += 1
        words = " ".join(quote["text"].split())
        entry = group["quotes"].setdefault(
            words.lower(),
            {"text": words, "direct": quote.get("direct", True), "cue": quote.get("cue")},
        )
        entry.setdefault("sources", []).append(
            {
                "article": row["article_id"],
                "outlet": row["outlet"],
                "url": row["url"],
                "published": row["published"],
                "story": row["story"],
            }
        )
    canonical = entity_names(ledger, [g["speaker_key"] for g in groups.values()])
    result = [
        {
            "speaker": canonical.get(group["speaker_key"]) or names[key].most_common(1)[0][0],
            "speaker_key": group["speaker_key"],
            "quotes": list(group["quotes"].values()),
        }
        for key, group in groups.items()
    ]
    result.sort(key=lambda g: (g["speaker"] == UNATTRIBUTED, -len(g["quotes"]), g["speaker"]))
    return result


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


def quote_rows(ledger: Ledger, story: str | None) -> list[Any]:
    """Quote mentions with their article's citation fields, oldest article first."""
    sql = (
        "SELECT m.article_id, m.data, a.outlet, a.url, a.published, ast.story FROM mentions m"
        " JOIN articles a ON a.id = m.article_id"
        " LEFT JOIN article_story ast ON ast.article_id = a.id WHERE"
    )
    params: tuple[str, ...] = ()
    if story is not None:
        sql += " ast.story = ? AND"
        params = (story,)
    sql += " m.kind = 'quote' ORDER BY a.published, a.seq, m.idx"
    return ledger.conn.execute(sql, params).fetchall()
