"""The ledger: migrations (SQLite), atomic article writes, id prefixes and full-text search
(on both backends)."""

from __future__ import annotations

import sqlite3
import threading
import time
from contextlib import closing
from pathlib import Path

import pytest

from storyledger.errors import NotFoundError, StoreError
from storyledger.model import (
    Article,
    Claim,
    EntityMention,
    Extraction,
    QuantityMention,
    QuoteMention,
    Speaker,
    TimeMention,
    content_id,
)
from storyledger.store import connection, links
from storyledger.store.sqlite import _migrations, open_ledger, schema_version_known

TEXT = 'Kenya deployed 400 officers on Tuesday. "We are ready," Ruto said.'


def article(text: str = TEXT, **fields: str) -> Article:
    return Article(id=content_id(text), text=text, **fields)  # type: ignore[arg-type]


def extraction() -> Extraction:
    return Extraction(
        entities=[EntityMention(0, 5, "Kenya", "GPE", "kenya", "Kenya")],
        times=[TimeMention(31, 38, "Tuesday", "DATE", "2024-06-25", resolved=True)],
        quantities=[
            QuantityMention(15, 27, "400 officers", 400.0, counted="officer", predicate="deploy")
        ],
        quotes=[
            QuoteMention(41, 53, "We are ready", Speaker("Ruto", 56, 60), "william_ruto", "said")
        ],
        claims=[Claim(0, 0, 39, "Kenya deployed 400 officers on Tuesday.", "Kenya", "deploy")],
        sentences=[(0, 39), (40, 66)],
        extractor_version="test-1",
    )


def test_new_ledger_is_migrated_to_the_latest_schema_in_wal_mode(tmp_path: Path) -> None:
    with open_ledger(tmp_path / "l.db") as ledger:
        assert ledger.conn.execute("PRAGMA user_version").fetchone()[0] == schema_version_known()
        assert ledger.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert ledger.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
        assert ledger.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_an_older_ledger_gets_the_missing_migrations_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    version, _, core_sql = _migrations()[0]
    with closing(sqlite3.connect(path)) as conn:
        conn.executescript(f"{core_sql}\nPRAGMA user_version = {version};")
        conn.execute(
            "INSERT INTO articles (id, text, ingested_at, seq) VALUES ('old', 'Old text.', 'x', 1)"
        )
        conn.commit()
    with open_ledger(path) as ledger:
        assert ledger.conn.execute("PRAGMA user_version").fetchone()[0] == schema_version_known()
        assert ledger.get_article("old").text == "Old text."
    with open_ledger(path) as ledger:  # opening again changes nothing
        assert ledger.count_articles() == 1


