-- Stories, near-duplicates and canonical entities: the first part of the link stage.

-- Registry of the tables the link stage derives from articles: `relink_all`
-- empties every table named here (last registered first) and links again.
-- Each link migration registers its own derived tables with one INSERT.
CREATE TABLE link_tables (
    position INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL DEFAULT '',
    pin TEXT UNIQUE,  -- the correction group whose articles this story holds, if any
    first_seen TEXT,  -- earliest publication (else ingestion) date of its articles
    last_seen TEXT,
    first_published TEXT,  -- earliest and latest known publication dates only
    last_published TEXT,
    articles INTEGER NOT NULL DEFAULT 0,  -- number of articles, copies included
    sources INTEGER NOT NULL DEFAULT 0,  -- number of articles that are not copies
    norm2_words REAL NOT NULL DEFAULT 0,  -- squared norm of each centroid (sum of unit vectors)
    norm2_names REAL NOT NULL DEFAULT 0,
    seq INTEGER NOT NULL  -- creation order
);
CREATE INDEX stories_seq ON stories(seq);

-- The story of each linked article; duplicate_of names the original of a
-- syndicated copy (the copy is in the original's story and is not a source).
CREATE TABLE article_story (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story TEXT NOT NULL,
    duplicate_of TEXT,
    similarity REAL  -- score of the story it joined (NULL when it started one or is a copy)
);
CREATE INDEX article_story_story ON article_story(story);
CREATE INDEX article_story_duplicate ON article_story(duplicate_of);

-- Document frequency of every feature over the linked (non-copy) articles, with
-- a readable surface form for labels. channel 0: content words, 1: names.
CREATE TABLE term_df (
    channel INTEGER NOT NULL,
    term TEXT NOT NULL,
    df INTEGER NOT NULL,
    surface TEXT NOT NULL,
    PRIMARY KEY (channel, term)
) WITHOUT ROWID;

-- Each story's centroid (sum of its articles' unit tf-idf vectors) and, through
-- the (channel, term, weight) index, the blocking keys that find candidate stories.
CREATE TABLE story_terms (
    story TEXT NOT NULL,
    channel INTEGER NOT NULL,
    term TEXT NOT NULL,
    weight REAL NOT NULL,
    PRIMARY KEY (story, channel, term)
) WITHOUT ROWID;
CREATE INDEX story_terms_block ON story_terms(channel, term, weight DESC);
CREATE INDEX story_terms_top ON story_terms(story, channel, weight DESC);

-- Counters of the link stage (linked documents, stories started).
CREATE TABLE link_counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);

-- The MinHash LSH index of near-duplicates, kept as band keys: an article is a
-- candidate copy of another when they share the bucket of at least one band.
CREATE TABLE minhash_bands (
    band INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (band, bucket, article_id)
) WITHOUT ROWID;

-- One canonical entity per key per ledger.
CREATE TABLE entities (
    key TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    mentions INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE entity_aliases (
    key TEXT NOT NULL,
    alias TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (key, alias)
) WITHOUT ROWID;
CREATE TABLE entity_types (
    key TEXT NOT NULL,
    type TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (key, type)
) WITHOUT ROWID;
CREATE TABLE entity_counts (
    key TEXT NOT NULL,
    story TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    articles INTEGER NOT NULL,
    PRIMARY KEY (key, story)
) WITHOUT ROWID;
CREATE INDEX entity_counts_story ON entity_counts(story, mentions DESC);

INSERT INTO link_tables (position, name) VALUES
    (20, 'stories'), (21, 'article_story'), (22, 'term_df'), (23, 'story_terms'),
    (24, 'link_counters'), (25, 'minhash_bands'), (26, 'entities'), (27, 'entity_aliases'),
    (28, 'entity_types'), (29, 'entity_counts');

-- User corrections: not derived, so they survive relink_all. story_corrections
-- is the log of what the user asked; story_pins holds its effect: articles with
-- the same pin always share one story, whose id is the pin.
CREATE TABLE story_corrections (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,  -- merge | split
    story TEXT NOT NULL,
    other TEXT,  -- merge: the story merged into `story`
    articles TEXT NOT NULL,  -- JSON list of the article ids the correction pinned
    created_at TEXT NOT NULL
);
CREATE TABLE story_pins (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    pin TEXT NOT NULL
);
CREATE INDEX story_pins_pin ON story_pins(pin);
