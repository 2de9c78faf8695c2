"""Where a figure's values fall in a small chart of them over time, and which of them show
at its size: pure geometry on dates and numbers, shared by the chart (``report.charts``)
and the summaries the link stage keeps (``link.summaries``), which keep only the points a
chart draws.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

WIDTH, HEIGHT = 280, 84
LEFT, RIGHT, TOP, BOTTOM = 52, 10, 10, 22
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
MIN_DATES = 2
DOT_GRID = 2  # pixels: dots closer than this (a dot is 6 wide) are drawn once


def positions(days: list[str], values: list[float]) -> tuple[list[float], list[float]]:
    """x and y of points in date order (each day's and each value's computed once: a story
    has far fewer of them than points)."""
    x_of, y_of = x_scale([days[0], days[-1]]), y_scale(values)
    x_by_day = {day: x_of(day) for day in set(days)}
    y_by_value = {value: y_of(value) for value in set(values)}
    return [x_by_day[day] for day in days], [y_by_value[value] for value in values]


def vertex_picks(xs: list[float], ys: list[float]) -> list[int]:
    """The vertices of a step line after its first point that show at the chart's size: in
    each pixel column the first, lowest, highest and last (a figure with thousands of
    changes draws no more)."""
    kept: list[int] = []
    start = 1
    for end in range(2, len(xs) + 1):
        if end == len(xs) or round(xs[end]) != round(xs[start]):
            column = range(start, end)
            if len(column) <= 4:
                kept.extend(column)
            else:
                low = min(column, key=ys.__getitem__)
                high = max(column, key=ys.__getitem__)
                kept.extend(sorted({start, low, high, end - 1}))
            start = end
    return kept


def dot_picks(xs: list[float], ys: list[float], conflicts: list[bool]) -> list[int]:
    """One dot per spot (within DOT_GRID pixels) and kind: dots drawn on one another show
    as one."""
    seen: set[tuple[int, int, bool]] = set()
    kept = []
    for i, (x, y, conflict) in enumerate(zip(xs, ys, conflicts, strict=True)):
        spot = (round(x / DOT_GRID), round(y / DOT_GRID), conflict)
        if spot not in seen:
            seen.add(spot)
            kept.append(i)
    return kept


def drawn(days: list[str], values: list[float], conflicts: list[bool]) -> list[int]:
    """Of points in date order (given as columns: no object per point), the indices of
    those ``step_chart`` draws: the first and last, the line's vertices and the dots. A
    chart of only these is the chart of all."""
    if len(days) < MIN_DATES:
        return list(range(len(days)))
    xs, ys = positions(days, values)
    return sorted({0, len(days) - 1, *vertex_picks(xs, ys), *dot_picks(xs, ys, conflicts)})


def x_scale(days: list[str]) -> Callable[[str], float]:
    """Dates to x positions; a single date sits in the middle."""
    first, last = date.fromisoformat(days[0]), date.fromisoformat(days[-1])
    span = max((last - first).days, 1)
    return lambda day: LEFT + PLOT_W * (date.fromisoformat(day) - first).days / span


def y_scale(values: list[float]) -> Callable[[float], float]:
    """Values to y positions, from zero (or the lowest value) up to the highest."""
    low, high = min(0.0, *values), max(values)
    if high == low:
        return lambda _value: TOP + PLOT_H / 2
    return lambda value: TOP + PLOT_H * (1 - (value - low) / (high - low))
