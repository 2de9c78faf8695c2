-- Each event source keeps its article's place in the story's order (`reprint`: 1 for a
-- syndicated copy, 0 for an original; `published`, `seq` as article_story has them), copied
-- as the source is added (an article's story membership is recorded before its events, and
-- a re-link removes and adds its sources again), so that an event's first few originals
-- are read from one index: an event that every report of a big story mentions has
-- thousands of sources, and the story page cites three.
ALTER TABLE event_sources ADD COLUMN reprint BIGINT NOT NULL DEFAULT 0;
ALTER TABLE event_sources ADD COLUMN published TEXT COLLATE "C";
ALTER TABLE event_sources ADD COLUMN seq BIGINT;
UPDATE event_sources SET
    reprint = CASE WHEN s.duplicate_of IS NULL THEN 0 ELSE 1 END,
    published = s.published, seq = s.seq
    FROM article_story s WHERE s.article_id = event_sources.article_id;
-- NULLS FIRST, as SQLite orders them
CREATE INDEX event_sources_order
    ON event_sources(event_id, reprint, published NULLS FIRST, seq, article_id);
