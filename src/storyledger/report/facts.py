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
time that no later report has sided with. ``facts_outline`` gives a story's figures
the same way, for summaries: only what a summary cites is read whole.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import date, timedelta
from itertools import groupby
from operator import itemgetter
from typing import Any

from storyledger.link.figures import obs_of_row
from storyledger.link.relations import (
    PRECISION_RATIO,
    SAME_TIME_MAX_DAYS,
    Obs,
    same_time,
    same_value,
    settles,
)
from storyledger.store import figures as store
from storyledger.store.figures import Row
from storyledger.store.sqlite import Ledger
from storyledger.store.stories import stories_first_seen_since


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
        observations = figure["observations"]
        outlets = {o["source_outlet"] or o["source"] for o in observations}
        revisions = sum(o["relation"] in ("updates", "conflicts") for o in observations)
        return len(outlets), revisions, len(observations)

    return sorted(figures, key=weight, reverse=True)


def facts_outline(ledger: Ledger, story: str) -> list[dict[str, Any]]:
    """The figures of one story as ``facts_data`` gives them, for summaries of their latest
    value, conflicts and chart (not of each step): each observation has only its fields of
    ``store.figures.HISTORY_FIELDS`` (read from an index, not from the rows: a big story has
    thousands), except those a summary cites, which are whole: the latest and every report
    of its value for its time (``reports_like``), and both values of each conflict and what
    settled it.
    """
    return [outlined_figure(ledger, f) for f in store.story_figures(ledger.conn, story)]


def outlined_figure(ledger: Ledger, figure: sqlite3.Row) -> dict[str, Any]:
    history = History(store.history_rows(ledger.conn, figure["id"]))
    cited = sorted(history.cited())
    whole = store.observations_by_id(ledger.conn, [history.rows[i]["id"] for i in cited])
    by_id = {row["id"]: row for row in whole}
    for i in cited:
        history.rows[i] = by_id[history.rows[i]["id"]]
    return figure_dict(figure, history)


def figure_data(ledger: Ledger, figure_id: str) -> dict[str, Any]:
    """One figure with its full history: every observation with outlet, date, speaker, sentence."""
    figure = store.figure_row(ledger.conn, figure_id)
    return figure_dict(figure, History(store.figure_observations(ledger.conn, figure["id"], True)))


