"""Opening a ledger's SQLite connection: WAL, busy timeout, versioned migrations, and the
transaction every write that belongs together runs in (a crash or a kill never leaves half
an article behind)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources

from storyledger.errors import Msg, StoreError

BUSY_TIMEOUT_MS = 30_000


def _migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every migration shipped with the package, in order."""
    folder = resources.files("storyledger.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            version = int(entry.name.split("_", 1)[0])
            found.append((version, entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def schema_version_known() -> int:
    return max(version for version, _, _ in _migrations())


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One atomic unit of work: committed whole or not at all."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _migrate(conn: sqlite3.Connection, path: str) -> None:
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    known = schema_version_known()
    if current > known:
        raise StoreError(Msg.DB_NEWER.format(path=path, found=current, known=known))
    for version, _name, sql in _migrations():
        if version <= current:
            continue
        # executescript commits; the version bump is inside the same script.
        conn.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {version};\nCOMMIT;")


def connect(path: str) -> sqlite3.Connection:
    """A connection to the ledger at ``path`` (created and migrated as needed; ':memory:'
    works too), in autocommit mode with rows as ``sqlite3.Row``."""
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if path != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        _migrate(conn, path)
    except sqlite3.DatabaseError as exc:
        raise StoreError(Msg.NOT_A_LEDGER.format(path=path, detail=exc)) from exc
    return conn
