"""One ledger on a PostgreSQL server, as a team uses it: the demo corpus gives the same
ledger as on SQLite; two ``ingest`` processes writing at once while a reader reads lose
nothing, duplicate nothing and leave the ledger one process makes linking the same articles
in the same order; a SIGKILL mid-batch (storing, then linking) leaves every article
exactly once after a re-run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from bench.throughput import synthetic_articles
from tests.postgresql_server import Server
from typer.testing import CliRunner

from storyledger.cli import app
from storyledger.demo import CORPUS, corpus_articles
from storyledger.ingest.pipeline import ingest_articles
from storyledger.link.pipeline import link_article, link_pending
from storyledger.model import content_id
from storyledger.report.facts import facts_data
from storyledger.report.stories import stories_data
from storyledger.store import Ledger, open_ledger

CLI = [sys.executable, "-c", "from storyledger.cli import main; main()"]
# What a reader of the whole ledger sees: the public JSON views.
VIEWS = (
    ("facts", "--json"),
    ("stories", "--json"),
    ("timeline", "--json", "--all"),
    ("articles", "--json"),
)
runner = CliRunner()


def view(db: str, *command: str) -> Any:
    result = runner.invoke(app, ["--db", db, *command])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_demo_corpus_gives_the_same_ledger_on_both_backends(
    tmp_path: Path, postgresql_url: str
) -> None:
    sqlite_db = str(tmp_path / "demo.db")
    for db in (sqlite_db, postgresql_url):
        with open_ledger(db) as ledger:
            report = ingest_articles(ledger, corpus_articles())
            assert report.ok and len(report.added) == len(corpus_articles())
    facts = view(sqlite_db, "facts", "--json")
    assert len(facts) > 20 and sum(len(f["observations"]) for f in facts) > 100
    for command in VIEWS:  # labels, units, modalities, values, articles, dates: all of it
        assert view(postgresql_url, *command) == view(sqlite_db, *command), command


# -- two writers at once ------------------------------------------------------------------


def demo_halves(folder: Path) -> list[Path]:
    """The demo corpus dealt into two files, alternately by line (so both writers add to
    the same story all along)."""
    lines = (Path(__file__).parents[2] / "src/storyledger/demo" / CORPUS).read_text().splitlines()
    halves = [folder / "first.jsonl", folder / "second.jsonl"]
    for number, half in enumerate(halves):
        half.write_text("\n".join(lines[number::2]) + "\n", encoding="utf-8")
    return halves


def link_order(url: str) -> list[str]:
    """The articles in the order the link stage took them: each link transaction first marks
    its article linked, after taking the writer lock, so the server's transaction ids (the
    xmin of the article's row) number those transactions in the order they ran."""
    with open_ledger(url) as ledger:
        rows = ledger.conn.execute("SELECT id FROM articles ORDER BY xmin::text::bigint")
        return [row[0] for row in rows]


def replay(source: str, target: str, order: list[str]) -> None:
    """One process: the same articles and extractions stored in the same order, then linked
    one at a time in ``order``."""
    with open_ledger(source) as stored, open_ledger(target) as ledger:
        for article in stored.iter_articles():
            assert ledger.add_article(article, stored.get_extraction(article.id))
        for article_id in order:
            link_article(ledger, article_id)
        link_pending(ledger)  # nothing is pending: the batch's end only


def read_while_running(url: str, processes: list[subprocess.Popen[bytes]]) -> int:
    """Read the ledger's views until the writers are done, each from one snapshot: every
    read sees whole articles, never fewer than before. Returns how many reads were made."""
    reads, seen = 0, 0
    with open_ledger(url) as ledger:
        while any(process.poll() is None for process in processes):
            with ledger.snapshot():
                count = read_views(ledger)
            assert count >= seen
            seen = count
            reads += 1
    return reads


def read_views(ledger: Ledger) -> int:
    """The stories, articles and facts of the ledger, checked (every linked article is
    stored); returns how many articles there are."""
    linked = {a for story in stories_data(ledger) for a in story["articles"]}
    stored = {summary["id"] for summary in ledger.article_summaries()}
    assert linked <= stored
    facts_data(ledger)
    return len(stored)


