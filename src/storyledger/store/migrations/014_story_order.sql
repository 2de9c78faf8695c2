-- Each story member's place in its story's order of publication (`published`, `seq`: the
-- article's own, copied once as it is linked; an article's date never changes), so that a
-- big story's newest sources and its quotes' first printings are read from one index,
-- never from every article row of the story (each holding its whole text).
ALTER TABLE article_story ADD COLUMN published TEXT;
ALTER TABLE article_story ADD COLUMN seq INTEGER;
UPDATE article_story SET
    published = (SELECT a.published FROM articles a WHERE a.id = article_story.article_id),
    seq = (SELECT a.seq FROM articles a WHERE a.id = article_story.article_id);
CREATE INDEX article_story_order ON article_story(story, published, seq);
