"""Timeline events: ranked for a story and a span of days, counted, and their sources."""

from __future__ import annotations

import sqlite3
from typing import Any

from storyledger.store.lookup import rows_in


def ranked_events(
    conn: sqlite3.Connection,
    story: str | None = None,
    first_day: str | None = None,
    last_day: str | None = None,
    limit: int | None = None,
    background_days: int = 180,
) -> list[sqlite3.Row]:
    """Events (of one story, or all) overlapping [first_day, last_day] (ISO days), in
    salience order, the first ``limit`` if given; each row has the event's columns and
    ``background`` (1 for an event ending ``background_days`` or more before its story's
    first report).

    Salience order: the story's own events before its background, then by salience
    (independent outlets), then by precision (a day before a month before a year)."""
    where: list[str] = ["1 = 1"]
    params: list[str | int] = []
    if story is not None:
        where.append("e.story = ?")
        params.append(story)
    if first_day is not None:
        where.append("interval_end >= ?")
        params.append(first_day)
    if last_day is not None:
        where.append("interval_start <= ?")
        params.append(last_day)
    return conn.execute(
        "WITH first AS (SELECT ast.story, MIN(substr(a.published, 1, 10)) AS day"
        " FROM article_story ast JOIN articles a ON a.id = ast.article_id GROUP BY ast.story)"
        " SELECT e.*, COALESCE(e.interval_end < date(first.day, ?), 0) AS background"
        " FROM events e LEFT JOIN first ON first.story = e.story WHERE "
        + " AND ".join(where)
        + " ORDER BY background, salience DESC,"  # the story's own events first, then
        " julianday(interval_end) - julianday(interval_start),"  # a day before a month
        " interval_start, interval_end, id" + (" LIMIT ?" if limit is not None else ""),
        [f"-{background_days} days", *params, limit]
        if limit is not None
        else [f"-{background_days} days", *params],
    ).fetchall()


def count_events(conn: sqlite3.Connection, story: str | None = None) -> int:
    """How many events a story (or the ledger) has."""
    if story is None:
        return int(conn.execute("SELECT count(*) FROM events").fetchone()[0])
    sql = "SELECT count(*) FROM events WHERE story = ?"
    return int(conn.execute(sql, (story,)).fetchone()[0])


def event_sources(
    conn: sqlite3.Connection, event_ids: list[str]
) -> dict[str, list[dict[str, Any]]]:
    """Event id -> its sources ``{article, outlet, url, published, duplicate_of}``, one per
    article, oldest first."""
    found: dict[str, list[dict[str, Any]]] = {}
    seen: set[tuple[str, str]] = set()
    sql = (
        "SELECT es.event_id, a.id, a.outlet, a.url, a.published, ast.duplicate_of"
        " FROM event_sources es JOIN articles a ON a.id = es.article_id"
        " LEFT JOIN article_story ast ON ast.article_id = a.id"
        " WHERE es.event_id IN ({marks}) ORDER BY a.published, a.seq"
    )
    for event_id, article, outlet, url, published, duplicate_of in rows_in(conn, sql, event_ids):
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
