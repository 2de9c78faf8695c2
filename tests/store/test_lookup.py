"""The store's shared reads: ids from unique prefixes, and chunked IN (...) lists."""

from __future__ import annotations

import sqlite3

import pytest

from storyledger.errors import NotFoundError
from storyledger.store.lookup import SQL_CHUNK, chunked, resolve_id, rows_in


@pytest.fixture
def conn() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE figures (id TEXT PRIMARY KEY)")
    conn.execute("CREATE TABLE stories (id TEXT PRIMARY KEY)")
    conn.executemany("INSERT INTO figures VALUES (?)", [("abc1",), ("abc2",), ("abd",)])
    conn.execute("INSERT INTO stories VALUES ('s_1')")
    return conn


def test_an_id_resolves_from_itself_or_a_unique_prefix(conn: sqlite3.Connection) -> None:
    assert resolve_id(conn, "figures", "abc1") == "abc1"
    assert resolve_id(conn, "figures", "abd") == "abd"
    assert resolve_id(conn, "figures", "abd%") == "abd"  # LIKE's wildcards are dropped
    assert resolve_id(conn, "stories", "s_1") == "s_1"  # an exact id keeps its underscore


def test_an_unknown_or_shared_prefix_is_an_error(conn: sqlite3.Connection) -> None:
    with pytest.raises(NotFoundError, match="no figure with id 'x'"):
        resolve_id(conn, "figures", "x")
    with pytest.raises(NotFoundError, match="'abc' matches more than one figure: abc1, abc2"):
        resolve_id(conn, "figures", "abc")


def test_a_blank_prefix_matches_only_when_asked(conn: sqlite3.Connection) -> None:
    with pytest.raises(NotFoundError, match="no story with id '%'"):
        resolve_id(conn, "stories", "%")
    assert resolve_id(conn, "stories", "%", blank_matches=True) == "s_1"


def test_long_key_lists_are_read_in_chunks(conn: sqlite3.Connection) -> None:
    keys = [f"k{n:05d}" for n in range(2 * SQL_CHUNK + 7)]
    conn.execute("CREATE TABLE t (key TEXT, story TEXT)")
    conn.executemany("INSERT INTO t VALUES (?, ?)", [(k, "a") for k in keys] + [("k0", "b")])
    assert [len(c) for c in chunked(keys)] == [SQL_CHUNK, SQL_CHUNK, 7]
    sql = "SELECT key FROM t WHERE story = ? AND key IN ({marks}) ORDER BY key"
    found = [row[0] for row in rows_in(conn, sql, keys, before=("a",))]
    assert found == keys
