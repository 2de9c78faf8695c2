-- Per-figure summaries kept by the link stage (link.summaries): what the story page and the
-- pages of the facts read of a figure (the counts it is ranked by, its latest value and
-- the reports of it, its conflicts, its chart's series), so that a big story's views never
-- read every observation. A summary is kept when stale = 0; the link stage marks a figure's
-- summary stale when an article changes the figure (version counts the marks) and
-- recomputes it once per batch. Lists are JSON text (observation ids; the series' points).
CREATE TABLE figure_summaries (
    figure_id TEXT COLLATE "C" PRIMARY KEY,
    story TEXT COLLATE "C" NOT NULL,
    stale BIGINT NOT NULL,
    version BIGINT NOT NULL,
    observations BIGINT,
    outlets BIGINT,
    revisions BIGINT,
    latest BIGINT,  -- the observation holding the latest value
    sources BIGINT,  -- independent sources agreeing with it
    latest_reports TEXT COLLATE "C",  -- every report of the latest value for its time
    conflicts TEXT COLLATE "C",  -- [conflicting, rival, settling report or null]
    cited TEXT COLLATE "C",  -- the observations the summary cites, in the figure's order
    undated BIGINT,  -- values known at no time (out of the series)
    series TEXT COLLATE "C"  -- [day, value, date as given, conflicting] where the value changes
);
CREATE INDEX figure_summaries_stale ON figure_summaries(figure_id) WHERE stale = 1;

-- The figures of an existing ledger: marked for the next link run to compute.
INSERT INTO figure_summaries (figure_id, story, stale, version)
    SELECT id, story, 1, 1 FROM figures;

INSERT INTO link_tables (position, name) VALUES (33, 'figure_summaries');
