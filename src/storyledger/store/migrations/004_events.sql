-- Timeline events of a story, merged across articles. Everything on an event
-- row is recomputed from its sources whenever a source is added or removed.
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    story TEXT NOT NULL,
    block TEXT NOT NULL,  -- blocking key: the year-month (or year) the event is filed under
    status TEXT NOT NULL,  -- happened | expected
    date TEXT NOT NULL,  -- TIMEX3 value or interval "1915/1934"
    mod TEXT,  -- START, MID, END, APPROX ... of the date
    interval_start TEXT NOT NULL,  -- first day the date denotes
    interval_end TEXT NOT NULL,  -- last day the date denotes
    description TEXT NOT NULL,
    actors TEXT NOT NULL,  -- JSON list of [entity key, display name], most cited first
    salience INTEGER NOT NULL  -- number of independent outlets
);
CREATE INDEX events_block ON events(story, block, status);
CREATE INDEX events_salience ON events(salience DESC, interval_start);

-- One row per dated clause of an article that supports an event.
CREATE TABLE event_sources (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    time_idx INTEGER NOT NULL,  -- index of the time mention in the article's extraction
    claim INTEGER,  -- index of the claim the clause belongs to, if any
    date TEXT NOT NULL,  -- the date as this article gives it
    mod TEXT,
    interval_start TEXT NOT NULL,
    interval_end TEXT NOT NULL,
    clause TEXT NOT NULL,  -- the supporting clause, as printed
    actors TEXT NOT NULL,  -- JSON object entity key -> display name
    PRIMARY KEY (event_id, article_id, time_idx)
);
CREATE INDEX event_sources_article ON event_sources(article_id);

-- How many dated clauses of a story use each content word, so that comparing two
-- clauses weighs the story's rare words up and its everyday words ("police") down.
-- The row with word '' counts the story's dated clauses.
CREATE TABLE event_words (
    story TEXT NOT NULL,
    word TEXT NOT NULL,
    clauses INTEGER NOT NULL,
    PRIMARY KEY (story, word)
);

INSERT INTO link_tables (position, name) VALUES
    (40, 'events'), (41, 'event_sources'), (42, 'event_words');
