"""Timeline events: ranked for a story and a span of days, counted, and their sources; the
link stage's writes of them and the reads it merges clauses with."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from storyledger.store.connection import dialect
from storyledger.store.lookup import rows_in

# 1 for an event ending well before its story's first report (the parameter: 180 days),
# else 0 (also when that report has no day). PostgreSQL has julianday from migration 004.
BACKGROUND = (
    "CASE WHEN julianday(e.interval_end) < julianday(st.first_published) - ? THEN 1 ELSE 0 END"
)


def ranked_events(
    conn: sqlite3.Connection,
    story: str | None = None,
    first_day: str | None = None,
    last_day: str | None = None,
    limit: int | None = None,
    background_days: int = 180,
    key_only: bool = False,
) -> list[sqlite3.Row]:
    """Events (of one story, or all) overlapping [first_day, last_day] (ISO days), in
    salience order, the first ``limit`` if given; each row has the event's columns and
    ``background`` (1 for an event ending ``background_days`` or more before its story's
    first report); with ``key_only``, the key events only (see migration 011).

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
    if key_only:  # the story's own key events: no background
        where.append(f"key_event = 1 AND {BACKGROUND} = 0")
        params.append(background_days)
    return conn.execute(
        f"SELECT e.*, {BACKGROUND} AS background"  # the story's first day, kept with it
        " FROM events e LEFT JOIN stories st ON st.id = e.story WHERE "
        + " AND ".join(where)
        + " ORDER BY background, salience DESC,"  # the story's own events first, then
        " julianday(interval_end) - julianday(interval_start),"  # a day before a month
        " interval_start, interval_end, e.id" + (" LIMIT ?" if limit is not None else ""),
        [background_days, *params, limit] if limit is not None else [background_days, *params],
    ).fetchall()


def count_events(conn: sqlite3.Connection, story: str | None = None) -> int:
    """How many events a story (or the ledger) has."""
    if story is None:
        return int(conn.execute("SELECT count(*) FROM events").fetchone()[0])
    sql = "SELECT count(*) FROM events WHERE story = ?"
    return int(conn.execute(sql, (story,)).fetchone()[0])


