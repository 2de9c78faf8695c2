"""Small inline SVG charts for the briefing: a figure's values over time as a step line.

The SVG is built from numbers and dates only; every piece of text in it is
escaped, so it can be placed into an HTML page as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from storyledger.plot import (
    HEIGHT,
    LEFT,
    MIN_DATES,
    PLOT_H,
    PLOT_W,
    TOP,
    WIDTH,
    dot_picks,
    positions,
    vertex_picks,
)

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
