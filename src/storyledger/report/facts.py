"""The fact sheet, one figure's history, and what changed since a date: plain data.

``facts_data`` follows DESIGN.md's contract: a list of figures, each
``{id, story, label, unit, counted, modality, observations: [{value, low, high,
as_of, article, outlet, url, speaker, relation, ...}], conflicts}``, plus
``change``, ``entities``, ``latest``, ``sources`` (independent outlets behind
the latest value) and ``settled_conflicts``. Observations are in the order their
relations are computed in: of the last day of the time they refer to, then of its
first day, then of publication (so each ``relation_to`` is listed earlier); besides
the contract's fields they carry ``id, figure_id, approx, quantity_text`` (the quantity
as printed), ``as_of_start, as_of_end`` (the days ``as_of`` spans), ``published``,
``reported`` (publication, else ingestion, day),
``sentence`` (see ``facts_data``), ``relation_to`` (the observation the relation refers to),
``duplicate_of``, ``source`` and ``source_outlet`` (the original of a copy), ``claim``.
``conflicts`` holds the open conflicts only: two independent values for the same
time that no later report has sided with. ``facts_page`` gives a page of the figures,
those a reader follows first first, from the summaries the link stage keeps
(``link.summaries``): of each figure, only the observations its summary cites are read.
"""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import date
from itertools import groupby
from operator import itemgetter
from typing import Any

from storyledger.errors import InputError, Msg
from storyledger.link.summaries import (
    History,
    Summary,
    kept_summary,
    ranking_weight,
    summary_of,
)
from storyledger.store import figures as store
from storyledger.store.figures import Row
from storyledger.store.sqlite import Ledger
from storyledger.store.stories import stories_first_seen_since
from storyledger.store.summaries import figures_with_summaries

FACTS_PAGE = 20  # figures per page of the facts, by default
FACTS_PAGE_MAX = 200


def facts_data(
    ledger: Ledger, story: str | None = None, *, sentences: bool = False
) -> list[dict[str, Any]]:
    """Every figure of one story (or of all stories), in the order they were first seen.

    Observations carry their ``sentence`` only when asked (``figure_data`` always has
    it): a big story's sentences are most of its facts' bytes and no summary shows them.
    """
    figures = store.story_figures(ledger.conn, story)
    if story is not None:  # each figure's observations in index order: no sort of them all
        return [
            figure_dict(f, History(store.figure_observations(ledger.conn, f["id"], sentences)))
            for f in figures
        ]
    rows = store.all_observations(ledger.conn, sentences)
    by_figure: dict[str, list[Row]] = {}
    for figure_id, group in groupby(rows, key=itemgetter("figure_id")):
        by_figure[figure_id] = list(group)
    return [figure_dict(f, History(by_figure.get(f["id"], []))) for f in figures]


