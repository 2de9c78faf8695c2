"""Canonical entities across the articles of a ledger (stub: to be written)."""

from __future__ import annotations

from storyledger.model import Article, Extraction
from storyledger.store.sqlite import Ledger


def update_entities(ledger: Ledger, article: Article, extraction: Extraction, story: str) -> None:
    """Count the article's entity mentions into the ledger's canonical entities."""
