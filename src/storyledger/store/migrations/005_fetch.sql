-- Ingest from the web: what was fetched, which feed entries were seen, and each
-- feed's validators for conditional GET, so running a command again fetches
-- nothing twice.

-- URLs whose article went into the ledger, as requested (without fragment) and
-- as finally served after redirects.
CREATE TABLE fetched_urls (
    url TEXT PRIMARY KEY,
    final_url TEXT NOT NULL,
    article_id TEXT NOT NULL,
    fetched_at TEXT NOT NULL
);
CREATE INDEX fetched_urls_final ON fetched_urls(final_url);

-- Feeds that were polled, with the ETag and Last-Modified of their last full answer.
CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    title TEXT,
    etag TEXT,
    last_modified TEXT,
    checked_at TEXT NOT NULL
);

-- Entries of a feed that need no further work: fetched, or failed for a reason
-- that would not change on a retry (outcome holds 'fetched' or that reason).
CREATE TABLE feed_entries (
    feed_url TEXT NOT NULL,
    entry_key TEXT NOT NULL,  -- the entry's id, else its link
    link TEXT,
    outcome TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (feed_url, entry_key)
);
