-- Figures (tracked variables of a story) and their observations.

-- A figure: the same counted thing, unit, key entities, modality and level-vs-change.
CREATE TABLE figures (
    id TEXT COLLATE "C" PRIMARY KEY,
    story TEXT COLLATE "C" NOT NULL,
    label TEXT COLLATE "C" NOT NULL,
    unit TEXT COLLATE "C" NOT NULL,
    counted TEXT COLLATE "C",  -- what is counted, as first reported ("police officer")
    modality TEXT COLLATE "C" NOT NULL,  -- asserted, pledged, planned, estimated, needed
    change BIGINT NOT NULL,  -- 1: additions ("another 200"), 0: levels ("now 600")
    words TEXT COLLATE "C" NOT NULL,  -- JSON list: the words of every counted phrase aligned to it
    actors TEXT COLLATE "C" NOT NULL,  -- JSON list of entity keys that are the subject of its claims
    entities TEXT COLLATE "C" NOT NULL,  -- JSON list of [key, name] of the entities of its claims
    seq BIGINT NOT NULL  -- creation order
);
CREATE INDEX figures_story ON figures(story, seq);

-- Blocking keys: a new claim looks up only the figures of its story that share
-- its unit, modality, level-vs-change and one word of what it counts.
CREATE TABLE figure_keys (
    story TEXT COLLATE "C" NOT NULL,
    block TEXT COLLATE "C" NOT NULL,
    figure_id TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (story, block, figure_id)
);
CREATE INDEX figure_keys_figure ON figure_keys(figure_id);

-- One value of a figure as one article gives it. as_of is the time the value
-- refers to (TIMEX3 value, else the publication date); as_of_start/as_of_end
-- are the days it spans. relation is recomputed for the whole figure when an
-- observation is added, so it never depends on the order articles arrived in.
-- Stored clustered by figure, so that reading a figure reads neighbouring pages.
CREATE TABLE observations (
    id BIGINT NOT NULL,  -- unique (observations_id), assigned in insertion order
    figure_id TEXT COLLATE "C" NOT NULL,
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    claim BIGINT NOT NULL,  -- index of the claim in the article's extraction
    source TEXT COLLATE "C" NOT NULL,  -- the original article of a syndicated copy, else the article
    duplicate_of TEXT COLLATE "C",  -- set when the article is a copy of another
    source_outlet TEXT COLLATE "C",  -- the outlet of the source (of the original, for a copy)
    value DOUBLE PRECISION NOT NULL,
    low DOUBLE PRECISION,
    high DOUBLE PRECISION,
    approx TEXT COLLATE "C",
    as_of TEXT COLLATE "C",
    as_of_start TEXT COLLATE "C",
    as_of_end TEXT COLLATE "C",
    reported TEXT COLLATE "C",  -- publication (else ingestion) day of the article: `changes` filters on it
    published TEXT COLLATE "C",  -- the article's publication date or time, as stored with it
    outlet TEXT COLLATE "C",  -- the article's outlet and url, kept here so views need no join
    url TEXT COLLATE "C",
    speaker TEXT COLLATE "C",
    sentence TEXT COLLATE "C" NOT NULL,
    relation TEXT COLLATE "C" NOT NULL,
    relation_to BIGINT,  -- the observation the relation refers to (NULL for first)
    PRIMARY KEY (figure_id, id)
);
CREATE UNIQUE INDEX observations_id ON observations(id);
-- in the order of observations within a figure: as_of, then publication, then article
CREATE INDEX observations_figure
    ON observations(figure_id, as_of_start, as_of_end, reported, article_id);
CREATE INDEX observations_article ON observations(article_id);
CREATE INDEX observations_value ON observations(figure_id, value);
CREATE INDEX observations_reported ON observations(reported);

INSERT INTO link_tables (position, name) VALUES
    (30, 'figures'), (31, 'figure_keys'), (32, 'observations');
