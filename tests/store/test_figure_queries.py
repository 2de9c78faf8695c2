"""The link stage's figure queries: blocking keys, values a figure holds, new figures and
observations (ids and seqs one more than the last), relations, and the rows relations are
computed from, on a real ledger of each backend."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyledger.model import Article, content_id
from storyledger.store import articles, figures, links, stories
from storyledger.store import fetch as fetch_store
from storyledger.store.lookup import SQL_CHUNK
from storyledger.store.sqlite import open_ledger


@pytest.fixture
def conn(ledger_db: str) -> Iterator[sqlite3.Connection]:
    """A fresh ledger's connection, on each backend."""
    with open_ledger(ledger_db) as ledger:
        yield ledger.conn


def add_article(
    conn: sqlite3.Connection,
    text: str,
    published: str | None = None,
    outlet: str | None = None,
    story: str = "s1",
    duplicate_of: str | None = None,
) -> str:
    article = Article(id=content_id(text), text=text, published=published, outlet=outlet)
    assert articles.add_article(conn, article)
    if stories.story_by_id(conn, story) is None:
        stories.start_story(conn, story, None, links.bump_counter(conn, "stories"))
    day = published[:10] if published and len(published) >= 10 else None  # as linking gives it
    stories.add_story_member(conn, story, article.id, duplicate_of, None, day, day)
    return article.id


def add_figure(conn: sqlite3.Connection, figure_id: str, story: str = "s1") -> None:
    figures.add_figure(
        conn,
        figure_id,
        story,
        f"label of {figure_id}",
        unit="people",
        counted="police officers",
        modality="count",
        change=False,
        words=["police", "officer"],
        actors=["kenya"],
        entities=[["kenya", "Kenya"]],
        seq=figures.next_figure_seq(conn, story),
    )


def observe(
    conn: sqlite3.Connection,
    figure_id: str,
    article_id: str,
    value: float,
    start: str | None = None,
    end: str | None = None,
    duplicate_of: str | None = None,
    sentence: str = "Kenya will send 1,000 police officers.",
) -> int:
    observation_id = figures.next_observation_id(conn)
    figures.add_observation(
        conn,
        observation_id,
        figure_id,
        article_id,
        0,
        source=duplicate_of or article_id,
        duplicate_of=duplicate_of,
        source_outlet="Reuters",
        value=value,
        low=None,
        high=None,
        approx=None,
        quantity_text=f"{value:g}",
        as_of=end,
        as_of_start=start,
        as_of_end=end,
        reported=end,
        published=end,
        outlet="Reuters",
        url=None,
        speaker=None,
        sentence=sentence,
        seen_by=None,
        reason=None,
    )
    return observation_id


def test_story_articles_give_the_first_day_and_outlets(conn: sqlite3.Connection) -> None:
    assert articles.story_first_published_day(conn, "s1") is None
    add_article(conn, "undated")
    add_article(conn, "a month only", "2024-06")
    assert articles.story_first_published_day(conn, "s1") is None  # none dated to the day
    late = add_article(conn, "late", "2024-07-02T10:00:00+00:00", outlet="AP")
    add_article(conn, "early", "2024-06-20")
    add_article(conn, "other story", "2024-01-01", story="s2")
    assert articles.story_first_published_day(conn, "s1") == "2024-06-20"
    assert articles.article_outlet(conn, late) == "AP"
    assert articles.article_outlet(conn, "no such article") is None


def test_figures_get_seqs_and_blocks_of_their_story(conn: sqlite3.Connection) -> None:
    assert figures.next_figure_seq(conn, "s1") == 1
    add_article(conn, "one")
    add_figure(conn, "fa")
    add_figure(conn, "fb")
    stories.start_story(conn, "s2", None, links.bump_counter(conn, "stories"))
    add_figure(conn, "fc", story="s2")
    assert figures.next_figure_seq(conn, "s1") == 3
    assert figures.next_figure_seq(conn, "s2") == 2
    assert figures.figure_exists(conn, "fa") and not figures.figure_exists(conn, "fz")
    figures.add_figure_blocks(conn, "s1", "fa", ["people|count|0|officer", "x"])
    figures.add_figure_blocks(conn, "s1", "fa", ["x"])  # kept once
    figures.add_figure_blocks(conn, "s1", "fb", ["x"])
    figures.add_figure_blocks(conn, "s2", "fc", ["people|count|0|officer"])
    found = figures.figures_with_blocks(conn, "s1", ["people|count|0|officer", "x"])
    assert sorted(row["id"] for row in found) == ["fa", "fb"]  # each once, this story only
    row = next(row for row in found if row["id"] == "fa")
    assert (row["unit"], row["modality"], row["change"], row["seq"]) == ("people", "count", 0, 1)
    assert (row["words"], row["actors"]) == ('["police", "officer"]', '["kenya"]')
    assert row["entities"] == '[["kenya", "Kenya"]]'
    assert figures.figures_with_blocks(conn, "s1", ["nothing"]) == []


