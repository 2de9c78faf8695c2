"""The ledger in one SQLite file: WAL, busy timeout, versioned migrations.

The names callers have always imported from here; the code is in ``connection``
(opening, migrations, transactions), ``ledger`` (the ``Ledger`` object) and the query
modules by area next to it.
"""

from __future__ import annotations

from storyledger.store.connection import (
    BUSY_TIMEOUT_MS,
    _migrations,
    now_iso,
    schema_version_known,
    transaction,
)
from storyledger.store.ledger import Ledger, open_ledger

__all__ = [
    "BUSY_TIMEOUT_MS",
    "Ledger",
    "_migrations",
    "now_iso",
    "open_ledger",
    "schema_version_known",
    "transaction",
]
