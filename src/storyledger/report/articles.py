"""The article views as plain data: the list of articles, and one article with its extraction.

The CLI (table or JSON) and the web app render these same dictionaries.
"""

from __future__ import annotations

from typing import Any

from storyledger.store.sqlite import Ledger


def articles_data(ledger: Ledger) -> list[dict[str, Any]]:
    """``[{id, url, outlet, title, published}]``, by publication date (undated last)."""
    return ledger.article_summaries()


def article_data(ledger: Ledger, article_id: str) -> dict[str, Any]:
    """One article (an id or a unique id prefix): its metadata, text and whole extraction.

    ``extraction`` holds ``entities``, ``times``, ``quantities``, ``quotes`` and
    ``claims`` with the model's field names, plus the ``sentences`` spans.
    """
    article = ledger.get_article(article_id)
    extraction = ledger.get_extraction(article.id)
    return {
        "id": article.id,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published,
        "published_source": article.published_source,
        "author": article.author,
        "language": article.language,
        "ingested_at": article.ingested_at,
        "extractor_version": article.extractor_version,
        "text": article.text,
        "extraction": extraction.to_json(),
    }
