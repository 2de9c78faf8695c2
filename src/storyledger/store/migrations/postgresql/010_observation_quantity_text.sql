-- The quantity of each observation as the source printed it ("Fewer than 100",
-- "some 400", "over $21 million"): the views show the source's own bound word from it
-- (report/display.py), where `approx` holds only its normalised label ("less than",
-- "about", "more than"). Existing observations are filled from their claim's quantity.
ALTER TABLE observations ADD COLUMN quantity_text TEXT COLLATE "C";
UPDATE observations SET quantity_text = (
    SELECT m.text FROM claims c JOIN mentions m
        ON m.article_id = c.article_id AND m.kind = 'quantity'
        AND m.idx = (c.data::jsonb ->> 'quantity')::BIGINT
    WHERE c.article_id = observations.article_id AND c.idx = observations.claim
);
