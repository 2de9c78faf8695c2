-- What the quotes view reads of a quote mention, as columns: the speaker's name as
-- printed, whether the words are the speaker's own (1) or a paraphrase (0), and the
-- cue ("said", "told"). They were read from the JSON in `data` with json_extract for
-- every quote of a story, which took most of the story page's time. Other kinds of
-- mention leave them NULL; existing quotes are filled from their JSON here.
ALTER TABLE mentions ADD COLUMN quote_speaker TEXT COLLATE "C";
ALTER TABLE mentions ADD COLUMN quote_direct BIGINT;
ALTER TABLE mentions ADD COLUMN quote_cue TEXT COLLATE "C";
UPDATE mentions SET
    quote_speaker = data::jsonb #>> '{speaker,text}',
    quote_direct = CASE data::jsonb ->> 'direct' WHEN 'true' THEN 1 WHEN 'false' THEN 0 END,
    quote_cue = data::jsonb ->> 'cue'
WHERE kind = 'quote';
-- A story's quotes, found by article and counted per speaker and words, from this
-- index alone (it holds every column the count reads), never from the rows and their JSON.
CREATE INDEX mentions_quotes
    ON mentions(article_id, kind, key, quote_speaker, quote_direct, quote_cue, text, idx)
    WHERE kind = 'quote';
