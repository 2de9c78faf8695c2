"""Figures and their observations, as the fact sheet, a figure's history and the changes
since a date read them; and as the link stage places claims' values in figures.

Observations are plain dicts whose keys are the JSON contract's names
(``OBSERVATION_FIELDS``, plus ``sentence`` when asked), built by a dict display:
much faster than from ``sqlite3.Row`` or zip.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from storyledger.store.lookup import chunked, resolve_id

# Observation columns, named as in the JSON contract (each row is an observation's JSON).
OBSERVATION_FIELDS = (
    "id", "figure_id", "value", "low", "high", "approx", "quantity_text", "as_of", "as_of_start",
    "as_of_end", "article", "outlet", "url", "published", "reported", "speaker", "relation",
    "relation_to", "duplicate_of", "source", "source_outlet", "claim", "seen_by", "reason",
)  # fmt: skip
Row = dict[str, Any]
# The order relations are computed in (``Obs.order``): by the last day of the time referred
# to ("400 in June" after "380 on June 24"), then the first, publication, article, id; each
# relation refers to an observation listed before it. Read through ``observations_history``.
# A missing day first, as SQLite orders NULL (PostgreSQL is told so; its index is ordered so).
OBSERVATION_ORDER = (
    "o.as_of_end NULLS FIRST, o.as_of_start NULLS FIRST, o.reported NULLS FIRST, o.article_id, o.id"
)
FIGURE_OBSERVATIONS = f"FROM observations o WHERE o.figure_id = ? ORDER BY {OBSERVATION_ORDER}"


def select_list(fields: Iterable[str]) -> str:
    """The SELECT list of these observation fields, from ``observations o``."""
    return ", ".join("o.article_id AS article" if f == "article" else f"o.{f}" for f in fields)


OBSERVATION_COLUMNS = select_list(OBSERVATION_FIELDS)
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
    rows: list[Row] = []
    for chunk in chunked(list(ids)):
        marks = ",".join("?" * len(chunk))
        rows += observation_rows(
            conn, f"FROM observations o WHERE o.id IN ({marks})", tuple(chunk), False
        )
    return rows


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
            "claim": claim, "seen_by": seen_by, "reason": reason,
        }
        for (
            id_, figure_id, value, low, high, approx, quantity_text, as_of, as_of_start, as_of_end,
            article, outlet, url, published, reported, speaker, relation, relation_to, duplicate_of,
            source, source_outlet, claim, seen_by, reason,
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


# -- the link stage: placing a claim's value in a figure ----------------------------------------


def figures_with_blocks(
    conn: sqlite3.Connection, story: str, blocks: Sequence[str]
) -> list[sqlite3.Row]:
    """The figures of a story having any of these blocking keys (a claim's few keys), with
    id, unit, modality, change, words, actors, entities (JSON) and seq."""
    marks = ",".join("?" * len(blocks))
    return conn.execute(
        "SELECT f.id, f.unit, f.modality, f.change, f.words, f.actors, f.entities, f.seq"
        " FROM figures f WHERE f.id IN (SELECT figure_id FROM figure_keys"
        f" WHERE story = ? AND block IN ({marks}))",
        (story, *blocks),
    ).fetchall()


def add_figure_blocks(
    conn: sqlite3.Connection, story: str, figure_id: str, blocks: Iterable[str]
) -> None:
    """Index the figure under these blocking keys of its story (those it has are kept)."""
    conn.executemany(
        "INSERT INTO figure_keys (story, block, figure_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        [(story, block, figure_id) for block in blocks],
    )


def figure_has_value(conn: sqlite3.Connection, figure_id: str, value: float) -> bool:
    """The figure has an observation of exactly ``value``."""
    row = conn.execute(
        "SELECT 1 FROM observations WHERE figure_id = ? AND value = ? LIMIT 1",
        (figure_id, value),
    ).fetchone()
    return row is not None


def figure_has_value_during(
    conn: sqlite3.Connection, figure_id: str, value: float, start: str, end: str
) -> bool:
    """The figure has an observation of exactly ``value`` whose time overlaps the days
    ``start`` to ``end`` (ISO dates)."""
    row = conn.execute(
        "SELECT 1 FROM observations WHERE figure_id = ? AND value = ? AND as_of_start <= ?"
        " AND as_of_end >= ? LIMIT 1",
        (figure_id, value, end, start),
    ).fetchone()
    return row is not None


def figure_has_value_between(
    conn: sqlite3.Connection, figure_id: str, low: float, high: float
) -> bool:
    """The figure has an observation whose value is from ``low`` to ``high``."""
    row = conn.execute(
        "SELECT 1 FROM observations WHERE figure_id = ? AND value BETWEEN ? AND ? LIMIT 1",
        (figure_id, low, high),
    ).fetchone()
    return row is not None


def article_value_observations(
    conn: sqlite3.Connection, article_id: str, value: float
) -> list[sqlite3.Row]:
    """figure_id and sentence of an article's observations of ``value``."""
    return conn.execute(
        "SELECT figure_id, sentence FROM observations WHERE article_id = ? AND value = ?",
        (article_id, value),
    ).fetchall()


def figure_exists(conn: sqlite3.Connection, figure_id: str) -> bool:
    return conn.execute("SELECT 1 FROM figures WHERE id = ?", (figure_id,)).fetchone() is not None


def next_figure_seq(conn: sqlite3.Connection, story: str) -> int:
    """The seq of the story's next figure: one more than its last (1 for its first)."""
    sql = "SELECT COALESCE(MAX(seq), 0) + 1 FROM figures WHERE story = ?"
    return int(conn.execute(sql, (story,)).fetchone()[0])


def add_figure(
    conn: sqlite3.Connection,
    figure_id: str,
    story: str,
    label: str,
    *,
    unit: str | None,
    counted: str | None,
    modality: str | None,
    change: bool,
    words: list[str],
    actors: list[str],
    entities: list[list[str]],
    seq: int,
) -> None:
    """Store a new figure (its words, actors and [key, name] entities as JSON)."""
    conn.execute(
        "INSERT INTO figures (id, story, label, unit, counted, modality, change, words, actors,"
        " entities, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            figure_id,
            story,
            label,
            unit,
            counted,
            modality,
            int(change),
            json.dumps(words),
            json.dumps(actors),
            json.dumps(entities),
            seq,
        ),
    )


