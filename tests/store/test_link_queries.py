"""The link stage's queries: story members, pins and corrections, centroids and document
frequencies, near-duplicate bands, entity counts, events, counters and relinking."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

import pytest

from storyledger.errors import NotFoundError
from storyledger.model import Article, content_id
from storyledger.store import articles, duplicates, entities, events, links, stories, story_terms
from storyledger.store.lookup import SQL_CHUNK
from storyledger.store.sqlite import open_ledger


@pytest.fixture
def conn(ledger_db: str) -> Iterator[sqlite3.Connection]:
    """A fresh ledger's connection, on each backend."""
    with open_ledger(ledger_db) as ledger:
        yield ledger.conn


def add(conn: sqlite3.Connection, text: str, published: str | None = None) -> str:
    article = Article(id=content_id(text), text=text, published=published)
    assert articles.add_article(conn, article)
    return article.id


def test_members_widen_the_story_and_copies_are_no_sources(conn: sqlite3.Connection) -> None:
    first, copy, late = add(conn, "one"), add(conn, "two"), add(conn, "three")
    stories.start_story(conn, "s1", None, links.bump_counter(conn, "stories"))
    assert stories.add_story_member(conn, "s1", first, None, None, "2024-06-02", "2024-06-02") == 1
    assert stories.add_story_member(conn, "s1", copy, first, None, "2024-06-01", None) == 1
    assert stories.add_story_member(conn, "s1", late, None, 0.4, "2024-07-01", "2024-07-01") == 2
    row = conn.execute("SELECT * FROM stories WHERE id = 's1'").fetchone()
    assert (row["articles"], row["sources"]) == (3, 2)
    assert (row["first_seen"], row["last_seen"]) == ("2024-06-01", "2024-07-01")
    assert (row["first_published"], row["last_published"]) == ("2024-06-02", "2024-07-01")
    assert stories.story_of_article(conn, copy) == "s1"
    assert stories.original_of(conn, copy) == first
    assert stories.original_of(conn, first) is None
    assert stories.original_of(conn, "unlinked") is None
    assert stories.story_article_ids(conn, "s1") == [first, copy, late]  # ingestion order
    stories.set_story_label(conn, "s1", "Kenya · Haiti")
    assert stories.story_by_id(conn, "s1")["label"] == "Kenya · Haiti"  # type: ignore[index]


def test_scoring_rows_come_in_the_order_stories_were_started(conn: sqlite3.Connection) -> None:
    ids = [f"s{n:04d}" for n in range(SQL_CHUNK + 3)]
    for story in reversed(ids):
        stories.start_story(conn, story, None, links.bump_counter(conn, "stories"))
    rows = stories.story_scoring_rows(conn, sorted(ids))
    assert [row["id"] for row in rows] == ids[::-1]
    assert links.counter_value(conn, "stories") == len(ids)
    assert links.counter_value(conn, "never") == 0


def test_pins_and_corrections(conn: sqlite3.Connection) -> None:
    a, b = add(conn, "one"), add(conn, "two")
    assert stories.pin_of(conn, a) is None
    stories.pin_articles(conn, [a, b], "p1")
    stories.pin_articles(conn, [b], "p2")  # a new pin replaces the old
    assert (stories.pin_of(conn, a), stories.pin_of(conn, b)) == ("p1", "p2")
    assert stories.story_with_pin(conn, "p1") is None
    stories.start_story(conn, "p1", "p1", 1)
    assert stories.story_with_pin(conn, "p1") == "p1"
    stories.log_story_correction(conn, "merge", "p1", "s9", [a, b])
    row = conn.execute("SELECT kind, story, other, articles FROM story_corrections").fetchone()
    assert tuple(row) == ("merge", "p1", "s9", json.dumps([a, b]))


def test_a_story_resolves_from_a_prefix_and_a_blank_one_fits_a_single_story(
    conn: sqlite3.Connection,
) -> None:
    stories.start_story(conn, "sabc", None, 1)
    assert stories.resolve_story_id(conn, "sab") == "sabc"
    assert stories.resolve_story_id(conn, "") == "sabc"
    stories.start_story(conn, "sabd", None, 2)
    with pytest.raises(NotFoundError, match="matches more than one story"):
        stories.resolve_story_id(conn, "sab")
    with pytest.raises(NotFoundError, match="no story with id 'x'"):
        stories.resolve_story_id(conn, "x")


def test_document_frequencies_and_centroids_over_many_terms(conn: sqlite3.Connection) -> None:
    terms = [f"t{n:04d}" for n in range(2 * SQL_CHUNK + 1)]
    story_terms.count_document_terms(conn, [(0, t, t.upper()) for t in terms])
    story_terms.count_document_terms(conn, [(0, terms[0], "other"), (1, terms[0], "n")])
    df = story_terms.document_frequencies(conn, 0, [*terms, "unseen"])
    assert len(df) == len(terms) and df[terms[0]] == 2 and df[terms[1]] == 1
    assert story_terms.document_frequencies(conn, 1, terms) == {terms[0]: 1}
    for story in ("s1", "s2"):
        stories.start_story(conn, story, None, int(story[1]))
    story_terms.add_to_centroid(conn, "s1", 0, False, 1.0, {t: 0.5 for t in terms})
    story_terms.add_to_centroid(conn, "s1", 0, False, 0.5, {terms[0]: 0.25})
    story_terms.add_to_centroid(conn, "s2", 1, True, 2.0, {terms[0]: 0.9})
    weights = list(story_terms.centroid_weights(conn, ["s1", "s2"], 0, terms))
    assert len(weights) == len(terms)
    assert {tuple(w) for w in weights if w[1] == terms[0]} == {("s1", terms[0], 0.75)}
    norms = conn.execute("SELECT id, norm2_words, norm2_names FROM stories ORDER BY id")
    assert [tuple(r) for r in norms] == [("s1", 1.5, 0.0), ("s2", 0.0, 2.0)]
    assert story_terms.heaviest_stories_with(conn, 0, terms[0], 4) == [("s1", 0.75)]
    top = story_terms.heaviest_story_terms(conn, "s1", 0, 2)
    assert len(top) == 2
    assert (top[0]["term"], top[0]["df"], top[0]["surface"]) == (terms[0], 2, "T0000")


