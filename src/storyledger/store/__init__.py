"""The ledger's storage: every SQL statement of storyledger lives in this package.

``connection`` opens a ledger (WAL, migrations, transactions), ``ledger`` holds the
``Ledger`` object, ``lookup`` the id-prefix resolution and chunked ``IN (...)`` reads,
and one module per area holds its queries: ``articles``, ``search``, ``stories``,
``entities``, ``figures``, ``events``, ``quotes``, ``fetch`` (fetched URLs and feeds);
and for the link stage ``story_terms`` (centroids, document frequencies), ``duplicates``
(LSH band keys) and ``links`` (its counters, relinking).
"""

from __future__ import annotations

from storyledger.store.connection import now_iso
from storyledger.store.ledger import Ledger, open_ledger

__all__ = ["Ledger", "now_iso", "open_ledger"]
