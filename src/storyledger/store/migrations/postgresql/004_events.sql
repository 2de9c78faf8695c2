-- Timeline events of a story, merged across articles. Everything on an event
-- row is recomputed from its sources whenever a source is added or removed.
CREATE TABLE events (
    id TEXT COLLATE "C" PRIMARY KEY,
    story TEXT COLLATE "C" NOT NULL,
    block TEXT COLLATE "C" NOT NULL,  -- blocking key: the year-month (or year) the event is filed under
    status TEXT COLLATE "C" NOT NULL,  -- happened | expected
    date TEXT COLLATE "C" NOT NULL,  -- TIMEX3 value or interval "1915/1934"
    mod TEXT COLLATE "C",  -- START, MID, END, APPROX ... of the date
    interval_start TEXT COLLATE "C" NOT NULL,  -- first day the date denotes
    interval_end TEXT COLLATE "C" NOT NULL,  -- last day the date denotes
    description TEXT COLLATE "C" NOT NULL,
    actors TEXT COLLATE "C" NOT NULL,  -- JSON list of [entity key, display name], most cited first
    salience BIGINT NOT NULL  -- number of independent outlets
);
CREATE INDEX events_block ON events(story, block, status);
CREATE INDEX events_salience ON events(salience DESC, interval_start);

-- One row per dated clause of an article that supports an event.
CREATE TABLE event_sources (
    event_id TEXT COLLATE "C" NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    time_idx BIGINT NOT NULL,  -- index of the time mention in the article's extraction
    claim BIGINT,  -- index of the claim the clause belongs to, if any
    date TEXT COLLATE "C" NOT NULL,  -- the date as this article gives it
    mod TEXT COLLATE "C",
    interval_start TEXT COLLATE "C" NOT NULL,
    interval_end TEXT COLLATE "C" NOT NULL,
    clause TEXT COLLATE "C" NOT NULL,  -- the supporting clause, as printed
    actors TEXT COLLATE "C" NOT NULL,  -- JSON object entity key -> display name
    PRIMARY KEY (event_id, article_id, time_idx)
);
CREATE INDEX event_sources_article ON event_sources(article_id);

-- How many dated clauses of a story use each content word, so that comparing two
-- clauses weighs the story's rare words up and its everyday words ("police") down.
-- The row with word '' counts the story's dated clauses.
CREATE TABLE event_words (
    story TEXT COLLATE "C" NOT NULL,
    word TEXT COLLATE "C" NOT NULL,
    clauses BIGINT NOT NULL,
    PRIMARY KEY (story, word)
);

-- SQLite's julianday() of a day (YYYY-MM-DD, else NULL as there), so that the statements
-- that order and compare events by their days are the same in both dialects.
CREATE FUNCTION julianday(day TEXT) RETURNS DOUBLE PRECISION
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
    IF day !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}' THEN
        RETURN NULL;
    END IF;
    RETURN (substr(day, 1, 10)::date - DATE '2000-01-01') + 2451544.5;
EXCEPTION WHEN others THEN
    RETURN NULL;
END;
$$;

INSERT INTO link_tables (position, name) VALUES
    (40, 'events'), (41, 'event_sources'), (42, 'event_words');
