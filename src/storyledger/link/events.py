"""Timeline events merged across articles (stub: to be written)."""

from __future__ import annotations

from storyledger.model import Article, Extraction
from storyledger.store.sqlite import Ledger


def link_events(ledger: Ledger, article: Article, extraction: Extraction, story: str) -> None:
    """Add the article's dated claims to the story's events."""
