"""Small inline SVG charts for the briefing: a figure's values over time as a step line.

The SVG is built from numbers and dates only; every piece of text in it is
escaped, so it can be placed into an HTML page as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from html import escape

WIDTH, HEIGHT = 280, 84
LEFT, RIGHT, TOP, BOTTOM = 52, 10, 10, 22
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
MIN_DATES = 2
DOT_GRID = 2  # pixels: dots closer than this (a dot is 6 wide) are drawn once
LINE = "#1f4e79"
CONFLICT = "#b3261e"
HOLLOW = f'fill="#fff" stroke="{CONFLICT}" stroke-width="1.5"'


@dataclass
class Point:
    day: str  # ISO date the value refers to (its last day, as relations), for the position
    value: float
    shown: str  # the date as the source gives it ("2024-06"), for the labels
    conflicts: bool = False  # drawn hollow and red


def step_chart(
    points: list[Point],
    title: str,
    label: Callable[[float], str],
    date_label: Callable[[str], str] = str,
) -> str:
    """An SVG step chart of the points in date order ('' for fewer than two dates: a single
    value needs no chart); ``date_label`` shows a point's date ("Jun 2024"), for the points
    drawn only."""
    points = sorted(points, key=lambda p: p.day)
    if len({p.day for p in points}) < MIN_DATES:
        return ""
    xs, ys = positions([p.day for p in points], [p.value for p in points])
    path = f"M{xs[0]:.1f},{ys[0]:.1f}"
    for i in vertex_picks(xs, ys):
        path += f" H{xs[i]:.1f} V{ys[i]:.1f}"
    dots = "".join(
        f'<circle cx="{xs[i]:.1f}" cy="{ys[i]:.1f}" r="3" '
        + (HOLLOW if points[i].conflicts else f'fill="{LINE}"')
        + f"><title>{escape(label(points[i].value))} ({escape(date_label(points[i].shown))})"
        "</title></circle>"
        for i in dot_picks(xs, ys, [p.conflicts for p in points])
    )
    values = [p.value for p in points]
    low, high = min(0.0, *values), max(values)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{WIDTH}" height="{HEIGHT}"'
        f' viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title>"
        f'<line x1="{LEFT}" y1="{TOP + PLOT_H}" x2="{LEFT + PLOT_W}" y2="{TOP + PLOT_H}"'
        ' stroke="#999" stroke-width="1"/>'
        f'<path d="{path}" fill="none" stroke="{LINE}" stroke-width="2"/>{dots}'
        f'<text x="{LEFT - 4}" y="{TOP + 4}" text-anchor="end" font-size="10">'
        f"{escape(label(high))}</text>"
        f'<text x="{LEFT - 4}" y="{TOP + PLOT_H}" text-anchor="end" font-size="10">'
        f"{escape(label(low))}</text>"
        f'<text x="{LEFT}" y="{HEIGHT - 6}" font-size="10">'
        f"{escape(date_label(points[0].shown))}</text>"
        f'<text x="{LEFT + PLOT_W}" y="{HEIGHT - 6}" text-anchor="end" font-size="10">'
        f"{escape(date_label(points[-1].shown))}</text></svg>"
    )


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
