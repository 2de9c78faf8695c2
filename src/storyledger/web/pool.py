"""Ledger connections for the web app: one per server thread. On PostgreSQL each thread's
ledger borrows the server connections of one shared pool (``store.postgresql``), a
connection per statement or per transaction, so the threads share a few."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import Request

from storyledger.store.sqlite import Ledger, open_ledger


class LedgerPool:
    """One ledger per server thread (SQLite connections are thread-bound)."""

    def __init__(self, db_path: str) -> None:
        self.db_path = db_path
        self._local = threading.local()
        open_ledger(db_path).close()  # create and migrate once, up front

    def get(self) -> Ledger:
        ledger = getattr(self._local, "ledger", None)
        if ledger is None:
            ledger = open_ledger(self.db_path)
            self._local.ledger = ledger
        return ledger


def ledger_of(request: Request) -> Ledger:
    """The calling thread's connection to the app's ledger."""
    pool: LedgerPool = request.app.state.pool
    return pool.get()


View = TypeVar("View", bound=Callable[..., Any])


def one_snapshot(view: View) -> View:
    """A read view that sees the ledger as of one moment: its statements all read the
    thread's ledger inside one snapshot (``Ledger.snapshot``), so a writer committing
    meanwhile (a story appearing between two of them) never shows half. FastAPI runs a
    sync view in one worker thread, the thread ``ledger_of`` gives the ledger of."""

    @functools.wraps(view)
    def read(*args: Any, **kwargs: Any) -> Any:
        with ledger_of(kwargs["request"]).snapshot():
            return view(*args, **kwargs)

    return read  # type: ignore[return-value]
