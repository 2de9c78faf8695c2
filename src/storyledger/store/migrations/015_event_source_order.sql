-- Each event source keeps its article's place in the story's order (`reprint`: 1 for a
-- syndicated copy, 0 for an original; `published`, `seq` as article_story has them), copied
-- as the source is added (an article's story membership is recorded before its events, and
-- a re-link removes and adds its sources again), so that an event's first few originals
-- are read from one index: an event that every report of a big story mentions has
-- thousands of sources, and the story page cites three.
ALTER TABLE event_sources ADD COLUMN reprint INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_sources ADD COLUMN published TEXT;
ALTER TABLE event_sources ADD COLUMN seq INTEGER;
UPDATE event_sources SET
    reprint = coalesce((SELECT CASE WHEN s.duplicate_of IS NULL THEN 0 ELSE 1 END
        FROM article_story s WHERE s.article_id = event_sources.article_id), 0),
    published = (SELECT s.published FROM article_story s
        WHERE s.article_id = event_sources.article_id),
    seq = (SELECT s.seq FROM article_story s WHERE s.article_id = event_sources.article_id);
CREATE INDEX event_sources_order ON event_sources(event_id, reprint, published, seq, article_id);
