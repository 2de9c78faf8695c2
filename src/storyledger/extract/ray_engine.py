"""Extraction on a Ray cluster: actors that load the model once, chunks sent with back-pressure.

``RayExtractor`` has the interface of ``ParallelExtractor``: ``map`` yields each
item with its outcome in input order, as the outcomes arrive, so the ingest
pipeline stores them as it stores those of local workers. Each of ``workers``
actors (one CPU each, spread over the cluster's nodes) loads the spaCy model
once and runs ``extract_chunk``, the task of a local worker process. Texts go
in chunks, at most ``CHUNKS_IN_FLIGHT_PER_WORKER`` per actor at a time, each
chunk to the actor with the fewest in flight.

An actor lost mid-chunk (its process killed, its node gone) or stuck past the
chunk's deadline is replaced by a new actor: the chunk's texts are retried one
at a time, and the other chunks the lost actor held are sent to its successor.
A text that loses its actor a second time fails alone, with the message a
local worker's death gives.

Without an address, a Ray instance of this machine is started for the run
(``workers`` CPUs, or one per core) and stopped after it; with one, the
extractor connects to that cluster (``auto``: the one ``ray start`` runs on
this machine). Where Ray is already initialised in this process (a test, a
notebook), its cluster is used and left running.
"""

from __future__ import annotations

import logging
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

import ray
from ray.actor import ActorHandle
from ray.exceptions import GetTimeoutError, ObjectLostError, RayActorError

from storyledger.errors import EngineError, Msg
from storyledger.extract.parallel import (
    CHUNK_SIZE,
    CHUNKS_IN_FLIGHT_PER_WORKER,
    START_ALLOWANCE,
    TIME_LIMIT,
    Failed,
    Job,
    Outcome,
    WorkerLost,
    WorkerUse,
    extract_chunk,
    in_chunks,
)
from storyledger.extract.pipeline import load_nlp

T = TypeVar("T")


class ExtractWorker:
    """A Ray actor's state: the model, loaded once when the actor starts."""

    def __init__(self) -> None:
        load_nlp()

    def extract(self, jobs: list[Job], time_limit: float | None) -> tuple[list[Outcome], WorkerUse]:
        return extract_chunk(jobs, time_limit)


RemoteExtractWorker = ray.remote(num_cpus=1, scheduling_strategy="SPREAD")(ExtractWorker)


@dataclass
class _Sent:
    """A chunk in flight: its items, their jobs, the actor's slot and handle, the result."""

    chunk: list[Any]
    jobs: list[Job]
    slot: int
    actor: ActorHandle
    result: ray.ObjectRef