def event_sources(
    conn: sqlite3.Connection, event_ids: list[str], per_event: int | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Event id -> its sources ``{article, outlet, url, published, duplicate_of}``, one per
    article, oldest first. With ``per_event``, only the oldest that many of each event's
    originals (of its copies if it has no original): an event that every report of a big
    story mentions has thousands."""
    if per_event is not None and dialect(conn) == "postgresql":  # one round trip for all
        rows: Iterable[Any] = conn.execute(FIRST_SOURCES_OF_EVENTS, (list(event_ids), per_event))
    elif per_event is not None:  # each event's few, from the index of its sources
        rows = (
            row
            for event_id in event_ids
            for row in conn.execute(FIRST_EVENT_SOURCES, (event_id, event_id, per_event))
        )
    else:
        rows = rows_in(conn, EVENT_SOURCES, event_ids)
    found: dict[str, list[dict[str, Any]]] = {}
    seen: set[tuple[str, str]] = set()
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


EVENT_SOURCES = (
    "SELECT es.event_id, a.id, a.outlet, a.url, a.published, ast.duplicate_of"
    " FROM event_sources es JOIN articles a ON a.id = es.article_id"
    " LEFT JOIN article_story ast ON ast.article_id = a.id"
    " WHERE es.event_id IN ({marks}) ORDER BY a.published NULLS FIRST, a.seq"
)
# The first sources of one event, originals first, in the order of publication each source
# keeps (migration 015): read from the index of the event's sources, only as far as needed.
FIRST_EVENT_SOURCES = (
    "SELECT ?, a.id, a.outlet, a.url, a.published, s.duplicate_of FROM ("
    " SELECT DISTINCT reprint, published, seq, article_id FROM event_sources"
    " WHERE event_id = ? ORDER BY reprint, published NULLS FIRST, seq, article_id LIMIT ?"
    ") c JOIN articles a ON a.id = c.article_id"
    " LEFT JOIN article_story s ON s.article_id = c.article_id"
    " ORDER BY c.published NULLS FIRST, c.seq"
)
# The same for a list of events in one statement, on PostgreSQL (a lateral join): forty
# events' statements one by one spent more time in round trips than in the index.
FIRST_SOURCES_OF_EVENTS = (
    "SELECT e.id, a.id, a.outlet, a.url, a.published, s.duplicate_of"
    " FROM unnest(?::text[]) WITH ORDINALITY e(id, n) CROSS JOIN LATERAL ("
    " SELECT DISTINCT reprint, published, seq, article_id FROM event_sources"
    " WHERE event_id = e.id ORDER BY reprint, published NULLS FIRST, seq, article_id LIMIT ?"
    ") c JOIN articles a ON a.id = c.article_id"
    " LEFT JOIN article_story s ON s.article_id = c.article_id"
    " ORDER BY e.n, c.published NULLS FIRST, c.seq"
)


# -- the link stage's events: sources, word statistics, candidates ---------------------


def remove_article_event_sources(conn: sqlite3.Connection, article_id: str) -> list[sqlite3.Row]:
    """Remove an article's support from every event; returns what was removed:
    (event_id, clause, story) of each source."""
    removed = conn.execute(
        "SELECT es.event_id, es.clause, e.story FROM event_sources es"
        " JOIN events e ON e.id = es.event_id WHERE es.article_id = ?",
        (article_id,),
    ).fetchall()
    conn.execute("DELETE FROM event_sources WHERE article_id = ?", (article_id,))
    return removed


def count_event_words(
    conn: sqlite3.Connection, story: str, words: Iterable[str], delta: int
) -> None:
    """Add ``delta`` to the clauses of the story that hold each word (the word "" counts
    every clause)."""
    conn.executemany(
        "INSERT INTO event_words (story, word, clauses) VALUES (?, ?, ?)"
        " ON CONFLICT (story, word) DO UPDATE SET clauses = event_words.clauses + excluded.clauses",
        [(story, word, delta) for word in words],
    )


def event_word_clauses(
    conn: sqlite3.Connection, story: str, words: Sequence[str]
) -> dict[str, int]:
    """Word -> how many clauses of the story hold it, for the words counted before."""
    sql = "SELECT word, clauses FROM event_words WHERE story = ? AND word IN ({marks})"
    return {word: clauses for word, clauses in rows_in(conn, sql, words, before=(story,))}


def events_around(
    conn: sqlite3.Connection,
    story: str,
    status: str,
    blocks: Sequence[str],
    interval_start: str,
    interval_end: str,
) -> list[sqlite3.Row]:
    """id, date, mod, interval_start and interval_end of the story's events of ``status``
    filed under one of ``blocks`` whose dates hold [interval_start, interval_end] or are
    held by it, most salient first."""
    marks = ",".join("?" * len(blocks))
    return conn.execute(
        f"SELECT id, date, mod, interval_start, interval_end FROM events"
        f" WHERE story = ? AND status = ? AND block IN ({marks})"
        " AND ((interval_start <= ? AND interval_end >= ?)"  # holds the clause's date
        " OR (interval_start >= ? AND interval_end <= ?))"  # or is held by it
        " ORDER BY salience DESC, id",
        (story, status, *blocks, interval_start, interval_end, interval_start, interval_end),
    ).fetchall()


def event_source_clauses(
    conn: sqlite3.Connection, event_ids: Sequence[str]
) -> Iterator[sqlite3.Row]:
    """(event_id, clause, actors JSON) of these events' sources, a clause reprinted once."""
    sql = "SELECT DISTINCT event_id, clause, actors FROM event_sources WHERE event_id IN ({marks})"
    yield from rows_in(conn, sql, event_ids)


def event_exists(conn: sqlite3.Connection, event_id: str) -> bool:
    return conn.execute("SELECT 1 FROM events WHERE id = ?", (event_id,)).fetchone() is not None


def add_event(
    conn: sqlite3.Connection,
    event_id: str,
    story: str,
    block: str,
    status: str,
    date: str,
    mod: str | None,
    interval_start: str,
    interval_end: str,
    description: str,
) -> None:
    """A new event, with no actors and no salience yet (its sources give them)."""
    conn.execute(
        "INSERT INTO events (id, story, block, status, date, mod, interval_start,"
        " interval_end, description, actors, salience) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', 0)",
        (event_id, story, block, status, date, mod, interval_start, interval_end, description),
    )


def add_event_source(
    conn: sqlite3.Connection,
    event_id: str,
    article_id: str,
    time_idx: int,
    claim: int | None,
    date: str,
    mod: str | None,
    interval_start: str,
    interval_end: str,
    clause: str,
    actors: str,
    lead: bool,
) -> None:
    """One dated clause of an article supports the event (``actors`` a JSON object; ``lead``:
    the report leads with it), with the article's place in its story's order (migration
    015: the article is a member of the story by now)."""
    conn.execute(
        "INSERT INTO event_sources (event_id, article_id, time_idx, claim, date,"
        " mod, interval_start, interval_end, clause, actors, lead, reprint, published, seq)"
        " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        " coalesce(max(CASE WHEN s.duplicate_of IS NULL THEN 0 ELSE 1 END), 0),"
        " max(s.published), max(s.seq)"
        " FROM (SELECT 1) one LEFT JOIN article_story s ON s.article_id = ?",
        (
            event_id,
            article_id,
            time_idx,
            claim,
            date,
            mod,
            interval_start,
            interval_end,
            clause,
            actors,
            int(lead),
            article_id,
        ),
    )


def event_source_rows(conn: sqlite3.Connection, event_id: str) -> list[sqlite3.Row]:
    """The event's sources (every column, and their article's ``published``), oldest
    article first."""
    return conn.execute(
        "SELECT es.*, a.published FROM event_sources es JOIN articles a ON a.id = es.article_id"
        " WHERE es.event_id = ? ORDER BY a.published NULLS FIRST, a.seq, es.time_idx",
        (event_id,),
    ).fetchall()


def delete_event(conn: sqlite3.Connection, event_id: str) -> None:
    conn.execute("DELETE FROM events WHERE id = ?", (event_id,))


def update_event(
    conn: sqlite3.Connection,
    event_id: str,
    date: str,
    mod: str | None,
    interval_start: str,
    interval_end: str,
    block: str,
    description: str,
    actors: str,
    salience: int,
    key_event: bool,
) -> None:
    """An event's fields as its sources give them (``actors`` a JSON list)."""
    conn.execute(
        "UPDATE events SET date = ?, mod = ?, interval_start = ?, interval_end = ?, block = ?,"
        " description = ?, actors = ?, salience = ?, key_event = ? WHERE id = ?",
        (
            date,
            mod,
            interval_start,
            interval_end,
            block,
            description,
            actors,
            salience,
            int(key_event),
            event_id,
        ),
    )


def independent_outlets(conn: sqlite3.Connection, event_id: str) -> int:
    """Distinct outlets among the event's sources, a syndicated copy counted as its original."""
    row = conn.execute(
        "SELECT COUNT(DISTINCT COALESCE(root.outlet, root.id)) FROM event_sources es"
        " LEFT JOIN article_story ast ON ast.article_id = es.article_id"
        " JOIN articles root ON root.id = COALESCE(ast.duplicate_of, es.article_id)"
        " WHERE es.event_id = ?",
        (event_id,),
    ).fetchone()
    return int(row[0])
