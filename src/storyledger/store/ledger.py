"""The ledger object: one open connection, and the article operations every stage uses.

The queries themselves live in the area modules (``articles``, ``stories``, ``entities``,
``figures``, ``events``, ``quotes``, ``search``, ``fetch``); these methods call them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from storyledger.model import Article, Extraction
from storyledger.store import articles
from storyledger.store import search as full_text
from storyledger.store.connection import connect, snapshot, transaction


class Ledger:
    """A storyledger database. Use ``open_ledger`` to get one."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path

    # -- life cycle -------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        """One atomic unit of work: committed whole or not at all."""
        return transaction(self.conn)

    def snapshot(self) -> AbstractContextManager[sqlite3.Connection]:
        """Reads of the ledger as of one moment, whatever writers commit meanwhile."""
        return snapshot(self.conn)

    # -- articles ---------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return articles.has_article(self.conn, article_id)

    def add_article(self, article: Article, extraction: Extraction | None = None) -> bool:
        """Store an article (and its extraction) atomically; False if it was already there."""
        return articles.add_article(self.conn, article, extraction)

    def replace_extraction(self, article_id: str, extraction: Extraction) -> None:
        """A new extraction of an article, with the language it detected."""
        articles.replace_extraction(self.conn, article_id, extraction)

    def resolve_article_id(self, id_or_prefix: str) -> str:
        """The full id of an article given its id or a unique prefix of it."""
        return articles.resolve_article_id(self.conn, id_or_prefix)

    def get_article(self, article_id: str) -> Article:
        return articles.get_article(self.conn, article_id)

    def iter_articles(self, order: str = "seq") -> Iterator[Article]:
        return articles.iter_articles(self.conn, order)

    def article_summaries(self) -> list[dict[str, Any]]:
        """id, url, outlet, title and published of every article (not the text), by date."""
        return articles.article_summaries(self.conn)

    def count_articles(self) -> int:
        return articles.count_articles(self.conn)

    def article_ids_needing_extraction(self, version: str) -> list[str]:
        return articles.article_ids_needing_extraction(self.conn, version)

    def get_extraction(self, article_id: str) -> Extraction:
        return articles.get_extraction(self.conn, article_id)

    def search(
        self, query: str, limit: int = 20, marks: tuple[str, str] = ("[", "]")
    ) -> list[dict[str, Any]]:
        """Full-text search over article text, with a snippet per hit, matches between marks."""
        return full_text.search(self.conn, query, limit, marks)


def open_ledger(path: str | Path = "storyledger.db") -> Ledger:
    """Open (creating and migrating as needed) the ledger at ``path``; ':memory:' works too."""
    path = str(path)
    return Ledger(connect(path), path)
