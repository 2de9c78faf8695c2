"""The LSH index of near-duplicates: each article's MinHash band keys (``minhash_bands``)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable


def add_band_keys(
    conn: sqlite3.Connection, article_id: str, keys: Iterable[tuple[int, int]]
) -> None:
    """File the article under the (band, bucket) of each of its LSH bands."""
    conn.executemany(
        "INSERT INTO minhash_bands (band, bucket, article_id) VALUES (?, ?, ?)"
        " ON CONFLICT DO NOTHING",
        [(band, bucket, article_id) for band, bucket in keys],
    )


def articles_in_bucket(conn: sqlite3.Connection, band: int, bucket: int, limit: int) -> list[str]:
    """Ids of at most ``limit`` articles filed under one bucket of one band."""
    rows = conn.execute(
        "SELECT article_id FROM minhash_bands WHERE band = ? AND bucket = ? LIMIT ?",
        (band, bucket, limit),
    )
    return [str(row[0]) for row in rows]