def by_what_readers_follow(figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The figures a reader follows first: those more independent outlets report, then with
    more revisions (updates) and conflicts, then with more observations; a figure of one
    report and one value ("Leaders discussed: 2") comes last. Stable: ties keep their order."""

    def weight(figure: dict[str, Any]) -> tuple[int, int, int]:
        return ranking_weight(figure["observations"])

    return sorted(figures, key=weight, reverse=True)


def facts_page(
    ledger: Ledger, story: str | None, limit: int = FACTS_PAGE, cursor: str | None = None
) -> dict[str, Any]:
    """A page of the figures of one story (of every story if None), those a reader follows
    first first (``Summary.weight``; ties in the order first seen), from their summaries:
    ``{figures, total, next_cursor}``. Each figure is as ``facts_data`` gives it, but its
    ``observations`` are only those its summary cites (the latest value and every report of
    it for its time, both values of each conflict and what settled it), in order, and it
    has ``observation_count``, ``outlets``, ``revisions``, ``undated`` and ``series`` (the
    points its chart draws); ``figure_data`` gives its whole history. ``next_cursor``
    (opaque; None on the last page) continues after the page's last figure, where it is
    ranked then: a figure that rose meanwhile is not shown twice."""
    ranked = sorted(summarised_figures(ledger, story), key=page_key)
    total = len(ranked)
    if cursor is not None:
        after = cursor_key(cursor)
        ranked = [pair for pair in ranked if page_key(pair) > after]
    page = ranked[:limit]
    return {
        "figures": outlined_figures(ledger, page),
        "total": total,
        "next_cursor": cursor_of(page_key(page[-1])) if len(ranked) > limit else None,
    }


FigureSummary = tuple[dict[str, Any], Summary]
PageKey = tuple[int, int, int, str, int]


def summarised_figures(ledger: Ledger, story: str | None) -> list[FigureSummary]:
    """Each figure with its summary: the one the link stage keeps, else (not kept yet: an
    article linked on its own, a ledger from before summaries) computed now."""
    found = []
    for figure in figures_with_summaries(ledger.conn, story):
        kept = figure.pop("summary")
        if kept is not None:
            summary = kept_summary(kept)
        else:
            summary = summary_of(store.figure_observations(ledger.conn, figure["id"], False))
        found.append((figure, summary))
    return found


def page_key(pair: FigureSummary) -> PageKey:
    figure, summary = pair
    outlets, revisions, observations = summary.weight()
    return -outlets, -revisions, -observations, figure["story"], figure["seq"]


# A cursor: outlets, revisions, observations and seq of the figure a page ended with, and
# its story's id in hex; any string of this form is a place in the ranking to go on from.
CURSOR = r"^[0-9]{1,18}(\.[0-9]{1,18}){3}\.([0-9a-f]{2})*$"
CURSOR_FORM = re.compile(CURSOR)


def cursor_of(key: PageKey) -> str:
    outlets, revisions, observations, story, seq = key
    return f"{-outlets}.{-revisions}.{-observations}.{seq}.{story.encode().hex()}"


def cursor_key(cursor: str) -> PageKey:
    """The key a cursor continues after; InputError for anything not of its form."""
    if not CURSOR_FORM.fullmatch(cursor):
        raise InputError(Msg.BAD_CURSOR.format(cursor=cursor[:40]))
    outlets, revisions, observations, seq, story = cursor.split(".")
    name = bytes.fromhex(story).decode(errors="replace")
    return -int(outlets), -int(revisions), -int(observations), name, int(seq)


def outlined_figures(ledger: Ledger, pairs: list[FigureSummary]) -> list[dict[str, Any]]:
    """The figures as ``facts_page`` gives them: the observations their summaries cite are
    read whole, at once."""
    cited = [i for _figure, summary in pairs for i in summary.cited]
    by_id = {row["id"]: row for row in store.observations_by_id(ledger.conn, cited)}
    return [outlined_figure(figure, summary, by_id) for figure, summary in pairs]


def outlined_figure(figure: dict[str, Any], summary: Summary, by_id: dict[int, Row]) -> Any:
    def of(i: int | None) -> Row | None:
        return by_id[i] if i is not None else None

    return {
        **figure_fields(figure),
        "latest": of(summary.latest),
        "sources": summary.sources,
        "observations": [by_id[i] for i in summary.cited],
        "observation_count": summary.observations,
        "outlets": summary.outlets,
        "revisions": summary.revisions,
        "conflicts": [
            conflict_dict(by_id[c], by_id[r], None) for c, r, s in summary.conflicts if s is None
        ],
        "settled_conflicts": [
            conflict_dict(by_id[c], by_id[r], by_id[s])
            for c, r, s in summary.conflicts
            if s is not None
        ],
        "undated": summary.undated,
        "series": summary.series,
    }


def figure_data(ledger: Ledger, figure_id: str) -> dict[str, Any]:
    """One figure with its full history: every observation with outlet, date, speaker, sentence."""
    figure = store.figure_row(ledger.conn, figure_id)
    return figure_dict(figure, History(store.figure_observations(ledger.conn, figure["id"], True)))


def figure_dict(figure: sqlite3.Row, history: History) -> dict[str, Any]:
    observations = history.rows
    latest = history.latest()
    conflicts = history.conflicts()

    def conflict(c: int, r: int, s: int | None) -> dict[str, Any]:
        return conflict_dict(
            observations[c], observations[r], observations[s] if s is not None else None
        )

    return {
        **figure_fields(figure),
        "latest": observations[latest] if latest is not None else None,
        "sources": history.agreeing_sources(latest) if latest is not None else 0,
        "observations": observations,
        "conflicts": [conflict(c, r, s) for c, r, s in conflicts if s is None],
        "settled_conflicts": [conflict(c, r, s) for c, r, s in conflicts if s is not None],
    }


def figure_fields(figure: sqlite3.Row | dict[str, Any]) -> dict[str, Any]:
    """What the contract says of a figure itself."""
    return {
        "id": figure["id"],
        "story": figure["story"],
        "label": figure["label"],
        "unit": figure["unit"],
        "counted": figure["counted"],
        "modality": figure["modality"],
        "change": bool(figure["change"]),
        "entities": [name for _key, name in json.loads(figure["entities"])],
    }


def conflict_dict(conflicting: Row, rival: Row, settled: Row | None) -> dict[str, Any]:
    """``{as_of, values: [earlier observation, conflicting one], settled_by}``."""
    return {"as_of": conflicting["as_of"], "values": [rival, conflicting], "settled_by": settled}


# -- changes since a date ----------------------------------------------------------------


def changes_data(ledger: Ledger, since: date) -> dict[str, Any]:
    """New stories, figures, values and conflicts in reports published on or after ``since``.

    Dates are publication dates (the ingestion date for undated articles): the
    question is what the news said since then, whenever the reports were ingested.
    ``new_values`` are observations that brought a value (first, updates, refines);
    corroborations and syndicated copies are not new values.
    """
    day = since.isoformat()
    conn = ledger.conn
    return {
        "since": day,
        "new_stories": stories_first_seen_since(conn, day),
        "new_figures": store.figures_first_reported_since(conn, day),
        "new_values": store.original_observations_since(conn, day, ("first", "updates", "refines")),
        "new_conflicts": store.original_observations_since(conn, day, ("conflicts",)),
    }
