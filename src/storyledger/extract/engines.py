"""Where extraction runs: processes of this machine (``local``) or actors of a Ray cluster.

The pipeline opens an extractor with ``open_extractor`` and uses its ``map``;
both engines yield each item with its outcome in input order, as outcomes
arrive, and report a text they could not extract as a ``Failed``. Ray is an
optional dependency: it is imported only when the ``ray`` engine is asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol, TypeVar

from storyledger.errors import EngineError, Msg
from storyledger.extract.parallel import TIME_LIMIT, Job, Outcome, ParallelExtractor

T = TypeVar("T")


class EngineName(StrEnum):
    LOCAL = "local"
    RAY = "ray"


@dataclass(frozen=True)
class Engine:
    """An engine and, for Ray, the cluster's address (None: start one on this machine)."""

    name: EngineName = EngineName.LOCAL
    address: str | None = None


LOCAL = Engine()


class Extractor(Protocol):
    """What the pipeline needs of an engine: a context manager with an in-order ``map``."""

    def __enter__(self) -> Extractor: ...

    def __exit__(self, *exc: object) -> None: ...

    def map(self, items: Iterable[T], job: Callable[[T], Job]) -> Iterator[tuple[T, Outcome]]: ...


def open_extractor(
    engine: Engine, workers: int | None = None, time_limit: float | None = TIME_LIMIT
) -> Extractor:
    """The engine's extractor with ``workers`` processes or actors (None: one process
    locally, one actor per CPU of a Ray cluster); raises ``EngineError`` without Ray."""
    if engine.name is EngineName.LOCAL:
        local: ParallelExtractor[Any] = ParallelExtractor(workers or 1, time_limit=time_limit)
        return local
    try:
        from storyledger.extract.ray_engine import RayExtractor
    except ModuleNotFoundError as exc:
        if exc.name != "ray":
            raise
        raise EngineError(Msg.RAY_MISSING) from exc
    return RayExtractor(workers, engine.address, time_limit=time_limit)
