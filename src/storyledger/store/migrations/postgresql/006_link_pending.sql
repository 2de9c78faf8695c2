-- The link stage looks up the articles not linked yet (`link_pending`), in
-- ingestion order. A partial index holds only those, so the look-up costs the
-- number of pending articles, not a scan of the whole ledger.
CREATE INDEX articles_pending ON articles(seq) WHERE linked = 0;
