"""A read view sees the ledger as of one moment while a writer commits (both backends)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from storyledger.model import Article, content_id
from storyledger.store.sqlite import open_ledger
from storyledger.web.pool import LedgerPool, ledger_of, one_snapshot


def article(text: str) -> Article:
    return Article(id=content_id(text), text=text, outlet="Wire", published="2025-03-02")


def test_a_view_reads_one_moment_whatever_a_writer_commits_meanwhile(ledger_db: str) -> None:
    pool = LedgerPool(ledger_db)
    request: Any = SimpleNamespace(app=SimpleNamespace(state=SimpleNamespace(pool=pool)))
    with open_ledger(ledger_db) as writer:
        writer.add_article(article("The ferry sank on the lake on Sunday."))

        def counts(request: Any) -> tuple[int, int]:
            before = ledger_of(request).count_articles()
            day = ("Monday", "Tuesday")[before - 1]
            writer.add_article(article(f"Divers reached the wreck on {day}."))  # committed
            return before, ledger_of(request).count_articles()

        assert one_snapshot(counts)(request=request) == (1, 1)
        assert counts(request=request) == (2, 3)  # without it, each statement sees the last
