"""A real kill: SIGKILL `storyledger ingest` mid-batch, check the ledger, re-run, check again."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from bench.throughput import synthetic_articles

from storyledger.extract.pipeline import extract
from storyledger.model import content_id
from storyledger.store.sqlite import open_ledger

ARTICLES = 60
KILL_AFTER = 8  # articles committed before the kill
CLI = [sys.executable, "-c", "from storyledger.cli import main; main()"]


def stored_count(db: Path) -> int:
    """Articles committed so far, read from outside as any other reader would."""
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # the ledger is not created yet
        return 0


def ingest_command(db: Path, folder: Path) -> list[str]:
    return [*CLI, "--db", str(db), "ingest", str(folder), "--published", "2024-06-26", "-q"]


def kill_mid_batch(db: Path, folder: Path) -> None:
    process = subprocess.Popen(
        ingest_command(db, folder), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 120
    while stored_count(db) < KILL_AFTER:
        if process.poll() is not None:
            pytest.fail(f"ingest ended before the kill: {process.stderr.read().decode()}")
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail("no article was stored within 120 s")
        time.sleep(0.005)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    process.stderr.close()
    assert process.returncode == -signal.SIGKILL


def assert_consistent(db: Path) -> list[str]:
    """Every stored article whole: its extraction row, no orphans, FTS in step; returns ids."""
    with open_ledger(db) as ledger:
        conn = ledger.conn
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        ids = [row[0] for row in conn.execute("SELECT id FROM articles ORDER BY seq")]
        without_extraction = conn.execute(
            "SELECT COUNT(*) FROM articles a LEFT JOIN extractions e ON e.article_id = a.id"
            " WHERE e.article_id IS NULL OR a.extractor_version IS NULL"
        ).fetchone()[0]
        assert without_extraction == 0
        for table in ("mentions", "claims", "extractions"):
            orphans = conn.execute(
                f"SELECT COUNT(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)"
            ).fetchone()[0]
            assert orphans == 0, table
        assert conn.execute("SELECT COUNT(*) FROM articles_fts").fetchone()[0] == len(ids)
        if ids:  # the last article committed is whole, not half-written
            last = ledger.get_article(ids[-1])
            assert ledger.get_extraction(last.id) == extract(last.text, "2024-06-26")
        return ids


def test_kill_during_ingest_loses_nothing_and_rerun_completes(tmp_path: Path) -> None:
    texts = synthetic_articles(ARTICLES, seed=11)
    folder = tmp_path / "batch"
    folder.mkdir()
    for number, text in enumerate(texts):
        (folder / f"{number:03d}.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "ledger.db"

    kill_mid_batch(db, folder)
    before = assert_consistent(db)
    assert KILL_AFTER <= len(before) < ARTICLES

    rerun = subprocess.run(ingest_command(db, folder), capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert f"added {ARTICLES - len(before)}, already present {len(before)}, failed 0" in (
        rerun.stdout
    )
    after = assert_consistent(db)
    assert sorted(after) == sorted({content_id(text) for text in texts})
    assert after[: len(before)] == before  # the committed articles kept their place
    with open_ledger(db) as ledger:
        unlinked = ledger.conn.execute("SELECT COUNT(*) FROM articles WHERE linked = 0")
        assert unlinked.fetchone()[0] == 0