def test_a_figure_key_is_read_and_extended(conn: sqlite3.Connection) -> None:
    add_article(conn, "one")
    add_figure(conn, "fa")
    assert figures.figure_words(conn, "fa") == ["police", "officer"]
    assert figures.figure_words_and_actors(conn, "fa") == (["police", "officer"], {"kenya"})
    figures.set_figure_words_and_actors(conn, "fa", ["armed", "officer"], ["haiti", "kenya"])
    assert figures.figure_words_and_actors(conn, "fa") == (["armed", "officer"], {"haiti", "kenya"})
    figures.set_figure_counted(conn, "fa", "armed officers", "Armed officers · Kenya")
    row = figures.figure_row(conn, "fa")
    assert (row["counted"], row["label"]) == ("armed officers", "Armed officers · Kenya")


def test_observation_ids_follow_the_last_and_values_are_found(conn: sqlite3.Connection) -> None:
    article = add_article(conn, "one", "2024-06-20")
    add_figure(conn, "fa")
    add_figure(conn, "fb")
    assert figures.next_observation_id(conn) == 1
    first = observe(conn, "fa", article, 1000.0, "2024-06-01", "2024-06-30")
    second = observe(conn, "fb", article, 400.0, sentence="The first 400 arrived.")
    assert (first, second, figures.next_observation_id(conn)) == (1, 2, 3)
    conn.execute("DELETE FROM observations WHERE id = 1")
    assert figures.next_observation_id(conn) == 3  # one more than the last, not a gap
    observe(conn, "fa", article, 1000.0, "2024-06-01", "2024-06-30")
    assert figures.figure_has_value(conn, "fa", 1000.0)
    assert not figures.figure_has_value(conn, "fa", 400.0)
    assert figures.figure_has_value_during(conn, "fa", 1000.0, "2024-06-30", "2024-07-05")
    assert not figures.figure_has_value_during(conn, "fa", 1000.0, "2024-07-01", "2024-07-05")
    assert figures.figure_has_value_between(conn, "fa", 999.0, 1000.0)
    assert not figures.figure_has_value_between(conn, "fa", 1000.5, 3000.0)
    rows = figures.article_value_observations(conn, article, 400.0)
    assert [(row["figure_id"], row["sentence"]) for row in rows] == [
        ("fb", "The first 400 arrived.")
    ]
    stored = figures.figure_observations(conn, "fa", sentences=False)
    assert [(o["id"], o["relation"], o["approx"], o["source_outlet"]) for o in stored] == [
        (3, "first", None, "Reuters")
    ]


def test_relations_are_stored_for_the_figure_only(conn: sqlite3.Connection) -> None:
    article = add_article(conn, "one", "2024-06-20")
    add_figure(conn, "fa")
    add_figure(conn, "fb")
    one, two = observe(conn, "fa", article, 1.0), observe(conn, "fa", article, 2.0)
    other = observe(conn, "fb", article, 3.0)
    figures.set_observation_relations(conn, "fa", [(two, "update", one), (other, "update", one)])
    rows = {row["id"]: row for row in figures.relation_rows(conn, "fa")}
    assert (rows[one]["relation"], rows[one]["relation_to"]) == ("first", None)
    assert (rows[two]["relation"], rows[two]["relation_to"]) == ("update", one)
    (untouched,) = figures.relation_rows(conn, "fb")  # another figure's id: not changed
    assert (untouched["relation"], untouched["article"]) == ("first", article)


def test_relation_rows_by_end_anchor_and_printings(conn: sqlite3.Connection) -> None:
    original = add_article(conn, "original", "2024-06-01")
    copy = add_article(conn, "copy", "2024-06-10", duplicate_of=original)
    other = add_article(conn, "other", "2024-06-05")
    add_figure(conn, "fa")
    early = observe(conn, "fa", original, 1.0, "2024-06-01", "2024-06-01")
    middle = observe(conn, "fa", other, 2.0, "2024-06-03", "2024-06-05")
    late = observe(conn, "fa", copy, 1.0, "2024-06-09", "2024-06-10", duplicate_of=original)
    ending = figures.relation_rows_ending_from(conn, "fa", "2024-06-05")
    assert sorted(row["id"] for row in ending) == [middle, late]
    printings = figures.relation_rows_of_printings(conn, "fa", [original])
    assert sorted(row["id"] for row in printings) == [early, late]  # the original and its copy
    assert figures.relation_rows_of_printings(conn, "fa", ["nobody"]) == []
    anchor = figures.latest_start_of_originals_ending_before
    assert anchor(conn, "fa", "2024-06-20", 8) == "2024-06-03"  # the copy is no original
    assert anchor(conn, "fa", "2024-06-20", 1) == "2024-06-03"  # the one ending last
    assert anchor(conn, "fa", "2024-06-04", 8) == "2024-06-01"
    assert anchor(conn, "fa", "2024-06-01", 8) is None


