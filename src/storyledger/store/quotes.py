"""Quote mentions with the article and story that printed them, for the quotes view."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from storyledger.store.connection import dialect

# A quote mention's fields, from their own columns (migration 008): a story's quotes are
# counted from the index mentions_quotes alone, never reading their JSON (json_extract of
# every quote took most of the story page's time); and its article's citation fields.
QUOTE_FIELDS = "m.key, m.text, m.quote_speaker, m.quote_direct, m.quote_cue"
CITATION_FIELDS = "m.article_id, a.outlet, a.url, a.published, ast.story"
STORY_FIRST = {"sqlite": "CROSS JOIN", "postgresql": "JOIN"}


def quotes_from(
    conn: sqlite3.Connection, story: str | None, articles: bool = True
) -> tuple[str, tuple[str, ...]]:
    """The FROM and WHERE of quote mentions with their story (``ast``) and article (``a``;
    a story's without it if not ``articles``): a story's quotes are found from its
    articles, not among every quote of the ledger (SQLite is told so by CROSS JOIN, which
    fixes its join order; PostgreSQL has no such form and plans it so)."""
    if story is None:
        return (
            " FROM mentions m JOIN articles a ON a.id = m.article_id"
            " LEFT JOIN article_story ast ON ast.article_id = a.id WHERE m.kind = 'quote'",
            (),
        )
    return (
        " FROM article_story ast"
        f" {STORY_FIRST[dialect(conn)]} mentions m"
        " ON m.article_id = ast.article_id AND m.kind = 'quote'"
        + (" JOIN articles a ON a.id = ast.article_id" if articles else "")
        + " WHERE ast.story = ?",
        (story,),
    )


def quote_rows(conn: sqlite3.Connection, story: str | None) -> Iterator[tuple[Any, ...]]:
    """Every quote mention (of a story, if given) as printed once, oldest article first:
    tuples ``(speaker key, text, speaker name, direct, cue, 1, article, outlet, url,
    published, story)``, read one at a time."""
    from_where, params = quotes_from(conn, story)
    cursor = conn.cursor()
    cursor.row_factory = None
    cursor.execute(
        f"SELECT {QUOTE_FIELDS}, 1, {CITATION_FIELDS}{from_where}"
        " ORDER BY a.published NULLS FIRST, a.seq, m.idx",
        params,
    )
    return cursor


def counted_quote_rows(conn: sqlite3.Connection, story: str | None) -> Iterator[tuple[Any, ...]]:
    """The same quote mentions counted: one row per speaker, words and way of quoting,
    with how many printed them and the first that did (SQLite takes the other columns
    of an aggregate query from the row that gave the MIN), in the order of that first.
    A story's are counted from its members' places in its order (``article_story``,
    migration 014) and the index of quote mentions: only the first printings' articles
    are read."""
    from_where, params = quotes_from(conn, story, articles=False)
    order = ("ast.published", "ast.seq") if story is not None else ("a.published", "a.seq")
    cursor = conn.cursor()
    cursor.row_factory = None
    if dialect(conn) == "postgresql":
        cursor.execute(FIRST_PRINTINGS.format(from_where=from_where, order=order), params)
        return cursor
    cursor.execute(
        f"SELECT {COUNTED_FIELDS} FROM (SELECT {QUOTE_FIELDS}, count(*) AS printed,"
        " m.article_id, ast.story,"
        # the order of quote_rows, as one string (a missing date first, as in ORDER BY)
        " MIN(printf('%s %020d %020d', coalesce({0}, ''), {1}, m.idx)) AS first".format(*order)
        + f"{from_where} GROUP BY 1, 2, 3, 4, 5) q"
        " JOIN articles a ON a.id = q.article_id ORDER BY q.first",
        params,
    )
    return cursor  # with the order key last


# A counted quote with its first printing's citation fields, and the order key last.
COUNTED_FIELDS = (
    "q.key, q.text, q.quote_speaker, q.quote_direct, q.quote_cue, q.printed,"
    " q.article_id, a.outlet, a.url, a.published, q.story, q.first"
)
# counted_quote_rows on PostgreSQL, which takes no column from "the row that gave the MIN":
# the same order key as SQLite's statement makes, whose fixed-width middle is the first
# printing's article (its seq), found again after counting (a hash aggregate: sorting every
# printing by its words, as a window over them does, took five times as long).
FIRST_PRINTINGS = (
    "SELECT q.key, q.text, q.quote_speaker, q.quote_direct, q.quote_cue, q.printed,"
    " a.id, a.outlet, a.url, a.published, ast.story, q.first FROM ("
    f" SELECT {QUOTE_FIELDS}, count(*) AS printed,"
    " min(concat_ws(' ', coalesce({order[0]}, ''), lpad({order[1]}::text, 20, '0'),"
    "  lpad(m.idx::text, 20, '0')) COLLATE \"C\") AS first"
    "{from_where} GROUP BY 1, 2, 3, 4, 5"
    ") q JOIN articles a ON a.seq = substr(q.first, length(q.first) - 40, 20)::bigint"
    ' LEFT JOIN article_story ast ON ast.article_id = a.id ORDER BY q.first COLLATE "C"'
)
