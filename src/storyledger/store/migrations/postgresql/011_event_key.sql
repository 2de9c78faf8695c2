-- Key events: a timeline lists by default the happenings that at least two independent
-- outlets report, or that a report leads with (a dated clause of its first sentences,
-- dated at most a few days before it was published); the others fold away (`--all`).
-- `lead` is computed by the link stage for each source; an existing ledger keeps its
-- multi-outlet events as key ones until `rebuild` recomputes the leads.
ALTER TABLE event_sources ADD COLUMN lead BIGINT NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN key_event BIGINT NOT NULL DEFAULT 0;
UPDATE events SET key_event = CASE WHEN salience >= 2 THEN 1 ELSE 0 END;
