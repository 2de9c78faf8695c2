"""Figures and their observations, as the fact sheet, a figure's history and the changes
since a date read them.

Observations are plain dicts whose keys are the JSON contract's names
(``OBSERVATION_FIELDS``, plus ``sentence`` when asked), built by a dict display:
much faster than from ``sqlite3.Row`` or zip.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from storyledger.store.lookup import resolve_id

# Observation columns, named as in the JSON contract (each row is an observation's JSON).
OBSERVATION_FIELDS = (
    "id", "figure_id", "value", "low", "high", "approx", "quantity_text", "as_of", "as_of_start",
    "as_of_end", "article", "outlet", "url", "published", "reported", "speaker", "relation",
    "relation_to", "duplicate_of", "source", "source_outlet", "claim",
)  # fmt: skip
Row = dict[str, Any]
# The order relations are computed in (``Obs.order``): by the last day of the time referred
# to ("400 in June" after "380 on June 24"), then the first, publication, article, id; each
# relation refers to an observation listed before it. Read through ``observations_history``.
OBSERVATION_ORDER = "o.as_of_end, o.as_of_start, o.reported, o.article_id, o.id"
FIGURE_OBSERVATIONS = f"FROM observations o WHERE o.figure_id = ? ORDER BY {OBSERVATION_ORDER}"
# What a summary reads of an observation (its relations, the latest value, agreeing
# sources, conflicts) and a chart draws: the index observations_history holds them all
# (migration 009), so ``history_rows`` reads them without looking up any row.
HISTORY_FIELDS = (
    "id", "value", "low", "high", "approx", "as_of", "as_of_start", "as_of_end", "article",
    "reported", "relation", "relation_to", "duplicate_of", "source", "source_outlet",
)  # fmt: skip


def select_list(fields: Iterable[str]) -> str:
    """The SELECT list of these observation fields, from ``observations o``."""
    return ", ".join("o.article_id AS article" if f == "article" else f"o.{f}" for f in fields)


OBSERVATION_COLUMNS = select_list(OBSERVATION_FIELDS)
HISTORY_COLUMNS = select_list(HISTORY_FIELDS)
FIGURE_COLUMNS = "id, story, label, unit, counted, modality, change, entities, seq"


def resolve_figure_id(conn: sqlite3.Connection, id_or_prefix: str) -> str:
    """The full id of a figure given its id or a unique prefix of it."""
    return resolve_id(conn, "figures", id_or_prefix)


def story_figures(conn: sqlite3.Connection, story: str | None) -> list[sqlite3.Row]:
    """The figures of one story (of every story if None), in the order first seen."""
    where, params = ("WHERE f.story = ?", (story,)) if story is not None else ("", ())
    return conn.execute(
        f"SELECT {FIGURE_COLUMNS} FROM figures f {where} ORDER BY f.story, f.seq", params
    ).fetchall()


def figure_row(conn: sqlite3.Connection, figure_id: str) -> sqlite3.Row:
    """One figure (an id or a unique prefix of it)."""
    row: sqlite3.Row = conn.execute(
        f"SELECT {FIGURE_COLUMNS} FROM figures WHERE id = ?",
        (resolve_figure_id(conn, figure_id),),
    ).fetchone()
    return row


def figure_observations(conn: sqlite3.Connection, figure_id: str, sentences: bool) -> list[Row]:
    """One figure's observations in the order of their relations."""
    return observation_rows(conn, FIGURE_OBSERVATIONS, (figure_id,), sentences)


def all_observations(conn: sqlite3.Connection, sentences: bool) -> list[Row]:
    """Every observation, by story and figure (in the order first seen), each figure's in
    the order of their relations."""
    return observation_rows(
        conn,
        f"FROM figures f JOIN observations o ON o.figure_id = f.id"
        f" ORDER BY f.story, f.seq, {OBSERVATION_ORDER}",
        (),
        sentences,
    )


def observations_by_id(conn: sqlite3.Connection, ids: Iterable[int]) -> list[Row]:
    """The observations of these ids, whole (without their sentence), in no set order."""
    return observation_rows(
        conn,
        "FROM observations o WHERE o.id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(ids)),),
        False,
    )


