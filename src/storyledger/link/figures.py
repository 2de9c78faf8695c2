"""Figures and their observations (stub: to be written)."""

from __future__ import annotations

from storyledger.model import Article, Extraction
from storyledger.store.sqlite import Ledger


def link_figures(ledger: Ledger, article: Article, extraction: Extraction, story: str) -> None:
    """Add the article's quantity claims to the story's figures as observations."""
