"""Extraction over a stream of texts, in this process or in worker processes.

With one worker, texts go through ``nlp.pipe`` here, in batches. With more,
a pool of processes (the ``forkserver`` or ``spawn`` start method, never a
plain fork of a process holding a database connection) loads the model once
per process in its initializer; texts are sent in chunks, a bounded number
of chunks is in flight at a time, and results come back in input order so
the caller can store each one as it arrives.

An extraction that raises is reported as a ``Failed`` for its text alone,
so one article never stops a batch. So is one that runs past its time limit
(``time_limit`` seconds per document, 60 by default): a timer signal
interrupts it wherever it is, in this process or in a worker, and the batch
goes on with the next text. The timer needs the main thread of its process;
extraction called from another thread (a web request) runs without it.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from multiprocessing.pool import AsyncResult, Pool
from typing import Generic, TypeVar

from storyledger.errors import ExtractTimeout, Msg
from storyledger.extract.pipeline import extract_doc, load_nlp, warm_up
from storyledger.model import Extraction

T = TypeVar("T")
Job = tuple[str, str | date | None]  # (text, published)

BATCH_SIZE = 32  # texts per nlp.pipe batch
CHUNK_SIZE = 16  # texts per task sent to a worker process
CHUNKS_IN_FLIGHT_PER_WORKER = 2
TIME_LIMIT = 60.0  # seconds per document; a long report takes about one


@dataclass
class Failed:
    """The extraction of one text raised; ``error`` says what happened."""

    error: str


Outcome = Extraction | Failed


def extract_stream(
    items: Iterable[T],
    job: Callable[[T], Job],
    batch_size: int = BATCH_SIZE,
    time_limit: float | None = TIME_LIMIT,
) -> Iterator[tuple[T, Outcome]]:
    """Each item with the outcome of extracting ``job(item)``, in order, parsed in batches;
    the extraction of one document stops after ``time_limit`` seconds (None: no limit)."""
    nlp = load_nlp()
    if time_limit is not None:
        warm_up()
    pairs = ((text, (item, published)) for item in items for text, published in [job(item)])
    for doc, (item, published) in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        try:
            with limited_to(time_limit):
                outcome: Outcome = extract_doc(doc, published)
        except ExtractTimeout as exc:
            outcome = Failed(str(exc))
        except Exception as exc:  # an extractor bug must cost one article, not the batch
            outcome = Failed(f"{type(exc).__name__}: {exc}")
        yield item, outcome


@contextmanager
def limited_to(seconds: float | None) -> Iterator[None]:
    """Raise ``ExtractTimeout`` in the block when it runs longer than ``seconds`` (a real-time
    timer signal, so a loop that never ends is stopped too); no limit off the main thread."""
    if seconds is None or threading.current_thread() is not threading.main_thread():
        yield
        return

    expired = ExtractTimeout(Msg.EXTRACT_TIME_LIMIT.format(seconds=seconds))
    fired: list[bool] = []

    def stop(signum: int, frame: object) -> None:
        fired.append(True)
        raise expired

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if fired:  # the signal's exception was caught somewhere and the work went on
        raise expired


def _same_job(job: Job) -> Job:
    return job


def peak_rss_bytes() -> int:
    """The peak resident memory of this process so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _init_worker() -> None:
    load_nlp()


@dataclass
class WorkerUse:
    """What extracting cost one process: its pid, peak memory, and CPU seconds spent."""

    pid: int
    peak_rss: int
    cpu_seconds: float


def _extract_chunk(jobs: list[Job], time_limit: float | None) -> tuple[list[Outcome], WorkerUse]:
    """Worker task: the outcomes of a chunk, and what they cost this worker."""
    cpu_start = time.process_time()
    stream = extract_stream(jobs, _same_job, time_limit=time_limit)
    outcomes = [outcome for _, outcome in stream]
    return outcomes, WorkerUse(os.getpid(), peak_rss_bytes(), time.process_time() - cpu_start)


def _start_method() -> str:
    methods = multiprocessing.get_all_start_methods()
    return "forkserver" if "forkserver" in methods else "spawn"


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


@dataclass
class ParallelExtractor(Generic[T]):
    """Extraction with ``workers`` processes; use as a context manager around ``map``
    (the pool, started by the first chunk, is closed on exit).

    ``peak_rss`` and ``cpu_seconds`` map each process that extracted (the
    workers, or this process with one worker) to its peak resident memory in
    bytes and the CPU time it spent in ``map`` so far (a load-independent
    measure of the work, for benchmarks on a busy machine).
    """

    workers: int = 1
    chunk_size: int = CHUNK_SIZE
    time_limit: float | None = TIME_LIMIT  # seconds per document
    peak_rss: dict[int, int] = field(default_factory=dict)
    cpu_seconds: dict[int, float] = field(default_factory=dict)
    _pool: Pool | None = field(default=None, init=False, repr=False)

    def __enter__(self) -> ParallelExtractor[T]:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if self._pool is None:
            return
        if exc_type is None:
            self._pool.close()
        else:
            self._pool.terminate()
        self._pool.join()
        self._pool = None

    def map(self, items: Iterable[T], job: Callable[[T], Job]) -> Iterator[tuple[T, Outcome]]:
        """Each item with the outcome of extracting ``job(item)``, in input order."""
        if self.workers == 1:
            yield from self._map_here(items, job)
        else:
            yield from self._map_in_pool(items, job)

    def _map_here(self, items: Iterable[T], job: Callable[[T], Job]) -> Iterator[tuple[T, Outcome]]:
        cpu_start = time.process_time()
        yield from extract_stream(items, job, time_limit=self.time_limit)
        self._account(WorkerUse(os.getpid(), peak_rss_bytes(), time.process_time() - cpu_start))

    def _started_pool(self) -> Pool:
        """The worker pool, started on first use: a batch with nothing to extract starts none."""
        if self._pool is None:
            context = multiprocessing.get_context(_start_method())
            if _start_method() == "forkserver":
                context.set_forkserver_preload(["storyledger.extract.pipeline"])
            self._pool = context.Pool(self.workers, initializer=_init_worker)
        return self._pool

    def _map_in_pool(
        self, items: Iterable[T], job: Callable[[T], Job]
    ) -> Iterator[tuple[T, Outcome]]:
        in_flight: deque[tuple[list[T], AsyncResult[tuple[list[Outcome], WorkerUse]]]] = deque()
        limit = self.workers * CHUNKS_IN_FLIGHT_PER_WORKER
        for chunk in _chunks(items, self.chunk_size):
            jobs = [job(item) for item in chunk]
            in_flight.append(
                (chunk, self._started_pool().apply_async(_extract_chunk, (jobs, self.time_limit)))
            )
            if len(in_flight) >= limit:
                yield from self._collect(*in_flight.popleft())
        while in_flight:
            yield from self._collect(*in_flight.popleft())

    def _collect(
        self, chunk: list[T], pending: AsyncResult[tuple[list[Outcome], WorkerUse]]
    ) -> Iterator[tuple[T, Outcome]]:
        outcomes, use = pending.get()
        self._account(use)
        yield from zip(chunk, outcomes, strict=True)

    def _account(self, use: WorkerUse) -> None:
        self.peak_rss[use.pid] = max(use.peak_rss, self.peak_rss.get(use.pid, 0))
        self.cpu_seconds[use.pid] = self.cpu_seconds.get(use.pid, 0.0) + use.cpu_seconds
