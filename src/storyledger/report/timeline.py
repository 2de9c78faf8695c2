"""The timeline view: a story's dated events, most salient first, as plain data."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from storyledger.errors import InputError, Msg
from storyledger.store.sqlite import Ledger
from storyledger.timex import timex_interval

BACKGROUND_DAYS = 180  # an event ending this long before the story's first report is background


def timeline_data(
    ledger: Ledger,
    story: str | None = None,
    start: str | None = None,
    end: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Events (of one story, or all) overlapping [start, end], in salience order (only
    the first ``limit``, if given: their sources are read for them only).

    Salience order: the story's own events before its background (an event that ended
    well before the story's first report: "the 1960 quake", a war "since 2011"), then
    by independent outlets, then by precision (a day before a month before a year).

    Each event is ``{id, story, date, mod, status, description, salience, background, actors,
    sources: [{article, outlet, url, published, duplicate_of}]}``; ``date`` is a
    TIMEX3 value (or interval) exactly as precise as the sources give it.
    """
    where: list[str] = ["1 = 1"]
    params: list[str | int] = []
    if story is not None:
        where.append("e.story = ?")
        params.append(story)
    if start is not None:
        where.append("interval_end >= ?")
        params.append(day_bound(start, first=True))
    if end is not None:
        where.append("interval_start <= ?")
        params.append(day_bound(end, first=False))
    rows = ledger.conn.execute(
        "WITH first AS (SELECT ast.story, MIN(substr(a.published, 1, 10)) AS day"
        " FROM article_story ast JOIN articles a ON a.id = ast.article_id GROUP BY ast.story)"
        " SELECT e.*, COALESCE(e.interval_end < date(first.day, ?), 0) AS background"
        " FROM events e LEFT JOIN first ON first.story = e.story WHERE "
        + " AND ".join(where)
        + " ORDER BY background, salience DESC,"  # the story's own events first, then
        " julianday(interval_end) - julianday(interval_start),"  # a day before a month
        " interval_start, interval_end, id" + (" LIMIT ?" if limit is not None else ""),
        [f"-{BACKGROUND_DAYS} days", *params, limit]
        if limit is not None
        else [f"-{BACKGROUND_DAYS} days", *params],
    ).fetchall()
    sources = sources_of([row["id"] for row in rows], ledger)
    return [
        {
            "id": row["id"],
            "story": row["story"],
            "date": row["date"],
            "mod": row["mod"],
            "status": row["status"],
            "description": row["description"],
            "salience": row["salience"],
            "background": bool(row["background"]),
            "actors": [name for _key, name in json.loads(row["actors"])],
            "actor_keys": [key for key, _name in json.loads(row["actors"])],
            "interval_start": row["interval_start"],
            "interval_end": row["interval_end"],
            "sources": sources.get(row["id"], []),
        }
        for row in rows
    ]


def events_of(ledger: Ledger, story: str | None = None) -> int:
    """How many events a story (or the ledger) has."""
    if story is None:
        return int(ledger.conn.execute("SELECT count(*) FROM events").fetchone()[0])
    sql = "SELECT count(*) FROM events WHERE story = ?"
    return int(ledger.conn.execute(sql, (story,)).fetchone()[0])


def in_date_order(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same events in calendar order (coarser dates before the finer ones they hold)."""

    def span(event: dict[str, Any]) -> int:
        first, last = (date.fromisoformat(event[k]) for k in ("interval_start", "interval_end"))
        return (last - first).days

    return sorted(events, key=lambda e: (e["interval_start"], -span(e), e["id"]))


def day_bound(value: str, first: bool) -> str:
    """The first (or last) day of a date given as YYYY, YYYY-MM or YYYY-MM-DD."""
    interval = timex_interval(value) if re.fullmatch(r"\d{4}(-\d{2}){0,2}", value) else None
    if interval is None:
        raise InputError(Msg.BAD_DATE_BOUND.format(value=value))
    return interval[0 if first else 1].isoformat()


def sources_of(event_ids: list[str], ledger: Ledger) -> dict[str, list[dict[str, Any]]]:
    """Event id -> its sources (one per article, oldest first)."""
    found: dict[str, list[dict[str, Any]]] = {}
    seen: set[tuple[str, str]] = set()
    for chunk_start in range(0, len(event_ids), 500):
        chunk = event_ids[chunk_start : chunk_start + 500]
        marks = ",".join("?" * len(chunk))
        rows = ledger.conn.execute(
            "SELECT es.event_id, a.id, a.outlet, a.url, a.published, ast.duplicate_of"
            " FROM event_sources es JOIN articles a ON a.id = es.article_id"
            " LEFT JOIN article_story ast ON ast.article_id = a.id"
            f" WHERE es.event_id IN ({marks}) ORDER BY a.published, a.seq",
            chunk,
        )
        for event_id, article, outlet, url, published, duplicate_of in rows:
            if (event_id, article) in seen:
                continue
            seen.add((event_id, article))
            found.setdefault(event_id, []).append(
                {
                    "article": article,
                    "outlet": outlet,
                    "url": url,
                    "published": published,
                    "duplicate_of": duplicate_of,
                }
            )
    return found
