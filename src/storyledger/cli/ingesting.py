"""`storyledger ingest`, `articles`, `show`, `rebuild` (stub, to be completed)."""
