"""The two reads every area of the ledger needs: an id from a unique prefix of it, and rows
whose key is in a long list (read in chunks, SQLite allowing only so many parameters)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from storyledger.errors import Msg, NotFoundError

SQL_CHUNK = 500  # keys per IN (...) list, well under SQLite's parameter limit
# Tables whose rows have a text id a user may give by a prefix: table -> (kind, unknown message).
PREFIXED_IDS = {
    "articles": ("article", Msg.UNKNOWN_ARTICLE),
    "figures": ("figure", Msg.UNKNOWN_FIGURE),
    "stories": ("story", Msg.UNKNOWN_STORY),
}


def resolve_id(
    conn: sqlite3.Connection, table: str, id_or_prefix: str, *, blank_matches: bool = False
) -> str:
    """The full id of a row of ``table`` (articles, figures, stories) given its id or a
    unique prefix of it; NotFoundError when none or several match. ``%`` and ``_`` in the
    prefix are dropped (they are LIKE's wildcards); a prefix left empty matches nothing,
    unless ``blank_matches`` (then it matches a table of one row, as article ids always did).
    """
    kind, unknown = PREFIXED_IDS[table]
    if conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (id_or_prefix,)).fetchone():
        return id_or_prefix  # the usual case, by the primary key
    prefix = id_or_prefix.replace("%", "").replace("_", "")
    rows = conn.execute(
        f"SELECT id FROM {table} WHERE id LIKE ? ORDER BY id LIMIT 3", (prefix + "%",)
    ).fetchall()
    ids = [str(row[0]) for row in rows]
    if not ids or not (prefix or blank_matches):
        raise NotFoundError(unknown.format(id=id_or_prefix))
    if len(ids) > 1:
        raise NotFoundError(
            Msg.AMBIGUOUS_ID.format(id=id_or_prefix, kind=kind, matches=", ".join(ids))
        )
    return ids[0]


def chunked(items: Sequence[Any], size: int = SQL_CHUNK) -> Iterator[Sequence[Any]]:
    """``items`` in consecutive slices of at most ``size``."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def rows_in(
    conn: sqlite3.Connection,
    sql: str,
    keys: Sequence[Any],
    before: tuple[Any, ...] = (),
    after: tuple[Any, ...] = (),
) -> Iterator[sqlite3.Row]:
    """The rows of ``sql`` for every key, a chunk of keys at a time: ``sql`` has ``{marks}``
    where its ``IN (...)`` list goes, its other parameters are ``before`` and ``after`` it.
    Rows come chunk by chunk, each chunk in the query's own order."""
    for chunk in chunked(keys):
        marks = ",".join("?" * len(chunk))
        yield from conn.execute(sql.format(marks=marks), (*before, *chunk, *after))
