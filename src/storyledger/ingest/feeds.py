"""RSS and Atom feeds to articles: poll, keep only new entries, fetch them into the ledger.

A poll asks with the feed's last ETag and Last-Modified, so an unchanged feed
answers 304 and costs nothing. Its XML is refused when it declares entities
(billion laughs, external entities) before feedparser sees it, and feedparser
only ever gets bytes in a stream, never a string it could take for a URL or
a file name. Entries are remembered once fetched, or once they failed for a
reason a retry would not change; entries that failed for a passing reason
(a timeout, a 503) are tried again at the next poll.
"""

from __future__ import annotations

import io
import re
import signal
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import FrameType
from typing import Any
from xml.etree.ElementTree import ParseError

import feedparser
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as defused_fromstring

from storyledger.errors import FetchError, InputError, Msg
from storyledger.ingest.fetch import (
    Failure,
    Fetcher,
    FetchReport,
    Target,
    fetch_into,
    normalise_url,
)
from storyledger.ingest.records import Defaults
from storyledger.store.fetch import (
    feed_entry_seen,
    feed_validators,
    mark_feed_entry_seen,
    save_feed,
)
from storyledger.store.sqlite import Ledger

_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)
_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass
class FeedEntry:
    key: str  # the entry's id, else its link
    link: str | None
    title: str | None = None
    published: str | None = None  # ISO datetime (UTC) from the feed, when it gives one


@dataclass
class Feed:
    title: str | None
    entries: list[FeedEntry]


@dataclass
class FeedReport:
    """One poll of one feed."""

    url: str
    not_modified: bool = False
    entries: int = 0  # in the feed
    new: int = 0  # not seen before
    failed: list[Failure] = field(default_factory=list)  # the feed itself or its entries
    fetch: FetchReport = field(default_factory=FetchReport)

    @property
    def ok(self) -> bool:
        return not self.failed

    def to_json(self) -> dict[str, Any]:
        return {
            "feed": self.url,
            "not_modified": self.not_modified,
            "entries": self.entries,
            "new": self.new,
            "fetched": len(self.fetch.fetched),
            "added": len(self.fetch.ingest.added),
            "failed": len(self.failed),
            "errors": [{"url": f.url, "reason": f.reason, "error": f.message} for f in self.failed],
        }


# -- parsing ------------------------------------------------------------------------------


