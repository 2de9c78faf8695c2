"""Story assignment and near-duplicate detection (stub: to be written)."""

from __future__ import annotations

from storyledger.model import Article, Extraction
from storyledger.store.sqlite import Ledger


def assign_story(ledger: Ledger, article: Article, extraction: Extraction) -> str:
    """Assign the article to a story (or start one); returns the story id."""
    return "s1"
