"""`storyledger extract`: JSONL in, JSONL out, no database (stub, to be completed)."""