def test_band_keys_and_candidate_texts(conn: sqlite3.Connection) -> None:
    later, first = add(conn, "later text"), add(conn, "first text")
    duplicates.add_band_keys(conn, later, [(0, 7), (1, 8)])
    duplicates.add_band_keys(conn, first, [(0, 7)])
    duplicates.add_band_keys(conn, first, [(0, 7)])  # filed once
    assert sorted(duplicates.articles_in_bucket(conn, 0, 7, 10)) == sorted([later, first])
    assert len(duplicates.articles_in_bucket(conn, 0, 7, 1)) == 1
    assert articles.article_texts(conn, [first, later]) == [
        (later, "later text"),
        (first, "first text"),
    ]


def test_pending_articles_in_time_and_relinking(conn: sqlite3.Connection) -> None:
    late = add(conn, "late", "2024-07-01")
    early = add(conn, "early", "2024-06-01")
    assert articles.unlinked_article_ids(conn) == [early, late]
    assert articles.mark_article_linked(conn, early)
    assert not articles.mark_article_linked(conn, early)  # taken: another writer links it
    assert articles.unlinked_article_ids(conn) == [late]
    stories.start_story(conn, "s1", None, 1)
    stories.add_story_member(conn, "s1", early, None, None, "2024-06-01", "2024-06-01")
    stories.pin_articles(conn, [early], "p1")
    links.bump_counter(conn, "documents")
    links.forget_linked(conn)
    assert articles.unlinked_article_ids(conn) == [early, late]
    assert conn.execute("SELECT count(*) FROM stories").fetchone()[0] == 0
    assert links.counter_value(conn, "documents") == 0
    assert stories.pin_of(conn, early) == "p1"  # a correction is no derived data


def test_entity_mentions_add_up(conn: sqlite3.Connection) -> None:
    stories.start_story(conn, "s1", None, 1)
    entities.count_entity_mentions(conn, "kenya", "Kenya", "GPE", "s1", 2, {"Kenya": 2}, {"GPE": 2})
    entities.count_entity_mentions(
        conn, "kenya", "Kenyan", "NORP", "s1", 3, {"Kenyan": 3}, {"NORP": 3}
    )
    row = conn.execute("SELECT name, type, mentions FROM entities").fetchone()
    assert tuple(row) == ("Kenya", "NORP", 5)  # the first name, the type most mentions carry
    assert entities.entity_aliases(conn, "kenya") == ["Kenyan", "Kenya"]
    counts = conn.execute("SELECT mentions, articles FROM entity_counts").fetchone()
    assert tuple(counts) == (5, 2)


def test_events_their_sources_and_words(conn: sqlite3.Connection) -> None:
    a, b = add(conn, "one", "2024-06-01"), add(conn, "two", "2024-06-02")
    stories.start_story(conn, "s1", None, 1)
    for article in (a, b):
        stories.add_story_member(conn, "s1", article, None, None, None, None)
    assert not events.event_exists(conn, "e1")
    events.add_event(conn, "e1", "s1", "2024-06", "happened", "2024-06", None, "2024-06-01",
                     "2024-06-30", "Officers landed")  # fmt: skip
    assert events.event_exists(conn, "e1")
    for article, clause in ((a, "Officers landed"), (b, "Officers arrived")):
        actors = json.dumps({"kenya": "Kenya"})
        events.add_event_source(conn, "e1", article, 0, None, "2024-06", None, "2024-06-01",
                                "2024-06-30", clause, actors, False)  # fmt: skip
    found = events.events_around(conn, "s1", "happened", ["2024-06"], "2024-06-03", "2024-06-03")
    assert [row["id"] for row in found] == ["e1"]
    assert (
        events.events_around(conn, "s1", "expected", ["2024-06"], "2024-06-03", "2024-06-03") == []
    )
    clauses = sorted(tuple(r) for r in events.event_source_clauses(conn, ["e1"]))
    assert [c[1] for c in clauses] == ["Officers arrived", "Officers landed"]
    assert [r["article_id"] for r in events.event_source_rows(conn, "e1")] == [a, b]
    assert events.independent_outlets(conn, "e1") == 2
    events.update_event(conn, "e1", "2024-06-01", None, "2024-06-01", "2024-06-01", "2024-06",
                        "Officers landed", "[]", 2, True)  # fmt: skip
    assert events.count_events(conn, "s1") == 1
    words = [f"w{n:04d}" for n in range(SQL_CHUNK + 2)]
    events.count_event_words(conn, "s1", ["", *words], +1)
    events.count_event_words(conn, "s1", ["", words[0]], +1)
    clause_counts = events.event_word_clauses(conn, "s1", ["", *words, "unseen"])
    assert len(clause_counts) == len(words) + 1 and clause_counts[""] == 2
    removed = events.remove_article_event_sources(conn, a)
    assert [tuple(r) for r in removed] == [("e1", "Officers landed", "s1")]
    assert [r["article_id"] for r in events.event_source_rows(conn, "e1")] == [b]
    events.delete_event(conn, "e1")
    assert events.count_events(conn) == 0
