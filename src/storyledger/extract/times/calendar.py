"""Choosing the occurrence of a partial date (a month, a day, a weekday, a season) nearest
to the publication date in the statement's tense direction.

``direction`` is "past" (the latest occurrence not after the anchor), "future" (the
earliest not before it) or None (the nearest one; a tie goes to the past).
"""

from __future__ import annotations

from datetime import date, timedelta

from storyledger.extract.times.tense import Direction
from storyledger.timex import SEASON_ORDER, quarter_of, season_of


def _pick(offsets: list[int], direction: Direction | None) -> int:
    """Among signed distances (occurrence - anchor), the one the direction selects."""
    if 0 in offsets:
        return 0
    past = [o for o in offsets if o < 0]
    future = [o for o in offsets if o > 0]
    if direction == "past" and past:
        return max(past)
    if direction == "future" and future:
        return min(future)
    return min(offsets, key=lambda o: (abs(o), o > 0))


def nearest_weekday(anchor: date, weekday: int, direction: Direction | None) -> date:
    """ "Monday" in a report of that Monday is that day; else the previous or next one."""
    ahead = (weekday - anchor.weekday()) % 7
    offsets = [ahead, ahead - 7] if ahead else [0]
    return anchor + timedelta(days=_pick(offsets, direction))


def nearest_month_day(
    anchor: date, month: int, day: int, direction: Direction | None, weekday: int | None = None
) -> date | None:
    """The year of "May 25" (or of "Saturday 8 October", where the weekday decides between
    the years next to the anchor; a weekday that fits none of them is a slip, and the date
    nearest the anchor wins, never a far year)."""
    candidates = []
    for year in range(anchor.year - 1, anchor.year + 2):
        try:
            candidates.append(date(year, month, day))
        except ValueError:  # February 29 of a common year
            continue
    if weekday is not None:
        matching = [c for c in candidates if c.weekday() == weekday]
        if matching:
            return min(matching, key=lambda c: abs((c - anchor).days))
    if not candidates:
        return None
    by_offset = {(c - anchor).days: c for c in candidates}
    return by_offset[_pick(list(by_offset), direction)]


def nearest_month(anchor: date, month: int, direction: Direction | None) -> tuple[int, int]:
    """(year, month) of a month named without its year: a January report's past "December"
    is last year's."""
    offsets = {}
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        offsets[(year - anchor.year) * 12 + month - anchor.month] = year
    return offsets[_pick(list(offsets), direction)], month


def nearest_quarter(anchor: date, quarter: int, direction: Direction | None) -> int:
    """The year of "the first quarter"."""
    offsets = {}
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        offsets[(year - anchor.year) * 4 + quarter - quarter_of(anchor.month)] = year
    return offsets[_pick(list(offsets), direction)]


def season_index(year: int, season: str) -> int:
    return year * 4 + SEASON_ORDER.index(season)


def nearest_season(
    anchor: date, season: str, direction: Direction | None, step: int = 0
) -> tuple[int, str]:
    """(year, season) of "summer": ``step`` -1 for "last summer", +1 for "next summer"."""
    current = season_index(*season_of(anchor))
    order = SEASON_ORDER.index(season)
    indexes = [(year * 4 + order) - current for year in range(anchor.year - 2, anchor.year + 2)]
    if step < 0:
        offset = max(o for o in indexes if o < 0)
    elif step > 0:
        offset = min(o for o in indexes if o > 0)
    else:
        offset = _pick(indexes, direction)
    index = current + offset
    return index // 4, SEASON_ORDER[index % 4]
