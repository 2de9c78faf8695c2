"""Extraction throughput on Ray against local worker processes, side by side in one run.

    .venv/bin/python bench/ray_throughput.py [--articles 300] [--workers 2] [--rounds 3]

Starts a local Ray cluster of ``--workers`` CPUs, then extracts the same texts
(bench/throughput.py's synthetic news reports) with ``--workers`` local
processes (``ParallelExtractor``) and with as many Ray actors (``RayExtractor``,
what `ingest --engine ray` runs), alternating the two for ``--rounds`` rounds
so that other load on the machine falls on both alike. Both keep their
processes across rounds and are warmed up first: model loading is left out of
every rate. Target: Ray >= 0.8 x local (issue 14). The CPU seconds the worker
processes spent are printed too (Ray's overhead shows there as well).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import ray  # noqa: E402

from bench.throughput import Run, count_tokens, print_table, synthetic_articles  # noqa: E402
from storyledger.extract.parallel import BATCH_SIZE, Job, Outcome, ParallelExtractor  # noqa: E402
from storyledger.extract.ray_engine import RayExtractor, start_local_ray  # noqa: E402

TARGET = 0.8  # Ray / local articles per second


class Extractor(Protocol):
    cpu_seconds: dict[int, float]
    peak_rss: dict[int, int]

    def map(self, items: list[Job], job: Callable[[Job], Job]) -> Iterator[tuple[Job, Outcome]]: ...


def timed_run(name: str, extractor: Extractor, jobs: list[Job], tokens: int) -> Run:
    """One pass of ``jobs`` through a warm extractor: wall clock, and its workers' CPU time."""
    cpu_before = sum(extractor.cpu_seconds.values())
    start = time.perf_counter()
    for _ in extractor.map(jobs, _same):
        pass
    seconds = time.perf_counter() - start
    cpu = sum(extractor.cpu_seconds.values()) - cpu_before
    peaks = [rss / 2**20 for rss in extractor.peak_rss.values()]
    return Run(name, seconds, cpu, len(jobs), tokens, peaks)


def _same(job: Job) -> Job:
    return job


def total(name: str, runs: list[Run]) -> Run:
    first = runs[0]
    return Run(
        name,
        sum(r.seconds for r in runs),
        sum(r.cpu_seconds for r in runs),
        sum(r.articles for r in runs),
        sum(r.tokens for r in runs),
        first.peak_rss_mb,
    )


def _load() -> str:
    return ", ".join(f"{load:.2f}" for load in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=300, help="number of texts (300)")
    parser.add_argument("--workers", type=int, default=2, help="processes and actors (2)")
    parser.add_argument("--rounds", type=int, default=3, help="alternations (3)")
    args = parser.parse_args()
    texts = synthetic_articles(args.articles)
    tokens = count_tokens(texts)
    jobs: list[Job] = [(text, "2024-06-26") for text in texts]
    print(f"{len(texts)} texts, {tokens} tokens, {BATCH_SIZE} texts per batch")
    print(f"load average before: {_load()}")
    start_local_ray(args.workers)
    print(f"local Ray cluster: {ray.cluster_resources().get('CPU', 0):g} CPUs\n")
    local_runs: list[Run] = []
    ray_runs: list[Run] = []
    with (
        ParallelExtractor[Job](args.workers) as local,
        RayExtractor(args.workers) as on_ray,
    ):
        warm_up = jobs[: BATCH_SIZE * args.workers]
        for extractor in (local, on_ray):
            for _ in extractor.map(warm_up, _same):
                pass
        for round_ in range(1, args.rounds + 1):
            local_name = f"local, {args.workers} workers #{round_}"
            local_runs.append(timed_run(local_name, local, jobs, tokens))
            ray_name = f"ray, {args.workers} actors #{round_}"
            ray_runs.append(timed_run(ray_name, on_ray, jobs, tokens))
    ray.shutdown()
    local_all = total(f"local, {args.workers} workers, all", local_runs)
    ray_all = total(f"ray, {args.workers} actors, all", ray_runs)
    print(f"load average after: {_load()}\n")
    print_table([*local_runs, *ray_runs, local_all, ray_all])
    ratio = ray_all.articles_per_s / local_all.articles_per_s
    verdict = "ok" if ratio >= TARGET else "MISSED"
    print(f"\nray / local articles per second: {ratio:.2f} (target >= {TARGET}) {verdict}")
    print(f"ray / local worker CPU seconds  : {ray_all.cpu_seconds / local_all.cpu_seconds:.2f}")


if __name__ == "__main__":
    main()
