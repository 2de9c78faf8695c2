"""Web latency on a ledger of 10,000 articles: story page and facts API, p50 / p95.

The ledger is built through the real pipeline (extraction, storage, linking)
from the generated news of ``bench/news.py``: STORIES developing stories of ten
kinds, Zipf-sized, each told over months by a dozen outlets and a wire service
whose stories they reprint, with developing figures, dated milestones and
quotes. It is built once and cached (delete it to rebuild; a build that was
interrupted is never taken for a whole one). Its relations are checked against
those computed over each whole figure (the link stage computes them article by
article, and they must agree). The server runs as
`storyledger serve` in its own process and is measured over real HTTP from
this one, one request at a time, on the largest story; the first WARMUP
requests of each URL are left out. The load average is printed before and
after: the machine may be shared, and a busy machine shows in the p95.

    .venv/bin/python bench/web.py                  # 10,000 articles, 200 requests per URL
    .venv/bin/python bench/web.py --articles 2000  # a quicker look
    .venv/bin/python bench/web.py --stories 1      # one story of 10,000 articles
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.news import generated_articles
from storyledger.ingest.pipeline import ingest_articles
from storyledger.link.figures import obs_of_row, observation_rows
from storyledger.link.relations import assign_relations
from storyledger.store.sqlite import open_ledger

STORIES = 20
WARMUP = 10
TARGET_MS = 100


def build_ledger(path: Path, total: int, workers: int, stories: int = STORIES) -> None:
    articles = generated_articles(total, stories)
    started = time.perf_counter()
    partial = path.with_name(path.name + ".building")
    for leftover in partial.parent.glob(partial.name + "*"):
        leftover.unlink()
    with open_ledger(partial) as ledger:
        report = ingest_articles(ledger, articles, workers=workers, progress=True)
    partial.rename(path)  # only a finished build is cached
    elapsed = time.perf_counter() - started
    print(f"built {len(report.added)} articles in {elapsed:.0f} s ({path})")


def relations_check(path: Path) -> str:
    """How many stored relations differ from those computed over each whole figure (the
    link stage computes them incrementally, article by article: they must be the same)."""
    with open_ledger(path) as ledger:
        conn = ledger.conn
        differ = total = 0
        for (figure_id,) in conn.execute("SELECT id FROM figures").fetchall():
            rows = observation_rows(conn, figure_id, None)
            stored = {row["id"]: (row["relation"], row["relation_to"]) for row in rows}
            for obs in assign_relations([obs_of_row(row) for row in rows]):
                total += 1
                differ += stored[obs.id] != (obs.relation, obs.relation_to)
    return f"relations differing from the whole figure's: {differ} of {total}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(path: Path, port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "storyledger",
            "--db",
            str(path),
            "serve",
            "--port",
            str(port),
            "--read-only",
        ],
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/v1/stories", timeout=5)
            return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start")


def latencies(client: httpx.Client, url: str, requests: int) -> list[float]:
    for _ in range(WARMUP):  # warm caches (SQLite pages, templates, the thread's connection)
        client.get(url).raise_for_status()
    found = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(url).raise_for_status()
        found.append((time.perf_counter() - started) * 1000)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--stories", type=int, default=STORIES, help="1: one story of them all")
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    named = "" if args.stories == STORIES else f"-{args.stories}-stories"
    path = args.db or Path(f"/tmp/storyledger-bench-news-{args.articles}{named}.db")
    if not path.exists():
        build_ledger(path, args.articles, args.workers, args.stories)
    print(relations_check(path))
    print(f"load average before: {load()}  ({os.cpu_count()} cores)")
    port = free_port()
    server = start_server(path, port)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            stories = client.get("/api/v1/stories").json()
            story = max(stories, key=lambda s: len(s["articles"]))
            figures = client.get(f"/api/v1/stories/{story['id']}/facts").json()["total"]
            print(
                f"ledger: {sum(len(s['articles']) for s in stories)} articles, "
                f"{len(stories)} stories; measured story: {len(story['articles'])} articles, "
                f"{figures} figures"
            )
            for name, url in (
                ("story page", f"/stories/{story['id']}"),
                ("facts API", f"/api/v1/stories/{story['id']}/facts"),
            ):
                size = len(client.get(url).content)
                times = latencies(client, url, args.requests)
                p95 = statistics.quantiles(times, n=20)[-1]
                verdict = "ok" if p95 < TARGET_MS else f"over the {TARGET_MS} ms target"
                print(
                    f"{name:11s} p50 {statistics.median(times):6.1f} ms   p95 {p95:6.1f} ms"
                    f"   max {max(times):6.1f} ms   ({args.requests} requests, {size:,} bytes)"
                    f"   {verdict}"
                )
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"load average after:  {load()}")


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