def history_rows(conn: sqlite3.Connection, figure_id: str) -> list[Row]:
    """One figure's observations in the order of their relations, with ``HISTORY_FIELDS``
    only: read from the index observations_history, not from the rows."""
    cursor = conn.cursor()
    cursor.row_factory = None
    cursor.execute(f"SELECT {HISTORY_COLUMNS} {FIGURE_OBSERVATIONS}", (figure_id,))
    return [  # a dict display, as in observation_rows
        {
            "id": id_, "value": value, "low": low, "high": high, "approx": approx,
            "as_of": as_of, "as_of_start": as_of_start, "as_of_end": as_of_end,
            "article": article, "reported": reported, "relation": relation,
            "relation_to": relation_to, "duplicate_of": duplicate_of, "source": source,
            "source_outlet": source_outlet,
        }
        for (
            id_, value, low, high, approx, as_of, as_of_start, as_of_end, article, reported,
            relation, relation_to, duplicate_of, source, source_outlet,
        ) in cursor
    ]  # fmt: skip


def observation_rows(
    conn: sqlite3.Connection, from_sql: str, params: tuple[Any, ...], sentences: bool
) -> list[Row]:
    """The observations a query selects (``from_sql``: its FROM ... ORDER BY part), as
    plain dicts, built by a dict display (much faster than from ``sqlite3.Row`` or zip).

    The rows are read one at a time, not fetched all first: each tuple is gone before the
    next, so a big story leaves no thousands of tuples for the garbage collector to move
    into its oldest generation (which made every few requests pay for a full collection);
    the dicts, holding only numbers and strings, are not tracked by it."""
    cursor = conn.cursor()
    cursor.row_factory = None
    extra = ", o.sentence" if sentences else ""
    cursor.execute(f"SELECT {OBSERVATION_COLUMNS}{extra} {from_sql}", params)
    found = cursor.fetchall() if sentences else []
    columns = (values[:-1] for values in found) if sentences else cursor
    rows = [
        {
            "id": id_, "figure_id": figure_id, "value": value, "low": low, "high": high,
            "approx": approx, "quantity_text": quantity_text, "as_of": as_of,
            "as_of_start": as_of_start, "as_of_end": as_of_end, "article": article,
            "outlet": outlet, "url": url, "published": published, "reported": reported,
            "speaker": speaker, "relation": relation, "relation_to": relation_to,
            "duplicate_of": duplicate_of, "source": source, "source_outlet": source_outlet,
            "claim": claim,
        }
        for (
            id_, figure_id, value, low, high, approx, quantity_text, as_of, as_of_start, as_of_end,
            article, outlet, url, published, reported, speaker, relation, relation_to, duplicate_of,
            source, source_outlet, claim,
        ) in columns
    ]  # fmt: skip
    if sentences:
        for row, values in zip(rows, found, strict=True):
            row["sentence"] = values[-1]
    return rows


# -- changes since a day --------------------------------------------------------------------


def figures_first_reported_since(conn: sqlite3.Connection, day: str) -> list[dict[str, Any]]:
    """Figures whose first report was published on ``day`` (an ISO date) or later, with
    ``first_published``, in that order."""
    rows = conn.execute(
        "SELECT f.id, f.story, f.label, f.unit, f.modality, MIN(o.reported) AS first_published"
        " FROM figures f JOIN observations o ON o.figure_id = f.id"
        " WHERE f.id IN (SELECT figure_id FROM observations WHERE reported >= ?)"
        " GROUP BY f.id HAVING MIN(o.reported) >= ? ORDER BY first_published, f.seq",
        (day, day),
    )
    return [dict(row) for row in rows]


def original_observations_since(
    conn: sqlite3.Connection, day: str, relations: Iterable[str]
) -> list[dict[str, Any]]:
    """Observations reported on ``day`` or later, not syndicated copies, whose relation is
    one of ``relations``, with their figure's label, unit and story, oldest first."""
    wanted = tuple(relations)
    marks = ",".join("?" * len(wanted))
    rows = conn.execute(
        "SELECT o.id, o.figure_id AS figure, f.label, f.unit, f.story, o.value, o.low, o.high,"
        " o.approx, o.quantity_text, o.as_of, o.relation, o.article_id AS article, o.outlet,"
        " o.url, o.published, o.speaker, o.sentence"
        " FROM observations o JOIN figures f ON f.id = o.figure_id"
        f" WHERE o.reported >= ? AND o.duplicate_of IS NULL AND o.relation IN ({marks})"
        " ORDER BY o.reported, o.id",
        (day, *wanted),
    )
    return [dict(row) for row in rows]
