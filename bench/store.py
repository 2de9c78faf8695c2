"""The store at scale, on SQLite or PostgreSQL: ingest and link of ARTICLES generated news
reports of one developing story (``bench/news.py``, all of them one story), with one writer
and with two (two processes ingesting halves of them at once); then the story page and the
facts API (its first page), p50 / p95 over real HTTP, on the one-writer ledger.

Each ledger is built afresh through the real pipeline (extraction, storage, linking): a
SQLite file is deleted first, a PostgreSQL database must be empty. The two-writer ledger
is compared with the one-writer one (its stories, and each figure's label, unit, modality
and values with their dates and articles). The server runs as `storyledger serve` in its
own process and is measured one request at a time after WARMUP requests, as bench/web.py
does; the load average is printed before and after (the machine may be shared).

    .venv/bin/python bench/store.py                            # SQLite files in /tmp
    .venv/bin/python bench/store.py --articles 2000            # a quicker look
    .venv/bin/python bench/store.py --db postgresql://u@host/a --db2 postgresql://u@host/b
    .venv/bin/python bench/store.py --reads-only --db /tmp/onestory.db   # an existing ledger

With --reads-only the ledger is first brought up to date as its next ingest would (what
is pending is linked, and the summaries of a ledger from before migration 012 are kept).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.news import generated_articles
from bench.web import WARMUP, free_port, load
from storyledger.ingest.pipeline import ingest_articles
from storyledger.link.pipeline import link_pending
from storyledger.report.facts import facts_data
from storyledger.report.stories import stories_data
from storyledger.store.connection import is_server_url
from storyledger.store.sqlite import open_ledger

TARGET_MS = 100
WRITERS = 2


def fresh(db: str) -> None:
    """Make ``db`` a new ledger: delete a SQLite file (and its WAL), refuse a non-empty
    PostgreSQL database (this script does not empty other people's ledgers)."""
    if is_server_url(db):
        with open_ledger(db) as ledger:
            if ledger.count_articles():
                raise SystemExit(f"{db} holds articles: give an empty database")
        return
    for leftover in Path(db).parent.glob(Path(db).name + "*"):
        leftover.unlink()


def write(db: str, articles: int, part: int, parts: int, workers: int) -> None:
    """Ingest (extract, store, link) every ``parts``-th generated article from ``part``."""
    chosen = generated_articles(articles, 1)[part::parts]
    with open_ledger(db) as ledger:
        ingest_articles(ledger, chosen, workers=workers)


def timed_writers(db: str, articles: int, writers: int, workers: int) -> float:
    """Seconds for ``writers`` processes to ingest their shares of the articles at once."""
    fresh(db)
    with open_ledger(db):  # created and migrated before the writers race for it
        pass
    context = multiprocessing.get_context("spawn")
    started = time.perf_counter()
    processes = [
        context.Process(target=write, args=(db, articles, part, writers, workers))
        for part in range(writers)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
        if process.exitcode != 0:
            raise SystemExit(f"a writer failed (exit code {process.exitcode})")
    return time.perf_counter() - started


def ledger_shape(db: str) -> tuple[str, Any]:
    """A line about the ledger, and what two ledgers of the same articles share: their
    stories' article sets and each figure's label, unit, modality and values (with their
    times and articles)."""
    with open_ledger(db) as ledger:
        stories = stories_data(ledger)
        figures = facts_data(ledger)
    observations = sum(len(f["observations"]) for f in figures)
    line = (
        f"{sum(len(s['articles']) for s in stories)} articles, {len(stories)} stories,"
        f" {len(figures)} figures, {observations} observations"
    )
    same = (
        sorted(sorted(s["articles"]) for s in stories),
        sorted(
            (
                f["label"],
                f["unit"],
                f["modality"],
                sorted((o["value"], o["as_of"] or "", o["article"]) for o in f["observations"]),
            )
            for f in figures
        ),
    )
    return line, same


def start_server(db: str, port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "storyledger", "--db", db, "serve", "--read-only"]
    server = subprocess.Popen([*command, "--port", str(port)])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/v1/stories", timeout=5)
            return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start")


def measure_reads(db: str, requests: int) -> None:
    """p50 / p95 / max of the story page and the facts API on the ledger's largest story."""
    port = free_port()
    server = start_server(db, port)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            stories = client.get("/api/v1/stories").json()
            story = max(stories, key=lambda s: len(s["articles"]))
            facts = client.get(f"/api/v1/stories/{story['id']}/facts").json()
            print(
                f"measured story: {len(story['articles'])} articles, {facts['total']} figures"
                f" ({len(facts['figures'])} on the facts API's first page)"
            )
            for name, url in (
                ("story page", f"/stories/{story['id']}"),
                ("facts API", f"/api/v1/stories/{story['id']}/facts"),
            ):
                size = len(client.get(url).content)
                times = latencies(client, url, requests)
                p95 = statistics.quantiles(times, n=20)[-1]
                verdict = "ok" if p95 < TARGET_MS else f"over the {TARGET_MS} ms target"
                print(
                    f"{name:11s} p50 {statistics.median(times):6.1f} ms   p95 {p95:6.1f} ms"
                    f"   max {max(times):6.1f} ms   ({requests} requests, {size:,} bytes)"
                    f"   {verdict}"
                )
    finally:
        server.terminate()
        server.wait(timeout=10)


def latencies(client: httpx.Client, url: str, requests: int) -> list[float]:
    for _ in range(WARMUP):
        client.get(url).raise_for_status()
    found = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(url).raise_for_status()
        found.append((time.perf_counter() - started) * 1000)
    return found


def brought_up_to_date(db: str) -> None:
    """Link what is pending and keep the summaries marked (those of every figure of a ledger
    from before migration 012), as the ledger's next ingest would; timed."""
    started = time.perf_counter()
    with open_ledger(db) as ledger:
        linked = link_pending(ledger)
    print(
        f"brought up to date: {linked} articles linked, summaries kept,"
        f" {time.perf_counter() - started:.1f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2, help="extraction workers in all")
    parser.add_argument("--db", default=None, help="the one-writer ledger (a path or a URL)")
    parser.add_argument("--db2", default=None, help="the two-writer ledger (a path or a URL)")
    parser.add_argument(
        "--reads-only",
        action="store_true",
        help="measure the reads of --db, an existing ledger (brought up to date first)",
    )
    args = parser.parse_args()
    db = args.db or f"/tmp/storyledger-bench-store-{args.articles}.db"
    print(f"load average before: {load()}  ({os.cpu_count()} cores)")
    if not args.reads_only:
        db2 = args.db2 or (f"{db}.two-writers" if not is_server_url(db) else None)
        if db2 is None:
            raise SystemExit("give --db2, an empty database for the two writers")
        one = timed_writers(db, args.articles, 1, args.workers)
        shape, same = ledger_shape(db)
        print(f"one writer:  {one:6.0f} s, {args.articles / one:5.1f} articles/s ({shape})")
        two = timed_writers(db2, args.articles, WRITERS, max(1, args.workers // WRITERS))
        shape2, same2 = ledger_shape(db2)
        print(f"two writers: {two:6.0f} s, {args.articles / two:5.1f} articles/s ({shape2})")
        print(f"two writers' ledger is the one writer's: {'yes' if same2 == same else 'NO'}")
    else:
        brought_up_to_date(db)
    measure_reads(db, args.requests)
    print(f"load average after:  {load()}")


if __name__ == "__main__":
    main()
