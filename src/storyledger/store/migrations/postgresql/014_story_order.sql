-- Each story member's place in its story's order of publication (`published`, `seq`: the
-- article's own, copied once as it is linked; an article's date never changes), so that a
-- big story's newest sources and its quotes' first printings are read from one index,
-- never from every article row of the story (each holding its whole text).
ALTER TABLE article_story ADD COLUMN published TEXT COLLATE "C";
ALTER TABLE article_story ADD COLUMN seq BIGINT;
UPDATE article_story SET published = a.published, seq = a.seq
    FROM articles a WHERE a.id = article_story.article_id;
-- NULLS FIRST, as SQLite orders them: read backwards, newest first with undated ones last
CREATE INDEX article_story_order ON article_story(story, published NULLS FIRST, seq);
