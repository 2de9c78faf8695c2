"""The relation of each observation of a figure to what came before it.

Observations are put in the order of the time they refer to (``as_of``: its last
day, then its first, so a month comes after its days), then of publication; each
one's relation depends only on the observations before it in that order (the
order every view lists them in, see ``report.facts``), so the result depends on
the set of observations, never on the order in which articles arrived. Pure
functions: ``link.figures`` loads a figure's observations, calls
``assign_relations`` and stores the result.

- first: nothing earlier;
- corroborates: a value consistent with an earlier one from an independent
  source (another outlet, not a copy of the same wire text);
- updates: a value for a later time, or a correction by the same source;
- conflicts: a different value for the same time from an independent source;
- refines: a value inside an earlier bound or range ("at least 5,000" -> "5,200");
- restates: the same source (outlet) saying an unchanged value again.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import date

APPROX_TOLERANCE = 0.05  # "about 1,000" and "1,020" are the same value
EXACT_TOLERANCE = 1e-9
SAME_TIME_MAX_DAYS = 31  # a month holds its days; a year does not hold a month's count
PRECISION_RATIO = 4  # a week is the time of a day reported with its slack, a month is not
# A bound is a count rounded the safe way ("more than 2,000" for 2,497): it reaches up to
# twice its number (half of it for "fewer than"), as rounding down to a leading digit
# never loses more. "At least 150 dead" beside 2,000 dead is another count, not the same.
BOUND_REACH = 2.0


@dataclass
class Obs:
    """One observation as the relation rules see it."""

    id: int
    article: str
    source: str  # the original article of a copy, else the article itself
    outlet: str | None
    copy: bool  # the article is a syndicated copy of ``source``
    value: float
    low: float | None
    high: float | None
    approx: str | None
    start: date | None  # first and last day the as_of denotes
    end: date | None
    reported: str | None  # day of publication (None when unknown)
    relation: str = "first"
    relation_to: int | None = None
    # a toll of a happening, revised from one report to the next (``link.measures``)
    revised_daily: bool = False

    def order(self) -> tuple[str, str, str, str, int]:
        """By the last day the time denotes: "744 in February" is the state the month ended
        in, after "600 on February 5"."""
        return (
            self.end.isoformat() if self.end else "",
            self.start.isoformat() if self.start else "",
            self.reported or "",
            self.article,
            self.id,
        )

    def bounds(self) -> tuple[float, float]:
        """The values the observation allows: a point, a range, or a one-sided bound (which
        reaches BOUND_REACH times its number of a positive count, see there)."""
        if self.low is None and self.high is None:
            return self.value, self.value
        low, high = self.low, self.high
        if low is not None and high is not None:
            return low, high
        if low is not None:
            return low, low * BOUND_REACH if low > 0 else math.inf
        assert high is not None
        return high / BOUND_REACH if high > 0 else -math.inf, high

    def is_point(self) -> bool:
        low, high = self.bounds()
        return low == high


def tolerance(a: Obs, b: Obs) -> float:
    relative = APPROX_TOLERANCE if a.approx or b.approx else EXACT_TOLERANCE
    return relative * max(abs(a.value), abs(b.value), 1.0)


def same_value(a: Obs, b: Obs) -> bool:
    (a_low, a_high), (b_low, b_high) = a.bounds(), b.bounds()
    slack = tolerance(a, b)
    return close(a_low, b_low, slack) and close(a_high, b_high, slack)


def close(a: float, b: float, slack: float) -> bool:
    """Equal within ``slack``; an open end (infinite) equals only an open end."""
    return a == b or abs(a - b) <= slack


def within(inner: Obs, outer: Obs) -> bool:
    """``inner`` is strictly more precise than ``outer`` and inside it."""
    (i_low, i_high), (o_low, o_high) = inner.bounds(), outer.bounds()
    slack = tolerance(inner, outer)
    inside = i_low >= o_low - slack and i_high <= o_high + slack
    return inside and (i_high - i_low) < (o_high - o_low)


def consistent(a: Obs, b: Obs) -> bool:
    """The two values can both be true (a point inside a bound, overlapping ranges)."""
    (a_low, a_high), (b_low, b_high) = a.bounds(), b.bounds()
    slack = tolerance(a, b)
    return a_low <= b_high + slack and b_low <= a_high + slack


def independent(a: Obs, b: Obs) -> bool:
    """From different sources: not copies of one text, not the same outlet."""
    if a.source == b.source:
        return False
    return a.outlet is None or b.outlet is None or a.outlet != b.outlet


def same_time(a: Obs, b: Obs) -> bool:
    """Both refer to the same time: overlapping days, neither coarser than a month
    (unless both are equally coarse), and of comparable precision: a value for February
    may be that of any of its days, so it neither conflicts with nor corroborates the
    value of February 5."""
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return a.start is None and b.start is None
    if a.start > b.end or b.start > a.end:
        return False
    if revised_next_day(a, b):
        return False  # the toll of Monday's report, then Tuesday's: an update
    a_days, b_days = (a.end - a.start).days, (b.end - b.start).days
    if abs(a_days - b_days) <= 1:
        return True
    coarse, fine = max(a_days, b_days), min(a_days, b_days)
    return coarse <= SAME_TIME_MAX_DAYS and coarse + 1 <= PRECISION_RATIO * (fine + 1)


def revised_next_day(a: Obs, b: Obs) -> bool:
    """Two reports of different days giving a toll without a time of their own."""
    daily = a.revised_daily and b.revised_daily and a.reported != b.reported
    return daily and dated_by_publication(a) and dated_by_publication(b)


def dated_by_publication(obs: Obs) -> bool:
    """The text gives no time of its own: the value is as of the report's day, or the day
    before (``link.figures.PUBLICATION_SLACK``)."""
    return (
        obs.reported is not None
        and obs.start is not None
        and obs.end is not None
        and obs.end.isoformat() == obs.reported
        and (obs.end - obs.start).days == 1
    )


def in_order(observations: list[Obs]) -> list[Obs]:
    """Observations in the order relations are computed in (``Obs.order``): the end of
    as_of, its start, then publication."""
    return sorted(observations, key=Obs.order)


def assign_relations(observations: list[Obs], new: set[int] | None = None) -> list[Obs]:
    """Set ``relation`` and ``relation_to`` of the observations; returns them in order.

    With ``new`` (ids of the observations just added), the observations ordered
    before the first new one keep the relations they have: they are only the
    context of the ones after. One sweep in order, comparing each observation
    with the earlier ones whose time has not ended before its own begins.
    """
    ordered = in_order(observations)
    first_new = next((i for i, o in enumerate(ordered) if o.id in new), 0) if new else 0
    running: list[Obs] = []  # earlier originals whose time may still overlap
    latest: list[Obs] = []  # the latest original and the earlier ones of its time, newest first
    printed: dict[str, list[Obs]] = {}  # by article: the earlier ones of each original
    said: Counter[float] = Counter()  # how many earlier originals gave each value
    for index, obs in enumerate(ordered):
        if obs.start is not None:
            running = [e for e in running if e.end is not None and e.end >= obs.start]
        same = [e for e in running if same_time(e, obs)]
        original = reprinted(obs, same) if obs.copy else None
        if obs.copy and original is None:  # the original dated it otherwise: still a reprint
            original = reprinted(obs, printed.get(obs.source, []))
        if not obs.copy:
            printed.setdefault(obs.source, []).append(obs)
        if index >= first_new:
            if original is not None:
                obs.relation, obs.relation_to = original.relation, original.id
            else:
                obs.relation, obs.relation_to = relation_to_earlier(obs, same, latest, said)
        if original is None:
            said[obs.value] += 1
            running.append(obs)
            latest = [obs, *reversed(same)]
    return ordered


def reprinted(copy: Obs, same: list[Obs]) -> Obs | None:
    """The observation of the original article that a copy reprints, if it is there."""
    return next(
        (e for e in reversed(same) if e.source == copy.source and same_value(e, copy)), None
    )


def relation_to_earlier(
    obs: Obs, same: list[Obs], latest: list[Obs], said: Counter[float]
) -> tuple[str, int | None]:
    """Relation to the earlier originals of the same time, else to those of the latest time
    (``said``: how many earlier originals gave each value)."""
    if not latest:
        return "first", None
    if same:
        return relation_at_same_time(obs, list(reversed(same)), said)
    return relation_at_later_time(obs, latest)


def relation_at_same_time(
    obs: Obs, same: list[Obs], said: Counter[float]
) -> tuple[str, int | None]:
    """Relation to earlier observations of the same time (newest first)."""
    for e in same:
        if independent(e, obs) and same_value(e, obs):
            return "corroborates", e.id
    for e in same:
        if within(obs, e):
            return "refines", e.id
    for e in same:
        if independent(e, obs) and consistent(e, obs):
            return "corroborates", e.id
    for e in same:
        if not independent(e, obs) and same_value(e, obs):
            return "restates", e.id  # the same source saying it again
    rivals = [e for e in same if independent(e, obs)]
    if rivals:
        return "conflicts", nearest_rival(obs, rivals, said).id
    return "updates", same[0].id  # a correction by the same source


def nearest_rival(obs: Obs, rivals: list[Obs], said: Counter[float]) -> Obs:
    """The disagreement to show: the nearest value (3,283 against 3,958, not 11,300), and of
    two as near, the one more reports gave before (``said``: 7.0 against the 6.8 most
    reported, not 7.2)."""
    scale = max(abs(obs.value), 1.0)

    def distance(e: Obs) -> tuple[float, int]:
        return round(abs(e.value - obs.value) / scale, 6), -said[e.value]

    return min(rivals, key=distance)


def relation_at_later_time(obs: Obs, current: list[Obs]) -> tuple[str, int | None]:
    """Relation to the observations of the latest earlier time (newest first)."""
    for e in current:
        if same_value(e, obs):  # unchanged since: confirmed by another outlet, or said again
            return ("corroborates" if independent(e, obs) else "restates"), e.id
    for e in current:
        if within(obs, e):
            return "refines", e.id
    return "updates", current[0].id


# -- conflicts ---------------------------------------------------------------------------


def settles(later: Obs, obs: Obs, rival: Obs) -> bool:
    """``later`` settles the conflict of ``obs`` with ``rival``: an original report, published
    after both, about the same time, that gives one of the two values."""
    if later.copy or later.id in (obs.id, rival.id) or not same_time(later, obs):
        return False
    if (later.reported or "") <= max(obs.reported or "", rival.reported or ""):
        return False
    return same_value(later, obs) or same_value(later, rival)