def refuse_unsafe_xml(body: bytes, url: str) -> None:
    """Raise unless the XML is free of entity declarations and external references."""
    if _ENTITY_DECLARATION.search(body):
        detail = "<!ENTITY> declaration"
        raise FetchError(Msg.FEED_UNSAFE_XML.format(url=url, detail=detail), "unsafe-xml")
    try:
        defused_fromstring(body, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        detail = type(exc).__name__
        raise FetchError(Msg.FEED_UNSAFE_XML.format(url=url, detail=detail), "unsafe-xml") from exc
    except ParseError:
        pass  # not well-formed: feedparser's tolerant parser may still read it


def parse_feed(body: bytes, url: str, content_type: str = "") -> Feed:
    """The title and entries of an RSS or Atom document (relative links resolved)."""
    refuse_unsafe_xml(body, url)
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        detail = str(parsed.get("bozo_exception") or "no RSS or Atom elements")
        raise FetchError(Msg.FEED_UNREADABLE.format(url=url, detail=detail), "not-a-feed")
    entries = [entry for entry in map(_entry, parsed.entries) if entry is not None]
    return Feed(title=parsed.feed.get("title") or None, entries=entries)


def _entry(raw: Any) -> FeedEntry | None:
    link = raw.get("link") or None
    key = raw.get("id") or link
    if not key:
        return None
    when = raw.get("published_parsed") or raw.get("updated_parsed")
    published = datetime(*when[:6]).replace(tzinfo=UTC).isoformat() if when else None
    return FeedEntry(key=key, link=link, title=raw.get("title") or None, published=published)


# -- polling ------------------------------------------------------------------------------


def poll_feed(ledger: Ledger, fetcher: Fetcher, url: str) -> FeedReport:
    """Fetch the feed (conditionally) and every entry not seen before into the ledger."""
    url = normalise_url(url)
    report = FeedReport(url)
    etag, last_modified = _validators(ledger, url)
    try:
        page = fetcher.get(url, headers=_conditional_headers(etag, last_modified))
        if page.status == 304:
            report.not_modified = True
            _save_feed(ledger, url, None, etag, last_modified)
            return report
        feed = parse_feed(page.body, url, page.headers.get("content-type", ""))
    except FetchError as exc:
        report.failed.append(Failure(url, exc.reason, str(exc)))
        return report
    report.entries = len(feed.entries)
    _fetch_new_entries(ledger, fetcher, url, feed, report)
    retry_later = any(not failure.permanent for failure in report.failed)
    # Keep the validators only when nothing needs a retry, or a 304 would hide those entries.
    new_etag = None if retry_later else page.headers.get("etag")
    new_modified = None if retry_later else page.headers.get("last-modified")
    _save_feed(ledger, url, feed.title, new_etag, new_modified)
    return report


def _fetch_new_entries(
    ledger: Ledger, fetcher: Fetcher, url: str, feed: Feed, report: FeedReport
) -> None:
    fresh = [entry for entry in feed.entries if not _seen(ledger, url, entry.key)]
    report.new = len(fresh)
    targets: list[Target] = []
    by_link: dict[str, list[FeedEntry]] = {}
    for entry in fresh:
        if not entry.link or not entry.link.startswith(("http://", "https://")):
            message = Msg.FEED_ENTRY_NO_LINK.format(url=url, entry=entry.title or entry.key)
            report.failed.append(Failure(url, "no-link", message))
            _mark_seen(ledger, url, entry, "no-link")
            continue
        link = normalise_url(entry.link)
        by_link.setdefault(link, []).append(entry)
        defaults = Defaults(published=entry.published, outlet=feed.title)
        targets.append(Target(link, defaults, date_source="metadata"))
    report.fetch = fetch_into(ledger, fetcher, targets)
    outcomes = [(link, "fetched") for link in (*report.fetch.fetched, *report.fetch.already)]
    for failure in report.fetch.failed:
        report.failed.append(failure)
        if failure.permanent:
            outcomes.append((failure.url, failure.reason))
    for link, outcome in outcomes:
        for entry in by_link.pop(link, []):
            _mark_seen(ledger, url, entry, outcome)


def _conditional_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _validators(ledger: Ledger, url: str) -> tuple[str | None, str | None]:
    return feed_validators(ledger.conn, url)


def _save_feed(
    ledger: Ledger, url: str, title: str | None, etag: str | None, last_modified: str | None
) -> None:
    save_feed(ledger.conn, url, title, etag, last_modified)


def _seen(ledger: Ledger, feed_url: str, key: str) -> bool:
    return feed_entry_seen(ledger.conn, feed_url, key)


def _mark_seen(ledger: Ledger, feed_url: str, entry: FeedEntry, outcome: str) -> None:
    mark_feed_entry_seen(ledger.conn, feed_url, entry.key, entry.link, outcome)


# -- watching -----------------------------------------------------------------------------


def parse_interval(value: str) -> float:
    """Seconds in an interval such as ``90``, ``30s``, ``15m``, ``1h`` or ``1d``."""
    found = _INTERVAL.match(value)
    if not found or float(found.group(1)) <= 0:
        raise InputError(Msg.BAD_INTERVAL.format(value=value))
    return float(found.group(1)) * _SECONDS[found.group(2).lower()]


def watch(
    ledger: Ledger,
    fetcher: Fetcher,
    feeds: Iterable[str],
    every: float,
    once: bool,
    on_report: Callable[[FeedReport], None],
    sleep: Callable[[float], None] = time.sleep,
    stop: threading.Event | None = None,
) -> bool:
    """Poll ``feeds`` every ``every`` seconds (once with ``once``); True if nothing failed.

    Runs until interrupted or ``stop`` is set, unless ``once``; ``stop`` is looked at
    before each feed and after each sleep. Every article is committed as soon as it is
    stored, so an interruption (Ctrl-C) loses nothing already done.
    """
    feeds = list(feeds)
    ok = True
    while True:
        for url in feeds:
            if stop is not None and stop.is_set():
                return ok
            report = poll_feed(ledger, fetcher, url)
            ok = ok and report.ok
            on_report(report)
        if once:
            return ok
        sleep(every)


class StopOnInterrupt:
    """Ctrl-C as a request to stop a long-running loop, used as a context manager.

    The first SIGINT sets ``requested`` (the loop stops at its next step, and a sleep
    in ``sleep`` ends at once); it also restores Python's own handler, so a second
    Ctrl-C raises ``KeyboardInterrupt`` wherever the work is, a slow fetch included.
    Nothing depends on where a ``KeyboardInterrupt`` would land, or on a library
    letting it through.
    """

    def __init__(self) -> None:
        self.requested = threading.Event()
        self._previous: Any = None

    def __enter__(self) -> StopOnInterrupt:
        self._previous = signal.signal(signal.SIGINT, self._first_interrupt)
        return self

    def __exit__(self, *exc: object) -> None:
        signal.signal(signal.SIGINT, self._previous)

    def _first_interrupt(self, signum: int, frame: FrameType | None) -> None:
        self.requested.set()
        signal.signal(signal.SIGINT, signal.default_int_handler)

    def sleep(self, seconds: float) -> None:
        self.requested.wait(seconds)
