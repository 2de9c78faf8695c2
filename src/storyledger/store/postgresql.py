"""A ledger on a PostgreSQL server (``--db postgresql://user@host/db``), through psycopg 3 and
a connection pool.

The query modules are written once, for the calling surface of ``sqlite3``: statements with
``?`` marks, ``conn.execute(sql, params)`` giving rows with index and key access. This
module gives a PostgreSQL connection that surface (``PgConnection``), so the same
statements run on both; the few that must differ ask ``connection.dialect``.

Connections come from one pool per server URL and process: outside a transaction a
statement borrows one for as long as it runs (its rows are read whole), so the web app's
threads share a few; a transaction holds one from BEGIN to COMMIT. Every write transaction
first takes the ledger's writer lock (``pg_advisory_xact_lock``), which serializes writers
as SQLite's ``BEGIN IMMEDIATE`` does, and is let go at COMMIT or ROLLBACK, or when the
server sees the connection die (a killed process holds nothing).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any

import psycopg
from psycopg.adapt import Loader
from psycopg.rows import RowMaker
from psycopg_pool import ConnectionPool, PoolTimeout

from storyledger.errors import Msg, StoreError

# Advisory lock keys (any two 64-bit numbers of our own): writers, and migrating the schema.
WRITER_LOCK = 0x5354_4C45_4447_0001
MIGRATION_LOCK = 0x5354_4C45_4447_0002
POOL_SIZE = 8  # the web app's threads share these
CONNECT_TIMEOUT_S = 10


# -- statements: sqlite3's ``?`` marks as psycopg's ``%s`` ---------------------------------

# a quoted literal or identifier (left as it is but for its '%'), a mark, or a '%'
_TOKEN = re.compile(r"'(?:[^']|'')*'|\"[^\"]*\"|\?|%")


@lru_cache(maxsize=1024)
def pyformat(sql: str) -> str:
    """``sql`` with its ``?`` marks as ``%s`` and every ``%`` doubled (psycopg reads ``%``)."""

    def swap(token: re.Match[str]) -> str:
        text = token.group(0)
        return "%s" if text == "?" else text.replace("%", "%%")

    return _TOKEN.sub(swap, sql)


# -- rows: index and key access, keys(), dict(row), as sqlite3.Row ------------------------


class Row(tuple[Any, ...]):
    """A result row as ``sqlite3.Row`` is one: a tuple that also answers ``row["name"]``."""

    columns: dict[str, int]

    def __new__(cls, values: Sequence[Any], columns: dict[str, int]) -> Row:
        row = super().__new__(cls, values)
        row.columns = columns
        return row

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self.columns[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self.columns)


def named_rows(cursor: Any) -> RowMaker[Row]:
    """psycopg row factory of ``Row``s (the column index is computed once per result)."""
    columns = {column.name: i for i, column in enumerate(cursor.description or ())}
    return lambda values: Row(values, columns)


def plain_rows(cursor: Any) -> RowMaker[tuple[Any, ...]]:
    return tuple


class NumberLoader(Loader):
    """NUMERIC (what SUM of integers gives) as int when whole, else float: SQLite's types."""

    def load(self, data: Any) -> int | float:
        number = Decimal(bytes(data).decode())
        return int(number) if number == number.to_integral_value() else float(number)


class Result:
    """The rows of one statement, read whole: fetchone, fetchall, iteration, rowcount."""

    def __init__(self, rows: list[Any], rowcount: int) -> None:
        self._rows = iter(rows)
        self.rowcount = rowcount

    def fetchone(self) -> Any:
        return next(self._rows, None)

    def fetchall(self) -> list[Any]:
        return list(self._rows)

    def __iter__(self) -> Iterator[Any]:
        return self._rows


class Cursor(Result):
    """``conn.cursor()``: ``row_factory = None`` gives plain tuples, as with sqlite3."""

    def __init__(self, conn: PgConnection) -> None:
        super().__init__([], -1)
        self._conn = conn
        self.row_factory: object = named_rows

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        factory = plain_rows if self.row_factory is None else named_rows
        result = self._conn.run(sql, params, factory)
        self._rows, self.rowcount = result._rows, result.rowcount
        return self


# -- the connection ------------------------------------------------------------------------


