"""From sources to the ledger: read, extract (in worker processes if asked), store, link.

Each article is stored with its whole extraction in one transaction, as soon
as its extraction arrives, so a crash or a kill mid-batch loses nothing
already committed and leaves no half-written article; running the same batch
again adds only what is missing. Articles already in the ledger (same content
hash) are skipped before they are extracted.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from storyledger.errors import InputError, Msg
from storyledger.extract.engines import LOCAL, Engine, open_extractor
from storyledger.extract.language import ENGLISH
from storyledger.extract.parallel import TIME_LIMIT, Failed, Job, ParallelExtractor
from storyledger.extract.pipeline import EXTRACTOR_VERSION
from storyledger.ingest.files import Loaded, read_sources
from storyledger.ingest.progress import counting_task, progress_bar
from storyledger.ingest.records import Defaults, ExtractRequest, extract_request
from storyledger.link.pipeline import LinkProgress, link_pending, relink_all
from storyledger.model import Article
from storyledger.store.sqlite import Ledger


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)  # article ids
    skipped: list[str] = field(default_factory=list)  # already in the ledger
    failed: list[tuple[str, str]] = field(default_factory=list)  # (where, message)
    linked: int = 0  # articles the link stage took in
    not_english: dict[str, str] = field(default_factory=dict)  # added article id -> language

    @property
    def ok(self) -> bool:
        return not self.failed

    def to_json(self) -> dict[str, Any]:
        return {
            "added": len(self.added),
            "already_present": len(self.skipped),
            "failed": len(self.failed),
            "linked": self.linked,
            "not_english": len(self.not_english),
            "languages": self.not_english,
            "added_ids": self.added,
            "already_present_ids": self.skipped,
            "errors": [{"where": where, "error": message} for where, message in self.failed],
        }


def ingest_articles(
    ledger: Ledger,
    articles: Iterable[Article],
    workers: int | None = None,
    progress: bool = False,
    time_limit: float | None = TIME_LIMIT,
    engine: Engine = LOCAL,
) -> IngestReport:
    """Extract, store and link articles; each article is committed whole or not at all."""
    loaded = (Loaded(_where(article), article=article) for article in articles)
    return ingest_loaded(ledger, loaded, workers, progress, time_limit, engine)


def ingest_paths(
    ledger: Ledger,
    paths: Iterable[str | Path],
    defaults: Defaults | None = None,
    workers: int | None = None,
    progress: bool = False,
    time_limit: float | None = TIME_LIMIT,
    engine: Engine = LOCAL,
) -> IngestReport:
    """Ingest files and folders (text, HTML, JSON, JSONL); bad ones are reported, not fatal."""
    sources = read_sources(paths, defaults)
    return ingest_loaded(ledger, sources, workers, progress, time_limit, engine)


def ingest_loaded(
    ledger: Ledger,
    loaded: Iterable[Loaded],
    workers: int | None = None,
    progress: bool = False,
    time_limit: float | None = TIME_LIMIT,
    engine: Engine = LOCAL,
) -> IngestReport:
    """Store every new article of ``loaded`` with its extraction, then link; report the rest.
    ``workers`` processes extract (actors with the Ray engine; None: one process locally,
    one actor per CPU of a Ray cluster)."""
    report = IngestReport()
    fresh = _new_articles(ledger, loaded, report)
    with progress_bar(progress) as bar:
        with open_extractor(engine, workers, time_limit) as extractor:
            task = bar.add_task("extracting", total=None)
            for item, outcome in extractor.map(fresh, _job):
                assert item.article is not None  # _new_articles passes articles only
                if isinstance(outcome, Failed):
                    detail = Msg.EXTRACT_FAILED.format(where=item.where, detail=outcome.error)
                    report.failed.append((item.where, detail))
                elif ledger.add_article(replace(item.article, language=outcome.language), outcome):
                    report.added.append(item.article.id)
                    if outcome.language != ENGLISH:
                        report.not_english[item.article.id] = outcome.language
                else:
                    report.skipped.append(item.article.id)
                bar.advance(task)
        report.linked = link_pending(ledger, counting_task(bar, "linking"))
    return report


def _new_articles(
    ledger: Ledger, loaded: Iterable[Loaded], report: IngestReport
) -> Iterator[Loaded]:
    """The loaded articles not yet in the ledger nor earlier in this batch; the rest is reported."""
    seen: set[str] = set()
    for item in loaded:
        if item.article is None:
            report.failed.append((item.where, item.error or ""))
        elif item.article.id in seen or ledger.has_article(item.article.id):
            report.skipped.append(item.article.id)
        else:
            seen.add(item.article.id)
            yield item


def _job(item: Loaded) -> Job:
    assert item.article is not None
    return item.article.text, item.article.published


def _where(article: Article) -> str:
    return article.url or article.title or article.id


# -- rebuild ----------------------------------------------------------------------------


@dataclass
class RebuildReport:
    extracted: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    linked: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "extracted": len(self.extracted),
            "failed": len(self.failed),
            "linked": self.linked,
            "errors": [{"where": where, "error": message} for where, message in self.failed],
        }


def rebuild(
    ledger: Ledger,
    workers: int | None = None,
    progress: bool = False,
    everything: bool = False,
    time_limit: float | None = TIME_LIMIT,
    engine: Engine = LOCAL,
) -> RebuildReport:
    """Re-extract the articles of an older extractor version (all with ``everything``), re-link."""
    ids = (
        [article.id for article in ledger.iter_articles()]
        if everything
        else ledger.article_ids_needing_extraction(EXTRACTOR_VERSION)
    )
    report = RebuildReport()
    articles = (ledger.get_article(article_id) for article_id in ids)
    with progress_bar(progress) as bar:
        with open_extractor(engine, workers, time_limit) as extractor:
            task = bar.add_task("re-extracting", total=len(ids))
            for article, outcome in extractor.map(articles, _article_job):
                if isinstance(outcome, Failed):
                    where = _where(article)
                    report.failed.append(
                        (where, Msg.EXTRACT_FAILED.format(where=where, detail=outcome.error))
                    )
                else:
                    ledger.replace_extraction(article.id, outcome)
                    report.extracted.append(article.id)
                bar.advance(task)
        linking = counting_task(bar, "linking")
        report.linked = _relink(ledger, changed=bool(report.extracted), progress=linking)
    return report


def _article_job(article: Article) -> Job:
    return article.text, article.published


def _relink(ledger: Ledger, changed: bool, progress: LinkProgress) -> int:
    """Link everything again when extractions changed, else only what is pending."""
    return relink_all(ledger, progress) if changed else link_pending(ledger, progress)


# -- extraction without a ledger --------------------------------------------------------


def extract_lines(
    lines: Iterable[str],
    where: str,
    default_published: str | None = None,
    workers: int = 1,
    progress: bool = False,
    time_limit: float | None = TIME_LIMIT,
) -> Iterator[dict[str, Any] | InputError]:
    """``{id, entities, times, quantities, quotes, claims, ...}`` per JSONL line, in order.

    A line that cannot be read or extracted gives an ``InputError`` naming it
    (``where:line``) in its place; the text is not modified, so every offset
    points into the record's ``text``.
    """
    errors: list[InputError] = []
    requests = _requests(lines, where, default_published, errors)
    with (
        progress_bar(progress) as bar,
        ParallelExtractor[_Line](workers, time_limit=time_limit) as extractor,
    ):
        task = bar.add_task("extracting", total=None)
        for line, outcome in extractor.map(requests, _request_job):
            yield from _drain(errors)
            if isinstance(outcome, Failed):
                yield InputError(Msg.EXTRACT_FAILED.format(where=line.where, detail=outcome.error))
            else:
                yield {"id": line.request.id, **outcome.to_json()}
            bar.advance(task)
    yield from _drain(errors)


@dataclass
class _Line:
    where: str
    request: ExtractRequest


def _requests(
    lines: Iterable[str], where: str, default_published: str | None, errors: list[InputError]
) -> Iterator[_Line]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        line_where = f"{where}:{number}"
        try:
            record = json.loads(line)
            yield _Line(line_where, extract_request(record, line_where, default_published))
        except json.JSONDecodeError as exc:
            errors.append(InputError(Msg.BAD_JSON.format(where=line_where, detail=exc.msg)))
        except InputError as exc:
            errors.append(exc)


def _request_job(line: _Line) -> Job:
    return line.request.text, line.request.published


def _drain(errors: list[InputError]) -> Iterator[InputError]:
    while errors:
        yield errors.pop(0)
