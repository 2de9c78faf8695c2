"""The link stage's own bookkeeping: its counters, and forgetting everything it derived."""

from __future__ import annotations

import sqlite3


def bump_counter(conn: sqlite3.Connection, name: str) -> int:
    """Add one to the link counter ``name`` (documents seen, stories started); its new value."""
    conn.execute(
        "INSERT INTO link_counters (name, value) VALUES (?, 1)"
        " ON CONFLICT (name) DO UPDATE SET value = link_counters.value + 1",
        (name,),
    )
    return int(
        conn.execute("SELECT value FROM link_counters WHERE name = ?", (name,)).fetchone()[0]
    )


def counter_value(conn: sqlite3.Connection, name: str) -> int:
    """The link counter ``name`` as it stands (0 if never bumped)."""
    row = conn.execute("SELECT value FROM link_counters WHERE name = ?", (name,)).fetchone()
    return int(row[0]) if row else 0


def forget_linked(conn: sqlite3.Connection) -> None:
    """Empty every table the link stage derives (those the migrations register in
    ``link_tables``, last registered first) and mark every article unlinked; user
    corrections (``story_pins``) are not derived and stay."""
    tables = [r[0] for r in conn.execute("SELECT name FROM link_tables ORDER BY position DESC")]
    for table in tables:
        conn.execute(f'DELETE FROM "{table}"')
    conn.execute("UPDATE articles SET linked = 0")
