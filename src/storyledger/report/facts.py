"""The fact sheet, one figure's history, and what changed since a date: plain data.

``facts_data`` follows DESIGN.md's contract: a list of figures, each
``{id, story, label, unit, counted, modality, observations: [{value, low, high,
as_of, article, outlet, url, speaker, relation, ...}], conflicts}``, plus
``change``, ``entities``, ``latest``, ``sources`` (independent outlets behind
the latest value) and ``settled_conflicts``. Observations are in the order of
the time they refer to, then of publication. ``conflicts`` holds the open
conflicts only: two independent values for the same time that no later report
has sided with.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import date
from typing import Any

from storyledger.errors import Msg, NotFoundError
from storyledger.link.figures import obs_of_row
from storyledger.link.relations import Conflict, Obs, conflicts_of, in_order, same_time, same_value
from storyledger.store.sqlite import Ledger

OBSERVATION_COLUMNS = (
    "o.id, o.figure_id, o.article_id, o.claim, o.source, o.duplicate_of, o.value, o.low, o.high,"
    " o.approx, o.as_of, o.as_of_start, o.as_of_end, o.published, o.speaker, o.sentence,"
    " o.relation, o.relation_to, a.outlet, a.url, a.published AS article_published,"
    " (SELECT outlet FROM articles WHERE id = o.duplicate_of) AS original_outlet"
)
FIGURE_COLUMNS = "id, story, label, unit, counted, modality, change, entities, seq"


def facts_data(ledger: Ledger, story: str | None = None) -> list[dict[str, Any]]:
    """Every figure of one story (or of all stories), in the order they were first seen."""
    where, params = ("WHERE f.story = ?", (story,)) if story is not None else ("", ())
    figures = ledger.conn.execute(
        f"SELECT {FIGURE_COLUMNS} FROM figures f {where} ORDER BY f.story, f.seq", params
    ).fetchall()
    rows = ledger.conn.execute(
        f"SELECT {OBSERVATION_COLUMNS} FROM observations o"
        " JOIN articles a ON a.id = o.article_id"
        f" JOIN figures f ON f.id = o.figure_id {where}",
        params,
    ).fetchall()
    by_figure: dict[str, list[sqlite3.Row]] = {}
    for row in rows:
        by_figure.setdefault(row["figure_id"], []).append(row)
    return [figure_dict(f, by_figure.get(f["id"], [])) for f in figures]


def figure_data(ledger: Ledger, figure_id: str) -> dict[str, Any]:
    """One figure with its full history: every observation with outlet, date, speaker, sentence."""
    figure = ledger.conn.execute(
        f"SELECT {FIGURE_COLUMNS} FROM figures WHERE id = ?",
        (resolve_figure_id(ledger, figure_id),),
    ).fetchone()
    rows = ledger.conn.execute(
        f"SELECT {OBSERVATION_COLUMNS} FROM observations o"
        " JOIN articles a ON a.id = o.article_id WHERE o.figure_id = ?",
        (figure["id"],),
    ).fetchall()
    return figure_dict(figure, rows)


def resolve_figure_id(ledger: Ledger, id_or_prefix: str) -> str:
    """The full id of a figure given its id or a unique prefix of it."""
    prefix = id_or_prefix.replace("%", "").replace("_", "")
    ids = sorted(
        {
            row[0]
            for row in ledger.conn.execute(
                "SELECT id FROM figures WHERE id = ? OR id LIKE ? || '%' LIMIT 3",
                (id_or_prefix, prefix),
            )
        }
    )
    if id_or_prefix in ids:
        return id_or_prefix
    if not ids or not prefix:
        raise NotFoundError(Msg.UNKNOWN_FIGURE.format(id=id_or_prefix))
    if len(ids) > 1:
        raise NotFoundError(
            Msg.AMBIGUOUS_ID.format(id=id_or_prefix, kind="figure", matches=", ".join(ids))
        )
    return ids[0]


def figure_dict(figure: sqlite3.Row, rows: list[sqlite3.Row]) -> dict[str, Any]:
    by_id = {row["id"]: row for row in rows}
    ordered = in_order([obs_of_row(row) for row in rows])
    observations = [observation_dict(by_id[o.id]) for o in ordered]
    conflicts = conflicts_of(ordered)
    latest = latest_of(ordered)
    return {
        "id": figure["id"],
        "story": figure["story"],
        "label": figure["label"],
        "unit": figure["unit"],
        "counted": figure["counted"],
        "modality": figure["modality"],
        "change": bool(figure["change"]),
        "entities": [name for _key, name in json.loads(figure["entities"])],
        "latest": observation_dict(by_id[latest.id]) if latest else None,
        "sources": len(agreeing_outlets(latest, ordered)) if latest else 0,
        "observations": observations,
        "conflicts": [conflict_dict(c, by_id) for c in conflicts if c.settled_by is None],
        "settled_conflicts": [conflict_dict(c, by_id) for c in conflicts if c.settled_by],
    }


def observation_dict(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "value": row["value"],
        "low": row["low"],
        "high": row["high"],
        "approx": row["approx"],
        "as_of": row["as_of"],
        "article": row["article_id"],
        "outlet": row["outlet"],
        "url": row["url"],
        "published": row["article_published"],
        "speaker": row["speaker"],
        "sentence": row["sentence"],
        "relation": row["relation"],
        "relation_to": row["relation_to"],
        "duplicate_of": row["duplicate_of"],
        "claim": row["claim"],
    }


def latest_of(ordered: list[Obs]) -> Obs | None:
    """The most recent value: the last original report about the latest time."""
    originals = [o for o in ordered if not o.copy] or ordered
    return originals[-1] if originals else None


def agreeing_outlets(latest: Obs, ordered: list[Obs]) -> set[str]:
    """Independent sources giving the latest value for its time (copies count as their original)."""
    return {o.outlet or o.source for o in ordered if same_time(o, latest) and same_value(o, latest)}


def conflict_dict(conflict: Conflict, rows: dict[int, sqlite3.Row]) -> dict[str, Any]:
    """``{as_of, values: [observation, observation], settled_by}`` of one conflict."""
    settled = conflict.settled_by
    return {
        "as_of": rows[conflict.observation.id]["as_of"],
        "values": [observation_dict(rows[o.id]) for o in (conflict.rival, conflict.observation)],
        "settled_by": observation_dict(rows[settled.id]) if settled else None,
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
    return {
        "since": day,
        "new_stories": new_stories(ledger.conn, day),
        "new_figures": new_figures(ledger.conn, day),
        "new_values": change_rows(ledger.conn, day, ("first", "updates", "refines")),
        "new_conflicts": change_rows(ledger.conn, day, ("conflicts",)),
    }


def new_stories(conn: sqlite3.Connection, day: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT id, label, first_seen, last_seen FROM stories WHERE first_seen >= ?"
        " ORDER BY first_seen, seq",
        (day,),
    )
    return [dict(row) for row in rows]


def new_figures(conn: sqlite3.Connection, day: str) -> list[dict[str, Any]]:
    """Figures whose first report was published since the day."""
    rows = conn.execute(
        "SELECT f.id, f.story, f.label, f.unit, f.modality, MIN(o.published) AS first_published"
        " FROM figures f JOIN observations o ON o.figure_id = f.id"
        " WHERE f.id IN (SELECT figure_id FROM observations WHERE published >= ?)"
        " GROUP BY f.id HAVING MIN(o.published) >= ? ORDER BY first_published, f.seq",
        (day, day),
    )
    return [dict(row) for row in rows]


def change_rows(
    conn: sqlite3.Connection, day: str, relations: Iterable[str]
) -> list[dict[str, Any]]:
    wanted = tuple(relations)
    marks = ",".join("?" * len(wanted))
    rows = conn.execute(
        "SELECT o.id, o.figure_id AS figure, f.label, f.unit, f.story, o.value, o.low, o.high,"
        " o.as_of, o.relation, o.article_id AS article, a.outlet, a.url, o.published,"
        " o.speaker, o.sentence FROM observations o"
        " JOIN figures f ON f.id = o.figure_id JOIN articles a ON a.id = o.article_id"
        f" WHERE o.published >= ? AND o.duplicate_of IS NULL AND o.relation IN ({marks})"
        " ORDER BY o.published, o.id",
        (day, *wanted),
    )
    return [dict(row) for row in rows]
