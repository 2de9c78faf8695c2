"""The timeline view: a story's dated events, most salient first, as plain data."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from storyledger.errors import InputError, Msg
from storyledger.store.events import count_events, event_sources, ranked_events
from storyledger.store.sqlite import Ledger
from storyledger.timex import timex_interval

BACKGROUND_DAYS = 180  # an event ending this long before the story's first report is background


def timeline_data(
    ledger: Ledger,
    story: str | None = None,
    start: str | None = None,
    end: str | None = None,
    limit: int | None = None,
    key_only: bool = False,
    sources_per_event: int | None = None,
) -> list[dict[str, Any]]:
    """Events (of one story, or all) overlapping [start, end], in salience order (only
    the first ``limit``, if given: their sources are read for them only).

    Salience order: the story's own events before its background (an event that ended
    well before the story's first report: "the 1960 quake", a war "since 2011"), then
    by independent outlets, then by precision (a day before a month before a year).
    With ``key_only``, the key events only: those two independent outlets report, or that
    a report leads with; the views show these and fold the others away. With
    ``sources_per_event``, each event's first that many originals only (``event_sources``).

    Each event is ``{id, story, date, mod, status, description, salience, background, key,
    actors,
    sources: [{article, outlet, url, published, duplicate_of}]}``; ``date`` is a
    TIMEX3 value (or interval) exactly as precise as the sources give it.
    """
    rows = ranked_events(
        ledger.conn,
        story,
        day_bound(start, first=True) if start is not None else None,
        day_bound(end, first=False) if end is not None else None,
        limit,
        BACKGROUND_DAYS,
        key_only,
    )
    sources = event_sources(ledger.conn, [row["id"] for row in rows], sources_per_event)
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
            "key": bool(row["key_event"]),
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
    return count_events(ledger.conn, story)


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
