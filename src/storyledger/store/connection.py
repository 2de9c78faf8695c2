"""Opening a ledger's connection: a SQLite file (WAL, busy timeout, versioned migrations) or
a PostgreSQL server (``postgresql.py``), and the transaction every write that belongs
together runs in (a crash or a kill never leaves half an article behind; writers take turns).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from typing import Any

from storyledger.errors import Msg, StoreError

BUSY_TIMEOUT_MS = 30_000
# How long a SQLite writer waits for its turn: another writer's transaction may be long (a
# report arriving late in a big story has every later value of its figures looked at again)
WRITER_WAIT_S = 600.0
POSTGRESQL_SCHEMES = ("postgresql://", "postgres://")


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


def dialect(conn: Any) -> str:
    """'sqlite' or 'postgresql': the few statements that must differ ask this."""
    return str(getattr(conn, "dialect", "sqlite"))


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One atomic unit of work: committed whole or not at all. Writers take turns: SQLite's
    BEGIN IMMEDIATE, PostgreSQL's writer lock (``postgresql.PgConnection.begin``)."""
    if dialect(conn) == "postgresql":
        with _server_transaction(conn):
            yield conn
        return
    take_writer_turn(conn)
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def take_writer_turn(conn: sqlite3.Connection) -> None:
    """BEGIN IMMEDIATE, trying again (each try waits the busy timeout) while another writer
    holds the ledger, for WRITER_WAIT_S in all; then a StoreError, never a hang."""
    deadline = time.monotonic() + WRITER_WAIT_S
    while True:
        try:
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if time.monotonic() >= deadline:
                raise StoreError(Msg.LEDGER_BUSY.format(seconds=WRITER_WAIT_S)) from exc


@contextmanager
def snapshot(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Reads that see the ledger as of one moment, whatever writers commit meanwhile (a
    view reading stories, then their articles, finds every article's story): SQLite's
    deferred transaction in WAL mode, PostgreSQL's REPEATABLE READ READ ONLY one. Takes no
    writer's turn."""
    if dialect(conn) == "postgresql":
        with _server_transaction(conn, read_only=True):
            yield conn
        return
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        conn.execute("COMMIT")


@contextmanager
def _server_transaction(conn: Any, read_only: bool = False) -> Iterator[None]:
    conn.begin(read_only)
    try:
        yield
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


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


def is_server_url(db: str) -> bool:
    """True for a PostgreSQL server's URL, False for a SQLite file's path."""
    return db.startswith(POSTGRESQL_SCHEMES)


def connect(path: str) -> sqlite3.Connection:
    """A connection to the ledger at ``path`` (created and migrated as needed; ':memory:'
    works too), in autocommit mode with rows as ``sqlite3.Row``; or, for a
    ``postgresql://`` URL, to that server, with the same calling surface."""
    if is_server_url(path):
        return connect_server(path)
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


def connect_server(url: str) -> sqlite3.Connection:
    """A PostgreSQL ledger's connection (psycopg is an optional extra: a clear error without
    it). It answers the calls the query modules make of a ``sqlite3.Connection``, which
    is the type they are written against."""
    try:
        from storyledger.store import postgresql
    except ImportError as exc:
        raise StoreError(Msg.POSTGRESQL_MISSING.format(url=url)) from exc
    conn: Any = postgresql.connect_postgresql(url, schema_version_known(), now_iso())
    return conn
