-- Articles (the source of truth) and everything extracted from them.
-- PostgreSQL twin of ../001_core.sql: the same tables, columns and indexes (text compared
-- byte by byte, COLLATE "C", as SQLite compares it), in PostgreSQL's types.
CREATE TABLE articles (
    id TEXT COLLATE "C" PRIMARY KEY,
    url TEXT COLLATE "C",
    outlet TEXT COLLATE "C",
    title TEXT COLLATE "C",
    published TEXT COLLATE "C",
    published_source TEXT COLLATE "C" NOT NULL DEFAULT 'none',
    language TEXT COLLATE "C" NOT NULL DEFAULT 'en',
    author TEXT COLLATE "C",
    text TEXT COLLATE "C" NOT NULL,
    ingested_at TEXT COLLATE "C" NOT NULL,
    extractor_version TEXT COLLATE "C",
    linked BIGINT NOT NULL DEFAULT 0,  -- 1 once the link stage has taken the article in
    seq BIGINT NOT NULL UNIQUE  -- ingestion order
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_url ON articles(url);

-- One row per mention; kind is entity, time, quantity or quote; data holds the
-- mention's full JSON (the model's field names).
CREATE TABLE mentions (
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT COLLATE "C" NOT NULL,
    idx BIGINT NOT NULL,
    start BIGINT NOT NULL,
    "end" BIGINT NOT NULL,
    text TEXT COLLATE "C" NOT NULL,
    key TEXT COLLATE "C",  -- entity key, time value, quantity unit, quote speaker key
    data TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (article_id, kind, idx)
);
CREATE INDEX mentions_kind_key ON mentions(kind, key);

CREATE TABLE claims (
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx BIGINT NOT NULL,
    sentence BIGINT NOT NULL,
    modality TEXT COLLATE "C" NOT NULL,
    polarity TEXT COLLATE "C" NOT NULL,
    has_quantity BIGINT NOT NULL,
    has_time BIGINT NOT NULL,
    data TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (article_id, idx)
);

-- Sentence spans of each article, so every view can cite the sentence.
CREATE TABLE extractions (
    article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    extractor_version TEXT COLLATE "C" NOT NULL,
    sentences TEXT COLLATE "C" NOT NULL
);

-- Full-text search (what SQLite's FTS5 table articles_fts answers there): each article's
-- title and text as a tsvector, kept by the server, under a GIN index. The configuration
-- stems every word as FTS5's porter tokenizer does and, like it, drops none as a stop word.
CREATE TEXT SEARCH DICTIONARY storyledger_stem (TEMPLATE = snowball, Language = english);
CREATE TEXT SEARCH CONFIGURATION storyledger (COPY = english);
ALTER TEXT SEARCH CONFIGURATION storyledger
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
    WITH storyledger_stem;
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
    to_tsvector('storyledger', COALESCE(title, '') || ' ' || text)
) STORED;
CREATE INDEX articles_search ON articles USING GIN (search);
