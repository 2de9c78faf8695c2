-- When a live fetch (fetch, watch) saw a report: `articles.seen_at`. An import of files or
-- archives never sets it. A report without a date of its own was on the web by then, and
-- its observations say so (`observations.seen_by`, the day), shown "undated, seen by".
-- Reports fetched before are filled from the URLs they were fetched from.
-- And why an authority revised a value (`observations.reason`), below.
ALTER TABLE articles ADD COLUMN seen_at TEXT COLLATE "C";
ALTER TABLE observations ADD COLUMN seen_by TEXT COLLATE "C";
-- Why its authority revised a value, where the sentence says ("citing the WHO"):
-- link.retold.revision_reason; earlier observations have none until re-linked.
ALTER TABLE observations ADD COLUMN reason TEXT COLLATE "C";
UPDATE articles SET seen_at = (
    SELECT MIN(f.fetched_at) FROM fetched_urls f WHERE f.article_id = articles.id
);
UPDATE observations SET seen_by = (
    SELECT substr(a.seen_at, 1, 10) FROM articles a
    WHERE a.id = observations.article_id AND a.published IS NULL
);