class History:
    """A figure's observations in order, as rows, with their ``Obs`` built only when needed."""

    def __init__(self, rows: list[Row]) -> None:
        self.rows = rows
        self.built: dict[int, Obs] = {}
        self._index: dict[int, int] | None = None
        self._conflicts: list[tuple[int, int, int | None]] | None = None

    @property
    def index(self) -> dict[int, int]:
        """Observation id -> position (built when a conflict needs its rival)."""
        if self._index is None:
            self._index = {row["id"]: i for i, row in enumerate(self.rows)}
        return self._index

    def obs(self, i: int) -> Obs:
        if i not in self.built:
            self.built[i] = obs_of_row(self.rows[i])
        return self.built[i]

    def latest(self) -> int | None:
        """The most recent value: the last original report about the time that ends last
        (the rows are in that order)."""
        for i in range(len(self.rows) - 1, -1, -1):
            if self.rows[i]["duplicate_of"] is None:
                return i
        return len(self.rows) - 1 if self.rows else None

    def around(self, i: int) -> Iterable[int]:
        """Indices of the observations that can be of the same time as the i-th (a few more
        may be among them). The rows are in the order of the end of their time: those before
        the i-th that overlap it end on or after its start; those after it that can be of
        its time (``same_time``: about as long, or longer but at most a month and at most
        ``PRECISION_RATIO`` times as long) end soon after it."""
        start, end = self.rows[i]["as_of_start"], self.rows[i]["as_of_end"]
        if start is None or end is None:
            return range(len(self.rows))
        first = i
        while first > 0 and (self.rows[first - 1]["as_of_end"] or "") >= start:
            first -= 1
        last_day = date.fromisoformat(end)
        days = (last_day - date.fromisoformat(start)).days
        reach = max(days + 1, min(SAME_TIME_MAX_DAYS, PRECISION_RATIO * (days + 1) - 1))
        high = (last_day + timedelta(days=reach)).isoformat()
        last = i
        while last + 1 < len(self.rows) and (self.rows[last + 1]["as_of_end"] or "") <= high:
            last += 1
        return range(first, last + 1)

    def agreeing_sources(self, i: int) -> int:
        """Independent sources (outlets; a copy counts as its original) that gave the i-th
        value since the figure last had another one (other values for its own time, such as
        a conflicting report, do not end the run)."""
        target, value = self.obs(i), self.value_of(i)
        sources = set()
        for j in range(i, -1, -1):
            row = self.rows[j]
            if self.value_of(j) == value or same_value(self.obs(j), target):
                sources.add(row["source_outlet"] or row["source"])
            elif not same_time(self.obs(j), target):
                break
        return len(sources)

    def value_of(self, i: int) -> tuple[float, float | None, float | None]:
        row = self.rows[i]
        return row["value"], row["low"], row["high"]

    def cited(self) -> set[int]:
        """Indices of the observations a summary cites: the latest and every report of its
        value for its time, and both values of each conflict and what settled it."""
        latest = self.latest()
        found = set(reports_like(self.rows, latest)) if latest is not None else set()
        for conflict in self.conflicts():
            found.update(i for i in conflict if i is not None)
        return found

    def conflicts(self) -> list[tuple[int, int, int | None]]:
        """(conflicting, rival, settling report or None) of every conflict, by index."""
        if self._conflicts is None:
            self._conflicts = self.found_conflicts()
        return self._conflicts

    def found_conflicts(self) -> list[tuple[int, int, int | None]]:
        found = []
        for i, row in enumerate(self.rows):
            if row["relation"] != "conflicts" or row["duplicate_of"] is not None:
                continue
            rival = self.index.get(row["relation_to"])
            if rival is None:
                continue
            obs, rival_obs = self.obs(i), self.obs(rival)
            after = max(obs.reported or "", rival_obs.reported or "")
            rows = self.rows  # an original published after both (checked on the rows first)
            settled = next(
                (
                    j
                    for j in self.around(i)
                    if rows[j]["duplicate_of"] is None
                    and (rows[j]["reported"] or "") > after
                    and settles(self.obs(j), obs, rival_obs)
                ),
                None,
            )
            found.append((i, rival, settled))
        return found


def reports_like(rows: list[Row], i: int) -> list[int]:
    """Indices of the reports of the i-th value (with its range) for its time (``as_of``),
    the i-th among them. They end on the same day, so they are listed together."""
    target = rows[i]
    key = (target.get("as_of"), target["value"], target["low"], target["high"])
    end = target.get("as_of_end")
    first, last = i, i
    while first > 0 and rows[first - 1].get("as_of_end") == end:
        first -= 1
    while last + 1 < len(rows) and rows[last + 1].get("as_of_end") == end:
        last += 1
    return [
        j
        for j in range(first, last + 1)
        if (rows[j].get("as_of"), rows[j]["value"], rows[j]["low"], rows[j]["high"]) == key
    ]


def figure_dict(figure: sqlite3.Row, history: History) -> dict[str, Any]:
    observations = history.rows
    latest = history.latest()
    conflicts = history.conflicts()
    return {
        "id": figure["id"],
        "story": figure["story"],
        "label": figure["label"],
        "unit": figure["unit"],
        "counted": figure["counted"],
        "modality": figure["modality"],
        "change": bool(figure["change"]),
        "entities": [name for _key, name in json.loads(figure["entities"])],
        "latest": observations[latest] if latest is not None else None,
        "sources": history.agreeing_sources(latest) if latest is not None else 0,
        "observations": observations,
        "conflicts": [
            conflict_dict(observations, c, r, None) for c, r, s in conflicts if s is None
        ],
        "settled_conflicts": [
            conflict_dict(observations, c, r, s) for c, r, s in conflicts if s is not None
        ],
    }


def conflict_dict(
    observations: list[dict[str, Any]], conflicting: int, rival: int, settled: int | None
) -> dict[str, Any]:
    """``{as_of, values: [earlier observation, conflicting one], settled_by}``."""
    return {
        "as_of": observations[conflicting]["as_of"],
        "values": [observations[rival], observations[conflicting]],
        "settled_by": observations[settled] if settled is not None else None,
    }


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
