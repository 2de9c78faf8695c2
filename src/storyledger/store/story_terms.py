"""What story assignment scores with: the document frequency of each feature (``term_df``)
and each story's centroid, its summed unit vectors per (channel, term) (``story_terms``)
with their squared norms on the story's row."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence

from storyledger.store.lookup import rows_in


def count_document_terms(conn: sqlite3.Connection, terms: Iterable[tuple[int, str, str]]) -> None:
    """One more document holds each of these (channel, term, surface); a term seen for the
    first time keeps this surface."""
    conn.executemany(
        "INSERT INTO term_df (channel, term, df, surface) VALUES (?, ?, 1, ?)"
        " ON CONFLICT (channel, term) DO UPDATE SET df = term_df.df + 1",
        list(terms),
    )


def document_frequencies(
    conn: sqlite3.Connection, channel: int, terms: Iterable[str]
) -> dict[str, int]:
    """Term -> how many documents hold it, for the terms of one channel seen before."""
    sql = "SELECT term, df FROM term_df WHERE channel = ? AND term IN ({marks})"
    return {term: int(df) for term, df in rows_in(conn, sql, sorted(terms), before=(channel,))}


def heaviest_stories_with(
    conn: sqlite3.Connection, channel: int, term: str, limit: int
) -> list[tuple[str, float]]:
    """(story, weight) of the ``limit`` stories whose centroid weighs the term most."""
    rows = conn.execute(
        "SELECT story, weight FROM story_terms WHERE channel = ? AND term = ?"
        " ORDER BY weight DESC LIMIT ?",
        (channel, term, limit),
    )
    return [(story, weight) for story, weight in rows]


def centroid_weights(
    conn: sqlite3.Connection, stories: Sequence[str], channel: int, terms: Sequence[str]
) -> Iterator[sqlite3.Row]:
    """(story, term, weight) of these terms of one channel in these stories' centroids."""
    story_marks = ",".join("?" * len(stories))
    sql = (
        f"SELECT story, term, weight FROM story_terms WHERE story IN ({story_marks})"
        " AND channel = ? AND term IN ({marks})"
    )
    yield from rows_in(conn, sql, terms, before=(*stories, channel))


def add_to_centroid(
    conn: sqlite3.Connection,
    story: str,
    channel: int,
    names: bool,
    norm2_increase: float,
    vector: Mapping[str, float],
) -> None:
    """Add a vector of one channel to the story's centroid, and ``norm2_increase`` to that
    channel's squared norm (``norm2_names`` if ``names``, else ``norm2_words``)."""
    column = "norm2_names" if names else "norm2_words"
    conn.execute(
        f"UPDATE stories SET {column} = {column} + ? WHERE id = ?", (norm2_increase, story)
    )
    conn.executemany(
        "INSERT INTO story_terms (story, channel, term, weight) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (story, channel, term) DO UPDATE"
        " SET weight = story_terms.weight + excluded.weight",
        [(story, channel, term, weight) for term, weight in vector.items()],
    )


def heaviest_story_terms(
    conn: sqlite3.Connection, story: str, channel: int, limit: int
) -> list[sqlite3.Row]:
    """term, weight, df and surface of the ``limit`` heaviest terms of one channel of the
    story's centroid, heaviest first."""
    return conn.execute(
        "SELECT st.term, st.weight, d.df, d.surface FROM story_terms st"
        " JOIN term_df d ON d.channel = st.channel AND d.term = st.term"
        " WHERE st.story = ? AND st.channel = ? ORDER BY st.weight DESC LIMIT ?",
        (story, channel, limit),
    ).fetchall()
