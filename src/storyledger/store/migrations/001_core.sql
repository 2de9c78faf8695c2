-- Articles (the source of truth) and everything extracted from them.
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    url TEXT,
    outlet TEXT,
    title TEXT,
    published TEXT,
    published_source TEXT NOT NULL DEFAULT 'none',
    language TEXT NOT NULL DEFAULT 'en',
    author TEXT,
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    extractor_version TEXT,
    linked INTEGER NOT NULL DEFAULT 0,  -- 1 once the link stage has taken the article in
    seq INTEGER NOT NULL UNIQUE  -- ingestion order
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_url ON articles(url);

-- One row per mention; kind is entity, time, quantity or quote; data holds the
-- mention's full JSON (the model's field names).
CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    key TEXT,  -- entity key, time value, quantity unit, quote speaker key
    data TEXT NOT NULL,
    PRIMARY KEY (article_id, kind, idx)
);
CREATE INDEX mentions_kind_key ON mentions(kind, key);

CREATE TABLE claims (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    modality TEXT NOT NULL,
    polarity TEXT NOT NULL,
    has_quantity INTEGER NOT NULL,
    has_time INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);

-- Sentence spans of each article, so every view can cite the sentence.
CREATE TABLE extractions (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    extractor_version TEXT NOT NULL,
    sentences TEXT NOT NULL
);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='seq', tokenize='porter unicode61'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
END;
