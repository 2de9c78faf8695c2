"""Extraction in worker processes: same results as in-process, input order, failures isolated."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time

import pytest
from bench.throughput import synthetic_articles

from storyledger.extract.parallel import Failed, Job, ParallelExtractor
from storyledger.extract.pipeline import extract

TEXTS = synthetic_articles(9, seed=3)


def same(job: Job) -> Job:
    return job


@pytest.mark.parametrize("workers", [1, 2])
def test_results_in_input_order_and_a_bad_job_fails_alone(workers: int) -> None:
    jobs: list[Job] = [(text, "2024-06-26") for text in TEXTS]
    # A publication date that is not a string: extract_doc raises on it.
    jobs.insert(4, ("Kenya sent 400 officers.", 20240626))  # type: ignore[arg-type]
    with ParallelExtractor[Job](workers, chunk_size=2) as extractor:
        results = list(extractor.map(jobs, same))
    assert [job for job, _ in results] == jobs
    failed = results.pop(4)[1]
    assert isinstance(failed, Failed) and failed.error.startswith("TypeError")
    for (text, published), outcome in results:
        assert outcome == extract(text, published)
    pids = set(extractor.peak_rss)
    assert (pids == {os.getpid()}) if workers == 1 else (len(pids) >= 1 and os.getpid() not in pids)
    assert all(100 * 2**20 < rss < 2**31 for rss in extractor.peak_rss.values())
    assert set(extractor.cpu_seconds) == pids
    assert all(cpu > 0 for cpu in extractor.cpu_seconds.values())


def test_nothing_to_extract_starts_no_pool() -> None:
    with ParallelExtractor[Job](2) as extractor:
        assert list(extractor.map([], same)) == []
        assert extractor.worker_pids == []


def test_a_worker_killed_mid_batch_costs_no_text() -> None:
    """SIGKILL (as the kernel's out-of-memory killer sends it): the pool is replaced, and the
    texts it held are retried and extracted as if nothing had happened."""
    jobs: list[Job] = [(text, "2024-06-26") for text in TEXTS]
    with ParallelExtractor[Job](2, chunk_size=2) as extractor:
        results = []
        for result in extractor.map(jobs, same):
            if not results:
                os.kill(extractor.worker_pids[0], signal.SIGKILL)
            results.append(result)
    assert extractor.pools_replaced >= 1
    assert [job for job, _ in results] == jobs
    for (text, published), outcome in results:
        assert outcome == extract(text, published)


def test_stuck_workers_are_killed_and_their_texts_retried() -> None:
    """Workers that stop answering (SIGSTOP stands for a hang in native code, out of reach of
    the timer signal) are killed after the chunk's deadline; the batch ends with every text."""
    jobs: list[Job] = [(text, "2024-06-26") for text in TEXTS]
    started = time.monotonic()
    with ParallelExtractor[Job](2, chunk_size=2, time_limit=2, start_allowance=10) as extractor:
        results = []
        for result in extractor.map(jobs, same):
            if not results:
                for pid in extractor.worker_pids:
                    os.kill(pid, signal.SIGSTOP)
            results.append(result)
    assert extractor.pools_replaced >= 1
    assert [job for job, _ in results] == jobs
    for (text, published), outcome in results:
        assert outcome == extract(text, published)
    assert time.monotonic() - started < 120


def test_a_batch_ends_when_its_workers_keep_dying() -> None:
    """Workers killed as soon as they start: every text fails with a message saying why,
    after one retry each, and the batch ends instead of waiting on a result that never comes."""
    jobs: list[Job] = [(text, "2024-06-26") for text in TEXTS[:3]]
    stop = threading.Event()
    with ParallelExtractor[Job](2, chunk_size=2) as extractor:
        killer = threading.Thread(target=keep_killing_workers, args=(extractor, stop))
        killer.start()
        try:
            results = list(extractor.map(jobs, same))
        finally:
            stop.set()
            killer.join()
    assert [job for job, _ in results] == jobs
    for _, outcome in results:
        assert isinstance(outcome, Failed) and "died" in outcome.error
    assert extractor.pools_replaced == 2 + len(jobs)  # the two chunks, then each retry


def keep_killing_workers(extractor: ParallelExtractor[Job], stop: threading.Event) -> None:
    while not stop.wait(0.05):
        for pid in extractor.worker_pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
