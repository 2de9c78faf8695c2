"""Full-text search over article text (SQLite FTS5)."""

from __future__ import annotations

import sqlite3
from typing import Any


def search(
    conn: sqlite3.Connection, query: str, limit: int = 20, marks: tuple[str, str] = ("[", "]")
) -> list[dict[str, Any]]:
    """Full-text search over article text, with a snippet per hit, matches between marks."""
    rows = conn.execute(
        "SELECT a.id, a.title, a.outlet, a.published, a.url,"
        " snippet(articles_fts, 1, ?, ?, ' … ', 12) AS snippet"
        " FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid"
        " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
        (*marks, fts_query(query), limit),
    ).fetchall()
    return [dict(r) for r in rows]


def fts_query(query: str) -> str:
    """Quote every word, so user input is never read as FTS5 syntax (control characters dropped)."""
    printable = "".join(c if c.isprintable() else " " for c in query)
    words = [w.replace('"', '""') for w in printable.split()]
    return " ".join(f'"{w}"' for w in words) or '""'
