-- A figure's history, as a summary reads it (store.figures.HISTORY_FIELDS: what its
-- relations, latest value, agreeing sources, conflicts and chart need), from this index
-- alone: the story page of a big story reads thousands of observations, and looking up
-- each row for the columns it needed took most of that time. It keeps the order of the
-- index it replaces (migration 007), with id right after it so that order needs no sort,
-- and the link stage's window (the observations ending on or after a day) stays an
-- index scan.
DROP INDEX observations_figure;
CREATE INDEX observations_history ON observations(
    figure_id, as_of_end NULLS FIRST, as_of_start NULLS FIRST, reported NULLS FIRST, article_id, id,
    value, low, high, approx, as_of, relation, relation_to, duplicate_of, source, source_outlet
);
