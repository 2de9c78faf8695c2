"""Per-figure summaries (``link.summaries``): kept rows, marked when an article changes
their figure and recomputed by the link stage; read with their figures by the views.

A summary row is kept when ``stale`` is 0. ``version`` counts the marks: a summary is
written only for the version it was computed at (``keep_summary``), so a writer's summary
of a figure another writer changed meanwhile is not taken for the figure's. Lists are
stored as JSON text. Plain SQL of both dialects.
"""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING, Any

from storyledger.store.figures import FIGURE_COLUMNS

if TYPE_CHECKING:
    from storyledger.link.summaries import Summary

SUMMARY_COLUMNS = (
    "observations, outlets, revisions, latest, sources, latest_reports, conflicts, cited,"
    " undated, series"
)


def mark_article_figures(conn: sqlite3.Connection, article_id: str) -> None:
    """Mark the summaries of the figures the article has observations in as stale."""
    conn.execute(
        "INSERT INTO figure_summaries (figure_id, story, stale, version)"
        " SELECT DISTINCT o.figure_id, f.story, 1, 1"
        " FROM observations o JOIN figures f ON f.id = o.figure_id WHERE o.article_id = ?"
        " ON CONFLICT (figure_id) DO UPDATE"
        " SET stale = 1, version = figure_summaries.version + 1",
        (article_id,),
    )


def marked_figures(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """(figure id, version) of every stale summary, by figure id."""
    rows = conn.execute(
        "SELECT figure_id, version FROM figure_summaries WHERE stale = 1 ORDER BY figure_id"
    )
    return [(str(row[0]), int(row[1])) for row in rows]


def keep_summary(conn: sqlite3.Connection, figure_id: str, version: int, summary: Summary) -> bool:
    """Store the summary of a figure computed at ``version`` of its marks; False (nothing
    stored) if the figure was marked again since."""
    cursor = conn.execute(
        "UPDATE figure_summaries SET stale = 0, observations = ?, outlets = ?, revisions = ?,"
        " latest = ?, sources = ?, latest_reports = ?, conflicts = ?, cited = ?, undated = ?,"
        " series = ? WHERE figure_id = ? AND version = ?",
        (
            summary.observations,
            summary.outlets,
            summary.revisions,
            summary.latest,
            summary.sources,
            json.dumps(summary.latest_reports),
            json.dumps(summary.conflicts),
            json.dumps(summary.cited),
            summary.undated,
            json.dumps(summary.series),
            figure_id,
            version,
        ),
    )
    return cursor.rowcount == 1


def figures_with_summaries(conn: sqlite3.Connection, story: str | None) -> list[dict[str, Any]]:
    """The figures of one story (of every story if None), in the order first seen, each
    with its kept summary under ``summary`` (a dict of ``SUMMARY_COLUMNS``, lists decoded),
    or None where none is kept (never computed, or stale)."""
    where, params = ("WHERE f.story = ?", (story,)) if story is not None else ("", ())
    columns = ", ".join(f"s.{c}" for c in SUMMARY_COLUMNS.split(", "))
    rows = conn.execute(
        f"SELECT {', '.join(f'f.{c}' for c in FIGURE_COLUMNS.split(', '))}, s.stale, {columns}"
        f" FROM figures f LEFT JOIN figure_summaries s ON s.figure_id = f.id {where}"
        " ORDER BY f.story, f.seq",
        params,
    )
    return [figure_and_summary(dict(row)) for row in rows]


JSON_COLUMNS = ("latest_reports", "conflicts", "cited", "series")


def figure_and_summary(row: dict[str, Any]) -> dict[str, Any]:
    names = SUMMARY_COLUMNS.split(", ")
    summary = {name: row.pop(name) for name in names}
    kept = row.pop("stale") == 0
    for name in JSON_COLUMNS:
        summary[name] = json.loads(summary[name]) if kept else None
    row["summary"] = summary if kept else None
    return row
