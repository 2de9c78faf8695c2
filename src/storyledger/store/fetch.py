"""What ingest from the web remembers: URLs fetched, feed entries seen, feed validators."""

from __future__ import annotations

import sqlite3

from storyledger.store.connection import now_iso


def was_fetched(conn: sqlite3.Connection, url: str) -> bool:
    """True when ``url`` went into the ledger before, as requested or as redirected to."""
    row = conn.execute(
        "SELECT 1 FROM fetched_urls WHERE url = ? OR final_url = ? LIMIT 1", (url, url)
    ).fetchone()
    return row is not None


def remember_fetched(conn: sqlite3.Connection, url: str, final_url: str, article_id: str) -> None:
    """``url`` (served as ``final_url``) gave the article ``article_id``."""
    conn.execute(
        "INSERT INTO fetched_urls (url, final_url, article_id, fetched_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (url) DO UPDATE SET final_url = excluded.final_url,"
        " article_id = excluded.article_id, fetched_at = excluded.fetched_at",
        (url, final_url, article_id, now_iso()),
    )


def feed_validators(conn: sqlite3.Connection, url: str) -> tuple[str | None, str | None]:
    """The ETag and Last-Modified of a feed's last full answer ((None, None) if never)."""
    row = conn.execute("SELECT etag, last_modified FROM feeds WHERE url = ?", (url,)).fetchone()
    return (row["etag"], row["last_modified"]) if row else (None, None)


def save_feed(
    conn: sqlite3.Connection,
    url: str,
    title: str | None,
    etag: str | None,
    last_modified: str | None,
) -> None:
    """A feed was checked now: its validators, and its title if it gave one."""
    conn.execute(
        "INSERT INTO feeds (url, title, etag, last_modified, checked_at) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT(url) DO UPDATE SET title = COALESCE(excluded.title, feeds.title),"
        " etag = excluded.etag, last_modified = excluded.last_modified,"
        " checked_at = excluded.checked_at",
        (url, title, etag, last_modified, now_iso()),
    )


def feed_entry_seen(conn: sqlite3.Connection, feed_url: str, entry_key: str) -> bool:
    """True when the feed's entry needs no further work (fetched, or failed for good)."""
    row = conn.execute(
        "SELECT 1 FROM feed_entries WHERE feed_url = ? AND entry_key = ?", (feed_url, entry_key)
    ).fetchone()
    return row is not None


def mark_feed_entry_seen(
    conn: sqlite3.Connection, feed_url: str, entry_key: str, link: str | None, outcome: str
) -> None:
    """The feed's entry needs no further work: ``outcome`` is 'fetched' or why it failed."""
    conn.execute(
        "INSERT INTO feed_entries (feed_url, entry_key, link, outcome, seen_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (feed_url, entry_key) DO UPDATE SET"
        " link = excluded.link, outcome = excluded.outcome, seen_at = excluded.seen_at",
        (feed_url, entry_key, link, outcome, now_iso()),
    )
