"""Near-duplicates: syndicated copies of one wire text, found with MinHash and LSH.

An article is a copy of an earlier one when their word shingles overlap enough
(Jaccard similarity, or containment for a copy with a trimmed ending), whatever
the headline. A copy is linked to its original (``article_story.duplicate_of``),
joins the original's story and counts as one source with it, never as
corroboration.

The LSH index lives in the ledger as band keys (``minhash_bands``): the 128 MinHash
values of an article are cut into 32 bands of 4, and each band is hashed to a
bucket. Two articles are candidates when they share a bucket of any band, which
catches a Jaccard similarity of 0.5 with probability 0.87 and of 0.6 with 0.99.
Storing band keys rather than signatures means nothing is rebuilt in memory
when a process starts, and a look-up costs 32 index probes however large the
ledger is. Candidates are then checked exactly on their shingles, most shared
bands first (the number of shared bands estimates the Jaccard similarity), and
at most ``MAX_VERIFIED`` of them: each probe reads at most ``BUCKET_LIMIT``
articles of a bucket, so a story of thousands of similar reports (or a wire
text copied a thousand times) costs no more than a small one.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from functools import lru_cache

from datasketch import MinHash

from storyledger.model import Article
from storyledger.store.articles import article_texts
from storyledger.store.duplicates import add_band_keys, articles_in_bucket
from storyledger.store.sqlite import Ledger
from storyledger.store.stories import original_of

SHINGLE_WORDS = 4
NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
MIN_SHINGLES = 20  # shorter texts are too short to call one a copy of another
MIN_JACCARD = 0.5  # same wire text with small edits
MIN_CONTAINMENT = 0.8  # the shorter text (trimmed ending, cut paragraphs) lies inside the longer
BUCKET_LIMIT = 64  # articles read from one LSH bucket
MAX_VERIFIED = 12  # candidates checked on their shingles, most shared bands first
WORD = re.compile(r"\w+")


def shingles(text: str) -> set[str]:
    """The overlapping word 4-grams of a text, lowercased, punctuation ignored."""
    words = WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


@lru_cache(maxsize=1)
def _empty_minhash() -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1)


def band_keys(shingle_set: set[str]) -> list[tuple[int, int]]:
    """(band, bucket) of each LSH band of the text's MinHash signature."""
    minhash = _empty_minhash().copy()
    minhash.update_batch([s.encode("utf-8") for s in sorted(shingle_set)])
    values = minhash.hashvalues
    keys = []
    for band in range(BANDS):
        chunk = values[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        keys.append((band, int.from_bytes(digest, "big", signed=True)))
    return keys


def is_near_copy(a: set[str], b: set[str]) -> bool:
    """Exact check of a candidate pair: high Jaccard, or one text nearly inside the other."""
    if min(len(a), len(b)) < MIN_SHINGLES:
        return False
    common = len(a & b)
    return common / len(a | b) >= MIN_JACCARD or common / min(len(a), len(b)) >= MIN_CONTAINMENT


def find_original(conn: sqlite3.Connection, article: Article) -> str | None:
    """Index the article and return the id of the original it copies, if any.

    The original is the earliest linked article the text copies; when that one is
    itself a copy, its own original is returned, so a chain of copies has one root.
    """
    own = shingles(article.text)
    if len(own) < MIN_SHINGLES:
        return None
    keys = band_keys(own)
    original = _verified_candidate(conn, article.id, own, keys)
    add_band_keys(conn, article.id, keys)
    if original is None:
        return None
    return original_of(conn, original) or original


def _verified_candidate(
    conn: sqlite3.Connection, article_id: str, own: set[str], keys: list[tuple[int, int]]
) -> str | None:
    """The earliest-ingested of the likeliest LSH candidates that really is a near copy."""
    shared: dict[str, int] = {}
    for band, bucket in keys:
        for candidate in articles_in_bucket(conn, band, bucket, BUCKET_LIMIT):
            shared[candidate] = shared.get(candidate, 0) + 1
    shared.pop(article_id, None)
    if not shared:
        return None
    likeliest = sorted(shared, key=lambda c: (-shared[c], c))[:MAX_VERIFIED]
    for candidate_id, text in article_texts(conn, likeliest):
        if is_near_copy(own, shingles(text)):
            return candidate_id
    return None


def is_copy(ledger: Ledger, article_id: str) -> str | None:
    """The id of the original the article copies, or None (also for an unlinked article)."""
    return original_of(ledger.conn, article_id)
