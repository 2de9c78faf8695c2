"""Extraction in worker processes: same results as in-process, input order, failures isolated."""

from __future__ import annotations

import os

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
        assert extractor._pool is None
