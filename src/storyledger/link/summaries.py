"""Per-figure summaries, kept by the link stage: what the story page and the pages of the
facts read of a figure, so that no view of a big story reads every observation.

A figure's ``Summary`` holds the counts it is ranked by (independent outlets, revisions,
observations), its latest value and the reports of it, its conflicts (open and settled),
and the series its chart draws (the points where the value changes). ``summary_of``
computes it over the figure's whole history; the link stage marks the figures an article
changed (``mark_changed``, in the article's transaction) and recomputes each of them once
per batch (``refresh_summaries``), so the cost of a batch is that of its figures, not of
its articles times their figures. A view that meets a summary not kept yet (an article
linked on its own, a ledger migrated from before summaries) computes it the same way.

``History`` is a figure's observations in the order of their relations, and what the
summaries (and the fact sheet) find in them: the latest value, the sources agreeing with
it, the conflicts and what settled them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
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
from storyledger.plot import drawn
from storyledger.store import summaries as store
from storyledger.store.figures import Row, figure_observations
from storyledger.store.sqlite import Ledger
from storyledger.timex import timex_interval

# A point of a figure's chart: (the day it is drawn at, its value, its date as the source
# gives it, whether it is a conflicting report)
SeriesPoint = tuple[str, float, str, bool]
Conflict = tuple[int, int, int | None]  # (conflicting, rival, settling report or None)


@dataclass(frozen=True)
class Summary:
    """What the views read of a figure; observations are named by id."""

    observations: int
    outlets: int  # independent outlets (a copy counts as its original's)
    revisions: int  # observations that update or conflict
    latest: int | None
    sources: int  # independent sources agreeing with the latest value
    latest_reports: list[int]  # every report of the latest value for its time, in order
    conflicts: list[Conflict]  # by id, in the figure's order
    cited: list[int]  # the latest reports and conflicts' observations, in the figure's order
    undated: int  # values known at no time (out of the series)
    series: list[SeriesPoint]

    def weight(self) -> tuple[int, int, int]:
        """As ``ranking_weight``."""
        return self.outlets, self.revisions, self.observations


def summary_of(rows: list[Row]) -> Summary:
    """The summary of a figure whose observations are ``rows``, in the order of their
    relations, each with the fields of ``store.figures.OBSERVATION_FIELDS``."""
    history = History(rows)
    latest = history.latest()
    ids = [row["id"] for row in rows]
    reports = reports_like(rows, latest) if latest is not None else []
    conflicts = history.conflicts()
    cited = set(reports) | {i for conflict in conflicts for i in conflict if i is not None}
    series, undated = series_of(rows)
    outlets, revisions, observations = ranking_weight(rows)
    return Summary(
        observations=observations,
        outlets=outlets,
        revisions=revisions,
        latest=ids[latest] if latest is not None else None,
        sources=history.agreeing_sources(latest) if latest is not None else 0,
        latest_reports=[ids[i] for i in reports],
        conflicts=[(ids[c], ids[r], ids[s] if s is not None else None) for c, r, s in conflicts],
        cited=[ids[i] for i in sorted(cited)],
        undated=undated,
        series=series,
    )


def ranking_weight(rows: list[Row]) -> tuple[int, int, int]:
    """(independent outlets, revisions and conflicts, observations) of a figure's
    observations: what a reader follows first is more of each, in that order."""
    outlets = {row["source_outlet"] or row["source"] for row in rows}
    revisions = sum(row["relation"] in ("updates", "conflicts") for row in rows)
    return len(outlets), revisions, len(rows)


def kept_summary(values: dict[str, Any]) -> Summary:
    """The ``Summary`` of the values the store keeps (``store.summaries``: lists as JSON)."""
    return Summary(
        **{
            **values,
            "conflicts": [(c, r, s) for c, r, s in values["conflicts"]],
            "series": [(day, value, shown, bool(c)) for day, value, shown, c in values["series"]],
        }
    )


# -- kept by the link stage -----------------------------------------------------------------


def mark_changed(ledger: Ledger, article_id: str) -> None:
    """Mark the summaries of the figures the article has values in as to be recomputed
    (in the article's transaction: its values and the mark are committed together)."""
    store.mark_article_figures(ledger.conn, article_id)


def refresh_summaries(ledger: Ledger) -> int:
    """Recompute every summary marked as changed; returns how many were kept. Each is
    written only if no article changed its figure meanwhile (another writer's): that one
    stays marked, for its own batch to recompute."""
    kept = 0
    for figure_id, version in store.marked_figures(ledger.conn):
        with ledger.transaction() as conn:
            summary = summary_of(figure_observations(conn, figure_id, False))
            kept += store.keep_summary(conn, figure_id, version, summary)
    return kept


# -- a figure's history ---------------------------------------------------------------------


class History:
    """A figure's observations in order, as rows, with their ``Obs`` built only when needed."""

    def __init__(self, rows: list[Row]) -> None:
        self.rows = rows
        self.built: dict[int, Obs] = {}
        self._index: dict[int, int] | None = None
        self._conflicts: list[Conflict] | None = None

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

    def conflicts(self) -> list[Conflict]:
        """(conflicting, rival, settling report or None) of every conflict, by index."""
        if self._conflicts is None:
            self._conflicts = self.found_conflicts()
        return self._conflicts

    def found_conflicts(self) -> list[Conflict]:
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


# -- the series a chart draws ---------------------------------------------------------------


def series_of(
    rows: list[Row], last_days: dict[str, str | None] | None = None
) -> tuple[list[SeriesPoint], int]:
    """The points a chart of a figure draws (``plot.drawn``), in date order (of the last day
    of each one's time, the order of relations), and how many observations are known at no
    time, so out of it. Of the observations, the chart's points are where the value
    changes, the first and last, and every conflicting report but syndicated copies (not
    one point per observation: a big story's figure has thousands of reports of a few
    values, and copies of them); of those, the ones that show at the chart's size (a
    chart of only these is the chart of all). ``last_days``: see ``observation_day``."""
    known = {} if last_days is None else last_days
    days = [observation_day(row, known) for row in rows]  # "" for none
    dated = sorted((i for i, day in enumerate(days) if day), key=days.__getitem__)
    points: list[SeriesPoint] = []
    previous = None
    for n, i in enumerate(dated):  # in date order, ties in the observations' order
        row = rows[i]
        conflicting = row["relation"] == "conflicts"
        if (
            n in (0, len(dated) - 1)
            or row["value"] != previous
            or (conflicting and row.get("duplicate_of") is None)
        ):
            points.append((days[i], row["value"], row.get("as_of") or days[i], conflicting))
        previous = row["value"]
    shown = drawn([p[0] for p in points], [p[1] for p in points], [p[3] for p in points])
    return [points[n] for n in shown], len(rows) - len(dated)


def observation_day(observation: Row, last_days: dict[str, str | None]) -> str:
    """The day an observation is drawn at: the last day its time denotes (the order of
    its relations: "400 in June" is the state June ended in, after "380 on June 24"),
    else its publication date, else "" (``last_days``: as_of -> its last day, filled as
    values are resolved)."""
    as_of = observation.get("as_of")
    day = observation.get("as_of_end")
    if not day and as_of:
        if as_of not in last_days:
            last_days[as_of] = last_day(as_of)
        day = last_days[as_of]
    return day or (observation.get("published") or "")[:10]


ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def last_day(value: str) -> str | None:
    """The last day a TIMEX3 value denotes (ISO), None if it denotes none; a day is
    itself (the common case, without resolving it)."""
    if len(value) == 10 and value[4] == value[7] == "-" and ISO_DAY.fullmatch(value):
        try:
            date.fromisoformat(value)  # a real day (not 2024-02-30)
        except ValueError:
            return None
        return value
    interval = timex_interval(value)
    return interval[1].isoformat() if interval is not None else None