@dataclass
class RayExtractor:
    """Extraction with ``workers`` Ray actors (None: one per CPU of the cluster); use as a
    context manager around ``map`` (Ray and the actors, started by the first chunk, are
    stopped on exit). ``peak_rss`` and ``cpu_seconds`` map each actor's process id to its
    peak memory and the CPU seconds it spent, as in ``ParallelExtractor``."""

    workers: int | None = None
    address: str | None = None
    chunk_size: int = CHUNK_SIZE
    time_limit: float | None = TIME_LIMIT  # seconds per document
    start_allowance: float = START_ALLOWANCE
    peak_rss: dict[int, int] = field(default_factory=dict)
    cpu_seconds: dict[int, float] = field(default_factory=dict)
    actors_replaced: int = 0
    _actors: list[ActorHandle] = field(default_factory=list, init=False, repr=False)
    _ready: set[int] = field(default_factory=set, init=False, repr=False)  # slots that answered
    _started_ray: bool = field(default=False, init=False, repr=False)

    def __enter__(self) -> RayExtractor:
        return self

    def __exit__(self, *exc: object) -> None:
        for actor in self._actors:
            ray.kill(actor)
        self._actors = []
        self._ready.clear()
        if self._started_ray:
            ray.shutdown()
            self._started_ray = False

    @property
    def actors(self) -> list[ActorHandle]:
        """The current actors, by slot (none before the first chunk)."""
        return list(self._actors)

    def map(self, items: Iterable[T], job: Callable[[T], Job]) -> Iterator[tuple[T, Outcome]]:
        """Each item with the outcome of extracting ``job(item)``, in input order."""
        in_flight: deque[_Sent] = deque()
        for chunk in in_chunks(items, self.chunk_size):
            self._started_actors()
            in_flight.append(self._send(chunk, [job(item) for item in chunk], in_flight))
            if len(in_flight) >= len(self._actors) * CHUNKS_IN_FLIGHT_PER_WORKER:
                yield from self._collect(in_flight)
        while in_flight:
            yield from self._collect(in_flight)

    def _started_actors(self) -> list[ActorHandle]:
        """The actors, started on first use: a batch with nothing to extract starts none."""
        if not self._actors:
            self._attach()
            count = self.workers or int(ray.cluster_resources().get("CPU", 1))
            self._actors = [_new_actor() for _ in range(count)]
        return self._actors

    def _attach(self) -> None:
        """Connect to the cluster at ``address``, or start one on this machine."""
        if ray.is_initialized():
            return
        try:
            if self.address:
                _quiet_init(address=self.address)
            else:
                start_local_ray(self.workers or os.cpu_count())
        except ConnectionError as exc:
            where = self.address or "this machine"
            raise EngineError(Msg.RAY_UNREACHABLE.format(address=where, detail=exc)) from exc
        self._started_ray = True

    def _send(
        self, chunk: list[Any], jobs: list[Job], in_flight: deque[_Sent], ready: bool = False
    ) -> _Sent:
        """The chunk sent to the actor with the fewest chunks in flight (with ``ready``, of
        those that have answered, when any has: not to one still loading its model)."""
        held = Counter(sent.slot for sent in in_flight)
        slots = sorted(self._ready) if ready and self._ready else range(len(self._actors))
        slot = min(slots, key=lambda s: held[s])
        return self._send_to(slot, chunk, jobs)

    def _send_to(self, slot: int, chunk: list[Any], jobs: list[Job]) -> _Sent:
        actor = self._actors[slot]
        return _Sent(chunk, jobs, slot, actor, actor.extract.remote(jobs, self.time_limit))

    def _collect(self, in_flight: deque[_Sent]) -> Iterator[tuple[Any, Outcome]]:
        """The outcomes of the oldest chunk in flight; when its actor is lost, its texts
        one by one, and the chunks behind it on that actor sent to the actor's successor."""
        sent = in_flight.popleft()
        try:
            outcomes = self._wait(sent, len(sent.jobs))
        except WorkerLost:
            self._replace(sent.slot, sent.actor, in_flight)
            outcomes = [self._retry_alone(job, in_flight) for job in sent.jobs]
        yield from zip(sent.chunk, outcomes, strict=True)

    def _retry_alone(self, job: Job, in_flight: deque[_Sent]) -> Outcome:
        """The outcome of one text sent alone, to an actor that has answered if there is one;
        a second lost actor makes it fail."""
        retry = self._send([job], [job], in_flight, ready=True)
        queued = sum(len(sent.jobs) for sent in in_flight if sent.slot == retry.slot)
        try:
            (outcome,) = self._wait(retry, 1 + queued)
        except WorkerLost as lost:
            self._replace(retry.slot, retry.actor, in_flight)
            return Failed(str(lost))
        return outcome

    def _wait(self, sent: _Sent, texts: int) -> list[Outcome]:
        """The chunk's outcomes (``texts`` of them and before them on its actor give the
        deadline), or ``WorkerLost`` when its actor died or is stuck."""
        limit = self.time_limit
        deadline = None if limit is None else self.start_allowance + texts * limit
        try:
            outcomes, use = ray.get(sent.result, timeout=deadline)
        except (RayActorError, ObjectLostError) as exc:
            raise WorkerLost(Msg.EXTRACT_WORKER_DIED) from exc
        except GetTimeoutError as exc:
            raise WorkerLost(Msg.EXTRACT_WORKER_STUCK.format(seconds=deadline)) from exc
        self._account(use)
        if self._actors[sent.slot] is sent.actor:
            self._ready.add(sent.slot)
        return list(outcomes)

    def _replace(self, slot: int, lost: ActorHandle, in_flight: deque[_Sent]) -> None:
        """A new actor in the slot of ``lost`` (killed, should it still run), and the chunks
        ``lost`` held sent to it; nothing when the slot was refilled already."""
        if self._actors[slot] is not lost:
            return
        ray.kill(lost)
        self._actors[slot] = _new_actor()
        self._ready.discard(slot)
        self.actors_replaced += 1
        for index, sent in enumerate(in_flight):
            if sent.actor is lost:
                in_flight[index] = self._send_to(slot, sent.chunk, sent.jobs)

    def _account(self, use: WorkerUse) -> None:
        self.peak_rss[use.pid] = max(use.peak_rss, self.peak_rss.get(use.pid, 0))
        self.cpu_seconds[use.pid] = self.cpu_seconds.get(use.pid, 0.0) + use.cpu_seconds


def _new_actor() -> ActorHandle:
    # Ray types a new actor as "handle or the class itself", for its method decorators.
    return cast(ActorHandle, RemoteExtractWorker.remote())


def start_local_ray(cpus: int | None) -> None:
    """A new Ray instance of this machine, of ``cpus`` CPUs, for this process."""
    _quiet_init(
        address="local", num_cpus=cpus, include_dashboard=False, _node_ip_address="127.0.0.1"
    )


def _quiet_init(**options: Any) -> None:
    """``ray.init`` without Ray's own logging on this terminal (errors still raise), and
    without its usage statistics, which it would send out unless told not to."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    ray.init(log_to_driver=False, logging_level=logging.ERROR, **options)