class PgConnection:
    """A ledger's connection to PostgreSQL with the calling surface of ``sqlite3.Connection``
    that the query modules use: execute, executemany, cursor, close; and ``begin``/``commit``/
    ``rollback`` for ``connection.transaction``."""

    dialect = "postgresql"

    def __init__(self, pool: ConnectionPool, url: str) -> None:
        self.pool = pool
        self.url = url
        self._held: psycopg.Connection[Any] | None = None  # during a transaction
        self.closed = False

    def run(self, sql: str, params: Sequence[Any], factory: Any = named_rows) -> Result:
        if self._held is not None:
            return self._run_on(self._held, sql, params, factory)
        with self.pool.connection() as raw:
            return self._run_on(raw, sql, params, factory)

    @staticmethod
    def _run_on(
        raw: psycopg.Connection[Any], sql: str, params: Sequence[Any], factory: Any
    ) -> Result:
        with raw.cursor(row_factory=factory) as cursor:
            cursor.execute(pyformat(sql), tuple(params))
            rows = cursor.fetchall() if cursor.description is not None else []
            return Result(rows, cursor.rowcount)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Result:
        return self.run(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        many = [tuple(row) for row in rows]
        if not many:
            return
        if self._held is not None:
            self._held.cursor().executemany(pyformat(sql), many)
            return
        with self.pool.connection() as raw, raw.transaction():
            raw.cursor().executemany(pyformat(sql), many)

    def cursor(self) -> Cursor:
        return Cursor(self)

    def begin(self, read_only: bool = False) -> None:
        """Start a write transaction on a connection of its own, holding the writer lock;
        or, ``read_only``, one that reads a single snapshot and takes no lock."""
        self._held = self.pool.getconn()
        try:
            if read_only:
                self._held.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                return
            self._held.execute("BEGIN")
            self._held.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
        except BaseException:
            self._release("ROLLBACK")
            raise

    def commit(self) -> None:
        self._release("COMMIT")

    def rollback(self) -> None:
        self._release("ROLLBACK")

    def _release(self, ending: str) -> None:
        held, self._held = self._held, None
        if held is None:
            return
        try:
            if not held.closed:
                held.execute(ending)
        finally:
            self.pool.putconn(held)

    def close(self) -> None:
        """Give the pool back (closing it after its last ledger); closing twice is harmless."""
        if self.closed:
            return
        self.closed = True
        self.rollback()
        release_pool(self.url)


# -- pools, one per URL and process --------------------------------------------------------

_pools: dict[str, tuple[ConnectionPool, int]] = {}  # url -> (pool, ledgers open on it)
_pools_lock = threading.Lock()


def configure(raw: psycopg.Connection[Any]) -> None:
    raw.adapters.register_loader("numeric", NumberLoader)


def acquire_pool(url: str) -> ConnectionPool:
    with _pools_lock:
        pool, users = _pools.get(url, (None, 0))
        if pool is None:
            pool = ConnectionPool(
                url,
                min_size=1,
                max_size=POOL_SIZE,
                kwargs={"autocommit": True},
                configure=configure,
                timeout=CONNECT_TIMEOUT_S * 6,
                open=False,
            )
            pool.open(wait=True, timeout=CONNECT_TIMEOUT_S)
        _pools[url] = (pool, users + 1)
        return pool


def release_pool(url: str) -> None:
    """One ledger fewer on the pool of ``url``; the last one closes it."""
    with _pools_lock:
        pool, users = _pools[url]
        if users > 1:
            _pools[url] = (pool, users - 1)
            return
        del _pools[url]
    pool.close()


# -- opening, migrations -------------------------------------------------------------------


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every PostgreSQL migration shipped with the package, in order:
    the same versions and names as the SQLite ones (a test checks it)."""
    folder = resources.files("storyledger.store") / "migrations" / "postgresql"
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            version = int(entry.name.split("_", 1)[0])
            found.append((version, entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def migrate(url: str, known: int, applied_at: str) -> None:
    """Apply the migrations the ledger has not had, each in one transaction with its row in
    ``schema_version``; two processes opening a new ledger at once migrate it once."""
    connecting = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
    with connecting as raw, raw.transaction():
        raw.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        raw.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
            " name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        row = raw.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()
        current = int(row[0]) if row else 0
        if current > known:
            raise StoreError(Msg.DB_NEWER.format(path=url, found=current, known=known))
        for version, name, sql in migrations():
            if version > current:
                raw.execute(sql.encode())  # no parameters: run as one script
                raw.execute(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (%s, %s, %s)",
                    (version, name, applied_at),
                )


def connect_postgresql(url: str, known: int, applied_at: str) -> PgConnection:
    """A connection to the ledger on the server at ``url``, migrated as needed."""
    try:
        migrate(url, known, applied_at)
        return PgConnection(acquire_pool(url), url)
    except (psycopg.Error, PoolTimeout) as exc:
        raise StoreError(Msg.POSTGRESQL_UNREACHABLE.format(url=url, detail=exc)) from exc
