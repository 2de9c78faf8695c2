"""Full-text search over article titles and text: SQLite's FTS5 table ``articles_fts``, or
PostgreSQL's tsvector column ``articles.search`` under a GIN index (migration 001 of each).
Both stem words (porter, snowball english), keep stop words, and find the articles holding
every word of the query; the snippet has up to 12 words around the matches, between marks.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from storyledger.store.connection import dialect

SNIPPET_WORDS = 12


def search(
    conn: sqlite3.Connection, query: str, limit: int = 20, marks: tuple[str, str] = ("[", "]")
) -> list[dict[str, Any]]:
    """Full-text search over article text, with a snippet per hit, matches between marks."""
    if dialect(conn) == "postgresql":
        return server_search(conn, query, limit, marks)
    rows = conn.execute(
        "SELECT a.id, a.title, a.outlet, a.published, a.url,"
        " snippet(articles_fts, 1, ?, ?, ' … ', ?) AS snippet"
        " FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid"
        " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
        (*marks, SNIPPET_WORDS, fts_query(query), limit),
    ).fetchall()
    return [dict(r) for r in rows]


def server_search(
    conn: sqlite3.Connection, query: str, limit: int, marks: tuple[str, str]
) -> list[dict[str, Any]]:
    """``search`` on PostgreSQL: the query's words, stemmed, all in the article
    (``plainto_tsquery`` reads no syntax), best ranked first, the snippet by ts_headline."""
    rows = conn.execute(
        "SELECT a.id, a.title, a.outlet, a.published, a.url,"
        " ts_headline('storyledger', a.text, q.words, ?) AS snippet"
        " FROM articles a, plainto_tsquery('storyledger', ?) AS q(words)"
        " WHERE a.search @@ q.words ORDER BY ts_rank(a.search, q.words) DESC, a.seq LIMIT ?",
        (headline_options(marks), printable(query), limit),
    ).fetchall()
    return [dict(r) for r in rows]


def headline_options(marks: tuple[str, str]) -> str:
    """ts_headline's options for a snippet as FTS5's: the marks, up to 12 words, ' … '."""
    start, stop = (mark.replace('"', "") for mark in marks)
    return (
        f'StartSel="{start}", StopSel="{stop}", MaxWords={SNIPPET_WORDS}, MinWords=3,'
        ' ShortWord=0, MaxFragments=1, FragmentDelimiter=" … "'
    )


def printable(query: str) -> str:
    """The query without control characters."""
    return "".join(c if c.isprintable() else " " for c in query)


def fts_query(query: str) -> str:
    """Quote every word, so user input is never read as FTS5 syntax (control characters dropped)."""
    words = [w.replace('"', '""') for w in printable(query).split()]
    return " ".join(f'"{w}"' for w in words) or '""'