def test_two_writers_at_once_give_the_ledger_of_one(
    tmp_path: Path, postgresql_server: Server
) -> None:
    url = postgresql_server.fresh_database()
    writers = [
        subprocess.Popen(
            [*CLI, "--db", url, "ingest", str(half), "--json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for half in demo_halves(tmp_path)
    ]
    reads = read_while_running(url, writers)
    reports = []
    for writer in writers:
        out, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err.decode()
        reports.append(json.loads(out))
    assert reads > 0
    total = len(corpus_articles())
    assert sum(report["added"] for report in reports) == total  # nothing lost
    with open_ledger(url) as ledger:  # nothing duplicated, everything linked once
        conn = ledger.conn
        assert ledger.count_articles() == total
        assert conn.execute("SELECT COUNT(*) FROM articles WHERE linked = 0").fetchone()[0] == 0
        assert conn.execute("SELECT COUNT(*) FROM article_story").fetchone()[0] == total
        twice = conn.execute(
            "SELECT COUNT(*) FROM (SELECT article_id, claim FROM observations"
            " GROUP BY article_id, claim HAVING COUNT(*) > 1) repeated"
        ).fetchone()[0]
        assert twice == 0
    one = postgresql_server.fresh_database()
    replay(url, one, link_order(url))
    for command in VIEWS:
        assert view(url, *command) == view(one, *command), command


# -- a kill mid-batch ------------------------------------------------------------------------

ARTICLES = 40
KILL_AFTER = 8  # articles committed (stored, then linked) before each kill


def counts(url: str) -> tuple[int, int]:
    """(articles stored, articles linked) as another reader sees them."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute("SELECT COUNT(*), COUNT(*) FILTER (WHERE linked = 1) FROM articles")
        stored, linked = row.fetchone() or (0, 0)
        return int(stored), int(linked)


def kill_when(url: str, command: list[str], ready: int, linked: bool) -> None:
    """Run ``command`` and SIGKILL it once ``ready`` articles are stored (linked, if
    ``linked``)."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 180
    while counts(url)[1 if linked else 0] < ready:
        if process.poll() is not None:
            pytest.fail(f"ingest ended before the kill: {process.stderr.read().decode()}")
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail("nothing to kill within 180 s")
        time.sleep(0.005)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    process.stderr.close()
    assert process.returncode == -signal.SIGKILL


def assert_whole(url: str) -> list[str]:
    """Every stored article whole (its extraction, no orphan rows), linked at most once;
    returns the ids in ingestion order."""
    with open_ledger(url) as ledger:
        conn = ledger.conn
        ids = [row[0] for row in conn.execute("SELECT id FROM articles ORDER BY seq")]
        without_extraction = conn.execute(
            "SELECT COUNT(*) FROM articles a LEFT JOIN extractions e ON e.article_id = a.id"
            " WHERE e.article_id IS NULL OR a.extractor_version IS NULL"
        ).fetchone()[0]
        assert without_extraction == 0
        linked = conn.execute("SELECT COUNT(*) FROM articles WHERE linked = 1").fetchone()[0]
        assert conn.execute("SELECT COUNT(*) FROM article_story").fetchone()[0] == linked
        return ids


def test_a_kill_mid_batch_leaves_every_article_once_after_a_rerun(
    tmp_path: Path, postgresql_url: str
) -> None:
    texts = synthetic_articles(ARTICLES, seed=11)
    folder = tmp_path / "batch"
    folder.mkdir()
    for number, text in enumerate(texts):
        (folder / f"{number:03d}.txt").write_text(text, encoding="utf-8")
    command = [*CLI, "--db", postgresql_url, "ingest", str(folder), "--published", "2024-06-26"]

    kill_when(postgresql_url, [*command, "-q"], KILL_AFTER, linked=False)  # storing
    before = assert_whole(postgresql_url)
    assert KILL_AFTER <= len(before) < ARTICLES
    kill_when(postgresql_url, [*command, "-q"], KILL_AFTER, linked=True)  # linking
    assert_whole(postgresql_url)

    rerun = subprocess.run([*command, "--json"], capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    after = assert_whole(postgresql_url)
    assert sorted(after) == sorted({content_id(text) for text in texts})
    assert after[: len(before)] == before  # the committed articles kept their place
    assert counts(postgresql_url) == (ARTICLES, ARTICLES)  # every article linked, once
