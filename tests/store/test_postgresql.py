"""The PostgreSQL ledger itself: the same migrations as SQLite's, applied once, a newer
schema refused, rows as sqlite3's, and a clear error when psycopg is missing."""

from __future__ import annotations

import subprocess
import sys

import psycopg
import pytest

from storyledger.errors import StoreError
from storyledger.model import Article, content_id
from storyledger.store import open_ledger
from storyledger.store.connection import _migrations, schema_version_known
from storyledger.store.postgresql import migrations, pyformat


def test_both_dialects_have_the_same_migrations() -> None:
    sqlite = [(version, name) for version, name, _ in _migrations()]
    server = [(version, name) for version, name, _ in migrations()]
    assert server == sqlite
    assert [version for version, _ in sqlite] == list(range(1, len(sqlite) + 1))


def test_a_new_ledger_gets_every_migration_once(postgresql_url: str) -> None:
    with open_ledger(postgresql_url) as ledger:
        versions = [row[0] for row in ledger.conn.execute("SELECT version FROM schema_version")]
        assert sorted(versions) == list(range(1, schema_version_known() + 1))
    with open_ledger(postgresql_url) as ledger:  # opening again changes nothing
        count = ledger.conn.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0]
        assert count == schema_version_known()


def test_a_ledger_from_a_newer_version_is_refused(postgresql_url: str) -> None:
    with psycopg.connect(postgresql_url, autocommit=True) as conn:
        conn.execute("INSERT INTO schema_version VALUES (999, '999_future.sql', 'then')")
    with pytest.raises(StoreError, match="newer storyledger"):
        open_ledger(postgresql_url)


def test_an_unreachable_server_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match="cannot open the PostgreSQL ledger"):
        open_ledger("postgresql://nobody@/nothing?host=/nonexistent")


def test_rows_answer_as_sqlite_rows(postgresql_url: str) -> None:
    with open_ledger(postgresql_url) as ledger:
        row = ledger.conn.execute("SELECT 1 AS one, 'a%' AS two, ? AS three", ("?",)).fetchone()
        assert (row[0], row["two"], row["three"]) == (1, "a%", "?")
        assert dict(row) == {"one": 1, "two": "a%", "three": "?"}
        assert tuple(row) == (1, "a%", "?")
        for text in ("One report.", "Another report."):
            ledger.add_article(Article(id=content_id(text), text=text))
        total, half = ledger.conn.execute(
            "SELECT SUM(seq), SUM(seq) / 2.0 FROM articles"
        ).fetchone()
        assert (total, half) == (3, 1.5)  # NUMERIC as SQLite's types: int when whole, else float
        assert type(total) is int and type(half) is float


def test_marks_outside_literals_become_placeholders() -> None:
    assert pyformat("SELECT '?', \"a?\", ? WHERE x LIKE 'a%'") == (
        "SELECT '?', \"a?\", %s WHERE x LIKE 'a%%'"
    )


def test_without_psycopg_a_server_url_says_how_to_install_it() -> None:
    code = (
        "import sys; sys.modules['psycopg'] = None\n"
        "from storyledger.store import open_ledger\n"
        "open_ledger('postgresql://someone@somewhere/ledger')"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode != 0
    assert "pip install 'storyledger[postgresql]'" in done.stderr