def figure_words(conn: sqlite3.Connection, figure_id: str) -> list[str]:
    """The words of a figure's key (its counted thing, the head last)."""
    row = conn.execute("SELECT words FROM figures WHERE id = ?", (figure_id,)).fetchone()
    words: list[str] = json.loads(row[0])
    return words


def figure_words_and_actors(conn: sqlite3.Connection, figure_id: str) -> tuple[list[str], set[str]]:
    """The words of a figure's key and the keys of its actors (subjects)."""
    row = conn.execute("SELECT words, actors FROM figures WHERE id = ?", (figure_id,)).fetchone()
    return json.loads(row["words"]), set(json.loads(row["actors"]))


def set_figure_counted(
    conn: sqlite3.Connection, figure_id: str, counted: str | None, label: str
) -> None:
    """A figure now knows what it counts, and is labelled by it."""
    conn.execute(
        "UPDATE figures SET counted = ?, label = ? WHERE id = ?", (counted, label, figure_id)
    )


def set_figure_words_and_actors(
    conn: sqlite3.Connection, figure_id: str, words: list[str], actors: list[str]
) -> None:
    conn.execute(
        "UPDATE figures SET words = ?, actors = ? WHERE id = ?",
        (json.dumps(words), json.dumps(actors), figure_id),
    )


