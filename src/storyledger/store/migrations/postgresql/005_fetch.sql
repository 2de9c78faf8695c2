-- Ingest from the web: what was fetched, which feed entries were seen, and each
-- feed's validators for conditional GET, so running a command again fetches
-- nothing twice.

-- URLs whose article went into the ledger, as requested (without fragment) and
-- as finally served after redirects.
CREATE TABLE fetched_urls (
    url TEXT COLLATE "C" PRIMARY KEY,
    final_url TEXT COLLATE "C" NOT NULL,
    article_id TEXT COLLATE "C" NOT NULL,
    fetched_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX fetched_urls_final ON fetched_urls(final_url);

-- Feeds that were polled, with the ETag and Last-Modified of their last full answer.
CREATE TABLE feeds (
    url TEXT COLLATE "C" PRIMARY KEY,
    title TEXT COLLATE "C",
    etag TEXT COLLATE "C",
    last_modified TEXT COLLATE "C",
    checked_at TEXT COLLATE "C" NOT NULL
);

-- Entries of a feed that need no further work: fetched, or failed for a reason
-- that would not change on a retry (outcome holds 'fetched' or that reason).
CREATE TABLE feed_entries (
    feed_url TEXT COLLATE "C" NOT NULL,
    entry_key TEXT COLLATE "C" NOT NULL,  -- the entry's id, else its link
    link TEXT COLLATE "C",
    outcome TEXT COLLATE "C" NOT NULL,
    seen_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (feed_url, entry_key)
);