def test_a_ledger_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(f"PRAGMA user_version = {schema_version_known() + 1}")
    with pytest.raises(StoreError, match="written by a newer storyledger"):
        open_ledger(path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are not the tables you are looking for\n" * 100, encoding="utf-8")
    with pytest.raises(StoreError, match="not a storyledger database"):
        open_ledger(path)


def holding_the_ledger(path: Path, seconds: float) -> threading.Thread:
    """Another writer's connection holding the write lock of the ledger for ``seconds``."""
    held = threading.Event()

    def hold() -> None:
        with closing(sqlite3.connect(path, isolation_level=None)) as other:
            other.execute("BEGIN IMMEDIATE")
            held.set()
            time.sleep(seconds)
            other.execute("COMMIT")

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(10)
    return holder


def test_a_writer_waits_its_turn_past_the_busy_timeout_then_stops_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A SQLite writer tries again while another holds the ledger (a long link of a big
    story outlasts one busy timeout), and gives up with a clear error after its wait."""
    path = tmp_path / "ledger.db"
    monkeypatch.setattr(connection, "WRITER_WAIT_S", 3.0)
    with open_ledger(path) as ledger:
        ledger.conn.execute("PRAGMA busy_timeout = 100")  # one try: 0.1 s
        holder = holding_the_ledger(path, 0.6)
        with ledger.transaction() as conn:  # six tries and more
            links.bump_counter(conn, "turn")
        holder.join()
        holder = holding_the_ledger(path, 4.0)
        started = time.monotonic()
        with (
            pytest.raises(StoreError, match="another writer has held the ledger"),
            ledger.transaction() as conn,
        ):
            links.bump_counter(conn, "late")
        assert 2.9 <= time.monotonic() - started < 4.0
        holder.join()
        names = [r[0] for r in ledger.conn.execute("SELECT name FROM link_counters")]
    assert "turn" in names and "late" not in names


def test_article_and_extraction_round_trip(ledger_db: str) -> None:
    with open_ledger(ledger_db) as ledger:
        stored = article(title="Police land", outlet="AP", published="2024-06-25")
        assert ledger.add_article(stored, extraction()) is True
        assert ledger.add_article(article(), extraction()) is False  # same content
        again = ledger.get_article(stored.id)
        assert (again.title, again.outlet, again.published) == ("Police land", "AP", "2024-06-25")
        assert again.extractor_version == "test-1"
        assert again.ingested_at is not None
        assert ledger.get_extraction(stored.id) == extraction()
        assert ledger.count_articles() == 1


def test_a_failed_extraction_write_leaves_no_article_behind(ledger_db: str) -> None:
    broken = extraction()
    broken.entities[0].key = object()  # type: ignore[assignment]  # cannot be stored as JSON
    with open_ledger(ledger_db) as ledger:
        with pytest.raises(TypeError):
            ledger.add_article(article(), broken)
        assert ledger.count_articles() == 0
        for table in ("mentions", "claims", "extractions"):
            assert ledger.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0
        assert ledger.search("Kenya") == []  # nothing in the full-text index either
        assert ledger.add_article(article(), extraction()) is True  # the ledger still works


def test_replace_extraction_swaps_every_mention(ledger_db: str) -> None:
    with open_ledger(ledger_db) as ledger:
        ledger.add_article(article(), extraction())
        newer = Extraction(entities=extraction().entities, extractor_version="test-2")
        ledger.replace_extraction(content_id(TEXT), newer)
        assert ledger.get_extraction(content_id(TEXT)) == newer
        assert ledger.get_article(content_id(TEXT)).extractor_version == "test-2"
        assert ledger.article_ids_needing_extraction("test-2") == []
        assert ledger.article_ids_needing_extraction("test-3") == [content_id(TEXT)]


def test_quote_speaker_direct_and_cue_are_columns_as_in_their_json(tmp_path: Path) -> None:
    with open_ledger(tmp_path / "l.db") as ledger:
        quotes = extraction()
        quotes.quotes.append(QuoteMention(0, 5, "Kenya", None, None, None, direct=False))
        ledger.add_article(article(), quotes)
        rows = ledger.conn.execute(
            "SELECT kind, quote_speaker, quote_direct, quote_cue,"
            " json_extract(data, '$.speaker.text'), json_extract(data, '$.direct'),"
            " json_extract(data, '$.cue') FROM mentions"
            " ORDER BY kind, idx"
        ).fetchall()
        by_kind = [(r[0], *r[1:4]) for r in rows]
        assert by_kind == [
            ("entity", None, None, None),
            ("quantity", None, None, None),
            ("quote", "Ruto", 1, "said"),
            ("quote", None, 0, None),
            ("time", None, None, None),
        ]
        assert all(tuple(r[1:4]) == tuple(r[4:]) for r in rows if r[0] == "quote")
        ledger.replace_extraction(content_id(TEXT), Extraction(quotes=quotes.quotes[1:]))
        assert [
            tuple(r)
            for r in ledger.conn.execute(
                "SELECT quote_speaker, quote_direct, quote_cue FROM mentions"
            )
        ] == [(None, 0, None)]


def test_ids_resolve_from_unique_prefixes(ledger_db: str) -> None:
    with open_ledger(ledger_db) as ledger:
        texts = [f"Report number {n}." for n in range(40)]
        for text in texts:
            ledger.add_article(article(text))
        ids = [content_id(text) for text in texts]
        full = ids[0]
        assert ledger.resolve_article_id(full) == full
        unique = next(
            full[:n] for n in range(1, 17) if sum(i.startswith(full[:n]) for i in ids) == 1
        )
        assert ledger.resolve_article_id(unique) == full
        with pytest.raises(NotFoundError, match="no article with id 'zz'"):
            ledger.resolve_article_id("zz")
        shared = next(c for c in "0123456789abcdef" if sum(i.startswith(c) for i in ids) > 1)
        with pytest.raises(NotFoundError, match="matches more than one article"):
            ledger.resolve_article_id(shared)


def test_full_text_search_with_stemming_and_safe_queries(ledger_db: str) -> None:
    with open_ledger(ledger_db) as ledger:
        ledger.add_article(article(title="Police land in Haiti"))
        ledger.add_article(article("The trust fund received 21 million dollars."))
        hits = ledger.search("deploy officer")
        assert [hit["id"] for hit in hits] == [content_id(TEXT)]
        assert "[deployed]" in hits[0]["snippet"]
        assert ledger.search('"unbalanced AND (') == []
        assert ledger.search("Haiti")[0]["title"] == "Police land in Haiti"
        assert [hit["id"] for hit in ledger.search("officers ready")] == [content_id(TEXT)]
        assert ledger.search("officers dollars") == []  # every word, in one article
        assert ledger.search("") == []
        funds = ledger.search("funds", marks=("<b>", "</b>"))
        assert len(funds) == 1 and "<b>fund</b>" in funds[0]["snippet"]
        assert "21 million" in funds[0]["snippet"]


def test_article_summaries_order_by_date_undated_last(ledger_db: str) -> None:
    with open_ledger(ledger_db) as ledger:
        ledger.add_article(article("Undated."))
        ledger.add_article(article("Later.", published="2024-07-17"))
        ledger.add_article(article("Earlier.", published="2024-06-25T10:00:00+00:00"))
        rows = ledger.article_summaries()
        assert [row["published"] for row in rows] == [
            "2024-06-25T10:00:00+00:00",
            "2024-07-17",
            None,
        ]
        assert set(rows[0]) == {"id", "url", "outlet", "title", "published"}