def next_observation_id(conn: sqlite3.Connection) -> int:
    """The id of the ledger's next observation: one more than the last (1 for the first)."""
    return int(conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM observations").fetchone()[0])


def add_observation(
    conn: sqlite3.Connection,
    observation_id: int,
    figure_id: str,
    article_id: str,
    claim: int,
    *,
    source: str,
    duplicate_of: str | None,
    source_outlet: str | None,
    value: float,
    low: float | None,
    high: float | None,
    approx: str | None,
    quantity_text: str,
    as_of: str | None,
    as_of_start: str | None,
    as_of_end: str | None,
    reported: str | None,
    published: str | None,
    outlet: str | None,
    url: str | None,
    speaker: str | None,
    sentence: str,
    seen_by: str | None,
    reason: str | None,
) -> None:
    """Store an observation of a figure, as its ``first`` report until its relations are
    computed (``set_observation_relations``)."""
    conn.execute(
        "INSERT INTO observations (id, figure_id, article_id, claim, source, duplicate_of,"
        " source_outlet, value, low, high, approx, quantity_text, as_of, as_of_start, as_of_end,"
        " reported, published, outlet, url, speaker, sentence, seen_by, reason, relation)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'first')",
        (
            observation_id,
            figure_id,
            article_id,
            claim,
            source,
            duplicate_of,
            source_outlet,
            value,
            low,
            high,
            approx,
            quantity_text,
            as_of,
            as_of_start,
            as_of_end,
            reported,
            published,
            outlet,
            url,
            speaker,
            sentence,
            seen_by,
            reason,
        ),
    )


def set_observation_relations(
    conn: sqlite3.Connection,
    figure_id: str,
    relations: Iterable[tuple[int, str | None, int | None]],
) -> None:
    """Store (observation id, relation, relation_to) of observations of the figure."""
    conn.executemany(
        "UPDATE observations SET relation = ?, relation_to = ? WHERE figure_id = ? AND id = ?",
        [(relation, to, figure_id, id_) for id_, relation, to in relations],
    )


# What the link stage reads of an observation to compute relations (``link.figures.obs_of_row``).
RELATION_COLUMNS = (
    "id, article_id AS article, source, duplicate_of, source_outlet, value, low, high, approx,"
    " as_of_start, as_of_end, reported, relation, relation_to"
)


def relation_rows(conn: sqlite3.Connection, figure_id: str) -> list[sqlite3.Row]:
    """Every observation of a figure, with ``RELATION_COLUMNS``, in no set order."""
    return conn.execute(
        f"SELECT {RELATION_COLUMNS} FROM observations WHERE figure_id = ?", (figure_id,)
    ).fetchall()


def relation_rows_ending_from(
    conn: sqlite3.Connection, figure_id: str, day: str
) -> list[sqlite3.Row]:
    """The observations of a figure whose time ends on ``day`` (ISO) or later, with
    ``RELATION_COLUMNS``, in no set order."""
    return conn.execute(
        f"SELECT {RELATION_COLUMNS} FROM observations WHERE figure_id = ? AND as_of_end >= ?",
        (figure_id, day),
    ).fetchall()


def relation_rows_of_printings(
    conn: sqlite3.Connection, figure_id: str, originals: Sequence[str]
) -> list[sqlite3.Row]:
    """The observations of a figure from every printing of these original articles: the
    originals themselves and their syndicated copies, with ``RELATION_COLUMNS``, each once.
    The list of originals goes in chunks (``lookup.chunked``: it is in the query twice)."""
    found: list[sqlite3.Row] = []
    seen: set[int] = set()
    for chunk in chunked(originals):
        marks = ",".join("?" * len(chunk))
        copies = f"SELECT article_id FROM article_story WHERE duplicate_of IN ({marks})"
        for row in conn.execute(
            f"SELECT {RELATION_COLUMNS} FROM observations WHERE figure_id = ?"
            f" AND (article_id IN ({marks}) OR article_id IN ({copies}))",
            (figure_id, *chunk, *chunk),
        ):
            if row["id"] not in seen:
                seen.add(row["id"])
                found.append(row)
    return found


def latest_start_of_originals_ending_before(
    conn: sqlite3.Connection, figure_id: str, day: str, originals: int
) -> str | None:
    """The latest start (ISO) among the ``originals`` observations of a figure that are no
    syndicated copies and end last before ``day`` (ISO); None when there is none dated."""
    row = conn.execute(
        "SELECT MAX(as_of_start) FROM (SELECT as_of_start FROM observations"
        " WHERE figure_id = ? AND as_of_end < ? AND duplicate_of IS NULL"
        " ORDER BY as_of_end DESC LIMIT ?) latest",
        (figure_id, day, originals),
    ).fetchone()
    return row[0]