def test_printings_of_many_originals_are_read_in_chunks_each_once(
    conn: sqlite3.Connection,
) -> None:
    unrelated = add_article(conn, "unrelated")
    add_figure(conn, "fa")
    originals = [add_article(conn, f"original {n}") for n in range(SQL_CHUNK + 5)]
    copy = add_article(conn, "copy", duplicate_of=originals[-1])
    ids = [observe(conn, "fa", article, 1.0) for article in originals]
    copy_id = observe(conn, "fa", copy, 1.0, duplicate_of=originals[-1])
    observe(conn, "fa", unrelated, 1.0)  # no printing of those
    # the copy is listed in the first chunk and copies an original of the second: found twice
    found = figures.relation_rows_of_printings(conn, "fa", [copy, *originals])
    assert sorted(row["id"] for row in found) == sorted([*ids, copy_id])
    assert len(found) == len(ids) + 1


def test_migration_13_fills_seen_by_from_the_urls_reports_were_fetched_from(tmp_path: Path) -> None:
    """A ledger from before migration 13: its fetched reports get the fetch time, and the
    values of the undated ones the fetch day; the dated one and the imported one none."""
    path = tmp_path / "old.db"
    with open_ledger(path) as ledger:
        conn = ledger.conn
        undated, dated = (
            add_article(conn, "undated, fetched"),
            add_article(conn, "dated, fetched", "2024-06-25"),
        )
        imported = add_article(conn, "undated, imported")
        add_figure(conn, "f1")
        for article in (undated, dated, imported):
            observe(conn, "f1", article, 400)
        fetch_store.remember_fetched(conn, "http://a/1", "http://a/1", undated)
        fetch_store.remember_fetched(conn, "http://a/2", "http://a/2", dated)
        conn.executescript(
            "ALTER TABLE articles DROP COLUMN seen_at;"
            " ALTER TABLE observations DROP COLUMN seen_by;"
            " ALTER TABLE observations DROP COLUMN reason;"
            f" {WITHOUT_014} PRAGMA user_version = 12;"
        )
    with open_ledger(path) as ledger:
        conn = ledger.conn
        seen = dict(conn.execute("SELECT article_id, seen_by FROM observations").fetchall())
        fetched_at = conn.execute(
            "SELECT seen_at FROM articles WHERE id = ?", (undated,)
        ).fetchone()[0]
    assert fetched_at is not None
    assert seen == {undated: fetched_at[:10], dated: None, imported: None}


# The schema before migration 015: event sources without their article's place.
WITHOUT_015 = (
    "DROP INDEX event_sources_order; ALTER TABLE event_sources DROP COLUMN reprint;"
    " ALTER TABLE event_sources DROP COLUMN published;"
    " ALTER TABLE event_sources DROP COLUMN seq;"
)
# The schema before migration 014: story members without their place in the order.
WITHOUT_014 = (
    f"{WITHOUT_015} DROP INDEX article_story_order;"
    " ALTER TABLE article_story DROP COLUMN published; ALTER TABLE article_story DROP COLUMN seq;"
)


def test_migration_14_gives_story_members_their_place_in_the_order(tmp_path: Path) -> None:
    """A ledger from before migration 14: each story member gets its article's date and
    ingestion order, and the newest sources are those of the articles' own order."""
    path = tmp_path / "old.db"
    with open_ledger(path) as ledger:
        conn = ledger.conn
        ids = [
            add_article(conn, "first", "2024-06-20"),
            add_article(conn, "undated"),
            add_article(conn, "last", "2024-07-02T10:00:00+00:00"),
        ]
        newest = [row["id"] for row in articles.story_article_citations(conn, "s1", newest=2)]
        conn.executescript(f"{WITHOUT_014} PRAGMA user_version = 13;")
    with open_ledger(path) as ledger:
        rows = ledger.conn.execute(
            "SELECT s.published, s.seq, a.published, a.seq FROM article_story s"
            " JOIN articles a ON a.id = s.article_id"
        ).fetchall()
        assert len(rows) == 3 and all(tuple(r)[:2] == tuple(r)[2:] for r in rows)
        assert [r["id"] for r in articles.story_article_citations(ledger.conn, "s1", 2)] == newest
    assert newest == [ids[0], ids[2]]  # the undated one sorts first: oldest
