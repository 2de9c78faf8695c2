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
Where the timer cannot reach (a worker killed, or stuck in native code), the
pool is replaced and the texts are retried; see ``ParallelExtractor``.
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
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
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
START_ALLOWANCE = 60.0  # seconds a chunk may wait on a worker loading its model
SHUTDOWN_GRACE = 2.0  # seconds workers get to exit before they are killed


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


def extract_chunk(jobs: list[Job], time_limit: float | None) -> tuple[list[Outcome], WorkerUse]:
    """Worker task (a pool's process or a Ray actor): the outcomes of a chunk, and what they
    cost this worker."""
    cpu_start = time.process_time()
    stream = extract_stream(jobs, _same_job, time_limit=time_limit)
    outcomes = [outcome for _, outcome in stream]
    return outcomes, WorkerUse(os.getpid(), peak_rss_bytes(), time.process_time() - cpu_start)


def _start_method() -> str:
    methods = multiprocessing.get_all_start_methods()
    return "forkserver" if "forkserver" in methods else "spawn"


def in_chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


@dataclass
class ParallelExtractor(Generic[T]):
    """Extraction with ``workers`` processes; use as a context manager around ``map``
    (the pool, started by the first chunk, is shut down on exit).

    A worker that dies (killed by the system, say for memory) or stops
    answering (a hang in native code, where the timer signal cannot reach)
    costs no text: the pool is killed and started again, the chunk that was
    waited for is retried one text at a time, and the chunks in flight are
    sent again. A text that loses its worker a second time fails alone. A
    chunk has ``time_limit`` seconds per text plus ``start_allowance`` (a
    worker loading its model) before its worker counts as stuck.

    ``peak_rss`` and ``cpu_seconds`` map each process that extracted (the
    workers, or this process with one worker) to its peak resident memory in
    bytes and the CPU time it spent in ``map`` so far (a load-independent
    measure of the work, for benchmarks on a busy machine).
    """

    workers: int = 1
    chunk_size: int = CHUNK_SIZE
    time_limit: float | None = TIME_LIMIT  # seconds per document
    start_allowance: float = START_ALLOWANCE
    peak_rss: dict[int, int] = field(default_factory=dict)
    cpu_seconds: dict[int, float] = field(default_factory=dict)
    pools_replaced: int = 0
    _pool: ProcessPoolExecutor | None = field(default=None, init=False, repr=False)

    def __enter__(self) -> ParallelExtractor[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            _shut_down(self._pool)
            self._pool = None

    @property
    def worker_pids(self) -> list[int]:
        """The process ids of the pool's current workers (none before the first chunk)."""
        return _worker_pids(self._pool) if self._pool is not None else []

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

    def _started_pool(self) -> ProcessPoolExecutor:
        """The worker pool, started on first use: a batch with nothing to extract starts none."""
        if self._pool is None:
            context = multiprocessing.get_context(_start_method())
            if _start_method() == "forkserver":
                context.set_forkserver_preload(["storyledger.extract.pipeline"])
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=_init_worker
            )
        return self._pool

    def _send(self, jobs: list[Job]) -> ChunkFuture:
        """The chunk sent to the pool; a pool already broken gives a future that says so."""
        try:
            return self._started_pool().submit(extract_chunk, jobs, self.time_limit)
        except BrokenProcessPool as exc:
            broken: ChunkFuture = Future()
            broken.set_exception(exc)
            return broken

    def _map_in_pool(
        self, items: Iterable[T], job: Callable[[T], Job]
    ) -> Iterator[tuple[T, Outcome]]:
        in_flight: deque[_Sent[T]] = deque()
        limit = self.workers * CHUNKS_IN_FLIGHT_PER_WORKER
        for chunk in in_chunks(items, self.chunk_size):
            jobs = [job(item) for item in chunk]
            in_flight.append(_Sent(chunk, jobs, self._send(jobs)))
            if len(in_flight) >= limit:
                yield from self._collect(in_flight)
        while in_flight:
            yield from self._collect(in_flight)

    def _collect(self, in_flight: deque[_Sent[T]]) -> Iterator[tuple[T, Outcome]]:
        """The outcomes of the oldest chunk in flight; when its worker is lost, its texts
        one by one on a new pool, and the chunks behind it sent again."""
        sent = in_flight.popleft()
        try:
            outcomes = self._wait(sent.future, len(sent.jobs))
        except WorkerLost:
            self._replace_pool()
            outcomes = [self._retry_alone(job) for job in sent.jobs]
            for later in in_flight:
                later.future = self._send(later.jobs)
        yield from zip(sent.chunk, outcomes, strict=True)

    def _retry_alone(self, job: Job) -> Outcome:
        try:
            (outcome,) = self._wait(self._send([job]), 1)
        except WorkerLost as lost:
            self._replace_pool()
            return Failed(str(lost))
        return outcome

    def _wait(self, future: ChunkFuture, texts: int) -> list[Outcome]:
        """The chunk's outcomes, or ``WorkerLost`` when its worker died or is stuck."""
        limit = self.time_limit
        deadline = None if limit is None else self.start_allowance + texts * limit
        try:
            outcomes, use = future.result(timeout=deadline)
        except (BrokenProcessPool, CancelledError) as exc:  # died, or lost with another
            raise WorkerLost(Msg.EXTRACT_WORKER_DIED) from exc
        except FutureTimeout as exc:
            raise WorkerLost(Msg.EXTRACT_WORKER_STUCK.format(seconds=deadline)) from exc
        self._account(use)
        return outcomes

    def _replace_pool(self) -> None:
        if self._pool is not None:
            _shut_down(self._pool)
            self._pool = None
        self.pools_replaced += 1

    def _account(self, use: WorkerUse) -> None:
        self.peak_rss[use.pid] = max(use.peak_rss, self.peak_rss.get(use.pid, 0))
        self.cpu_seconds[use.pid] = self.cpu_seconds.get(use.pid, 0.0) + use.cpu_seconds


ChunkFuture = Future[tuple[list[Outcome], WorkerUse]]


@dataclass
class _Sent(Generic[T]):
    """A chunk in flight: its items, their jobs, and the future of their outcomes."""

    chunk: list[T]
    jobs: list[Job]
    future: ChunkFuture


class WorkerLost(Exception):
    """The worker holding a chunk died or stopped answering."""


def _worker_pids(pool: ProcessPoolExecutor) -> list[int]:
    # The executor keeps its processes in a private map; 3.14 adds kill_workers() for this.
    return list(getattr(pool, "_processes", None) or {})


def _shut_down(pool: ProcessPoolExecutor) -> None:
    """Stop the pool without waiting on a worker that may never answer: ask, wait a little,
    then kill (SIGKILL) what is still there. A stopped or stuck worker cannot block this."""
    pids = _worker_pids(pool)
    pool.shutdown(wait=False, cancel_futures=True)
    deadline = time.monotonic() + SHUTDOWN_GRACE
    while pids and time.monotonic() < deadline:
        pids = [pid for pid in pids if _alive(pid)]
        time.sleep(0.05)
    for pid in pids:
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def _alive(pid: int) -> bool:
    """Whether the process still runs (a zombie, dead but not yet reaped, does not)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError):
        return False
