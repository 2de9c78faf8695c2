"""From Article records to the ledger: extract, store atomically, link.

(First version; the ingest engineer owns and extends this module, keeping
``ingest_articles``' signature.)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from storyledger.extract.pipeline import extract
from storyledger.link.pipeline import link_pending
from storyledger.model import Article
from storyledger.store.sqlite import Ledger


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)  # article ids
    skipped: list[str] = field(default_factory=list)  # already in the ledger
    failed: list[tuple[str, str]] = field(default_factory=list)  # (where, message)


def ingest_articles(
    ledger: Ledger, articles: Iterable[Article], workers: int = 1, progress: bool = False
) -> IngestReport:
    """Extract, store and link articles; each article is committed whole or not at all."""
    report = IngestReport()
    for article in articles:
        if ledger.has_article(article.id):
            report.skipped.append(article.id)
            continue
        ledger.add_article(article, extract(article.text, article.published))
        report.added.append(article.id)
    link_pending(ledger)
    return report
