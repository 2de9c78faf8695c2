-- Observations are listed in the order their relations are computed in (link.relations,
-- Obs.order): by the last day of the time they refer to, then its first day, then
-- publication, then article (then id, the rest of the primary key, which the index holds).
-- "400 in June" is listed after "380 on June 24", which it updates. Reading a figure's
-- observations in that order, and the incremental window of link.figures (the
-- observations ending on or after a day), stay index scans.
DROP INDEX observations_figure;
CREATE INDEX observations_figure
    ON observations(figure_id, as_of_end NULLS FIRST, as_of_start NULLS FIRST, reported NULLS FIRST,
    article_id);
