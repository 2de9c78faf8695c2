"""The limited views the story page and the briefing read: the same as the full views, cut."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from tests.report.ledger_builder import Draft, store
from tests.store.test_figure_queries import WITHOUT_014

from storyledger.link.summaries import series_of
from storyledger.model import Article, Extraction, QuoteMention, Speaker, content_id
from storyledger.report.briefing import chart_points, key_quotes, value_steps
from storyledger.report.charts import step_chart
from storyledger.report.quotes import quotes_data
from storyledger.report.timeline import events_of, timeline_data
from storyledger.store.quotes import QUOTE_FIELDS, quotes_from
from storyledger.store.sqlite import Ledger, _migrations, open_ledger, schema_version_known

SPEAKERS = [("Amina Odhiambo", "amina"), ("Carlos Mendes", "carlos"), ("Priya Raman", "priya")]


@pytest.fixture
def ledger(ledger_db: str) -> Iterator[Ledger]:
    """Nine quotes by three speakers, on each backend."""
    ledger = open_ledger(ledger_db)
    for i in range(9):
        name, key = SPEAKERS[i % 3]
        words = ["We will stay,", "We are ready,", "It is hard,"][i % 2 + (i == 8)]
        store(
            ledger,
            Draft(
                text=f'"{words}" said {name} in Haiti on {10 + i} June 2024.',
                outlet=f"Outlet {i % 4}",
                published=f"2024-06-{10 + i}",
                url=f"https://news.example/{i}",
                times=[(f"{10 + i} June 2024", f"2024-06-{10 + i}", None, None, None)],
                entities=[(name, "PERSON", key, name)],
                quotes=[(words, name, key)],
            ),
        )
    with ledger:
        yield ledger


def test_key_quotes_from_the_limited_view_are_those_of_the_full_one(ledger: Ledger) -> None:
    full = quotes_data(ledger)
    assert sum(g["printed"] for g in full) == 9
    for speakers, per_speaker in ((1, 1), (2, 3), (8, 3)):
        cut = quotes_data(ledger, speakers=speakers, per_speaker=per_speaker)
        assert len(cut) == min(speakers, len(full))
        assert all(len(g["quotes"]) <= per_speaker for g in cut)
        expected = key_quotes(full)[:speakers]
        assert [g["speaker"] for g in key_quotes(cut)] == [g["speaker"] for g in expected]
        for got, want in zip(key_quotes(cut), expected, strict=True):
            assert got["quotes"] == want["quotes"][:per_speaker]


def test_timeline_limit_keeps_the_most_salient(ledger: Ledger) -> None:
    events = timeline_data(ledger)
    assert events_of(ledger) == len(events) > 2
    assert timeline_data(ledger, limit=2) == events[:2]
    assert events_of(ledger, events[0]["story"]) >= 1


def observation(day: str, value: float, relation: str = "updates") -> dict[str, object]:
    return {
        "value": value, "low": None, "high": None, "as_of": day, "published": day,
        "relation": relation, "outlet": "Wire", "url": None, "article": day, "speaker": None,
    }  # fmt: skip


def test_a_chart_has_a_point_where_the_value_changes_and_every_conflict() -> None:
    observations = [
        observation("2024-06-01", 400, "first"),
        *(observation(f"2024-06-{d:02d}", 400, "corroborates") for d in range(2, 20)),
        observation("2024-06-20", 350, "conflicts"),
        observation("2024-06-21", 600),
        *(observation(f"2024-06-{d:02d}", 600, "corroborates") for d in range(22, 29)),
    ]
    points = chart_points(series_of(observations)[0])
    assert [(p.day, p.value, p.conflicts) for p in points] == [
        ("2024-06-01", 400, False),
        ("2024-06-20", 350, True),
        ("2024-06-21", 600, False),
        ("2024-06-28", 600, False),  # the last report: the line reaches it
    ]
    svg = step_chart(points, "Police", str)
    assert svg.count("<circle") == 4 and svg.count("#b3261e") == 1
    steps = value_steps("count", observations)
    assert [s["value"] for s in steps] == ["400", "350", "600"]
    assert [len(s["citations"]) for s in steps] == [19, 1, 8]


def test_a_chart_marks_each_conflicting_report_once_not_its_copies() -> None:
    first, rival, other = (
        observation("2024-06-01", 400, "first"),
        observation("2024-06-05", 350, "conflicts"),
        {**observation("2024-06-06", 350, "conflicts"), "outlet": "Daily", "article": "b"},
    )
    copies = [  # printed later, dated by their own printing
        {**observation(f"2024-06-0{day}", 350, "conflicts"), "duplicate_of": rival["article"]}
        for day in (7, 8)
    ]
    observations = [first, rival, other, *copies, observation("2024-06-09", 600)]
    points = chart_points(series_of(observations)[0])
    assert [(p.day, p.value, p.conflicts) for p in points] == [
        ("2024-06-01", 400, False),
        ("2024-06-05", 350, True),
        ("2024-06-06", 350, True),  # another outlet's report: a mark of its own
        ("2024-06-09", 600, False),
    ]


QUOTE_CUTS = [
    {},
    {"sources": 1},
    {"speakers": 2, "per_speaker": 1, "sources": 1},
    {"speakers": 8, "per_speaker": 3, "sources": 0},
    {"speakers": 1, "per_speaker": 2},
]


def varied_quotes_ledger(path: Path | str) -> Ledger:
    """Quotes of every shape: named and unattributed, own words and paraphrases, with and
    without a cue, the same words printed again with other spacing and case."""
    ledger = open_ledger(path)
    said = [
        (
            '"We will stay," said Amina Odhiambo.',
            "We will stay,",
            "Amina Odhiambo",
            "amina",
            "said",
            True,
        ),
        (
            '"we  will stay," Amina Odhiambo said.',
            "we  will stay,",
            "Amina Odhiambo",
            "amina",
            "said",
            True,
        ),
        ("Odhiambo said they would stay.", "they would stay", "Odhiambo", "amina", "said", False),
        ('"It is hard," a witness told reporters.', "It is hard,", "a witness", None, "told", True),
        ('"Nobody came," it was reported.', "Nobody came,", None, None, None, True),
        ('"Nobody came," the paper said.', "Nobody came,", None, None, "said", False),
        (
            '"We are ready," Carlos Mendes said.',
            "We are ready,",
            "Carlos Mendes",
            "carlos",
            "said",
            True,
        ),
    ]
    for i, (text, words, speaker, key, cue, direct) in enumerate(said * 2):
        text = f"{text} Day {i}."
        start = text.index(words)
        at = text.find(speaker) if speaker else -1
        who = Speaker(speaker, at, at + len(speaker)) if speaker else None
        quote = QuoteMention(start, start + len(words), words, who, key, cue, direct)
        article = Article(
            id=content_id(text), text=text, outlet=f"Outlet {i % 3}",
            url=f"https://news.example/{i}", published=None if i == 3 else f"2024-06-{10 + i % 9}",
        )  # fmt: skip
        ledger.add_article(article, Extraction(quotes=[quote], sentences=[(0, len(text))]))
        with ledger.transaction() as conn:
            conn.execute(  # as linking records a member, with its place in the order
                "INSERT INTO article_story (article_id, story, published, seq)"
                " SELECT id, ?, published, seq FROM articles WHERE id = ?",
                ("s-a" if i % 4 else "s-b", article.id),
            )
    return ledger


def test_a_ledger_migrated_from_quotes_in_json_only_answers_the_same(tmp_path: Path) -> None:
    path = tmp_path / "ledger.db"
    views = [(story, cut) for story in (None, "s-a", "s-b") for cut in QUOTE_CUTS]
    with varied_quotes_ledger(path) as ledger:
        expected = [quotes_data(ledger, story, **cut) for story, cut in views]
        assert any(g["speaker"] == "(unattributed)" for g in expected[0])
    # the ledger as the schema before 008 had it: the quote's fields only in its JSON (and
    # the observations' index of 007, which 009 replaces, no quantity text, which 010 adds,
    # no key events, which 011 adds, and no figure summaries, which 012 adds)
    previous = max(version for version, _, _ in _migrations() if version < 8)
    with closing(sqlite3.connect(path)) as conn:
        conn.executescript(
            "DROP INDEX observations_history;"
            " CREATE INDEX observations_figure"
            " ON observations(figure_id, as_of_end, as_of_start, reported, article_id);"
            " DROP INDEX mentions_quotes;"
            " ALTER TABLE mentions DROP COLUMN quote_speaker;"
            " ALTER TABLE mentions DROP COLUMN quote_direct;"
            " ALTER TABLE mentions DROP COLUMN quote_cue;"
            " ALTER TABLE observations DROP COLUMN quantity_text;"
            " ALTER TABLE event_sources DROP COLUMN lead;"
            " ALTER TABLE events DROP COLUMN key_event;"
            " DROP TABLE figure_summaries;"
            " ALTER TABLE articles DROP COLUMN seen_at;"
            " ALTER TABLE observations DROP COLUMN seen_by;"
            " ALTER TABLE observations DROP COLUMN reason;"
            " DELETE FROM link_tables WHERE name = 'figure_summaries';"
            f" {WITHOUT_014} PRAGMA user_version = {previous};"
        )
    with open_ledger(path) as ledger:  # migrated again
        assert ledger.conn.execute("PRAGMA user_version").fetchone()[0] == schema_version_known()
        assert [quotes_data(ledger, story, **cut) for story, cut in views] == expected


def test_counted_quotes_cite_the_first_printing_of_the_full_listing(ledger_db: str) -> None:
    """With ``sources`` of 0 or 1 the printings are counted, not listed (a query of its own
    in each dialect): the counts and the first source are those of the full listing."""
    with varied_quotes_ledger(ledger_db) as ledger:
        for story in (None, "s-a", "s-b"):
            for cut in QUOTE_CUTS:
                if cut.get("sources") not in (0, 1):
                    continue
                listed = quotes_data(ledger, story, **{**cut, "sources": None})
                for group in listed:
                    for quote in group["quotes"]:
                        quote["sources"] = quote["sources"][: cut["sources"]]
                assert quotes_data(ledger, story, **cut) == listed, (story, cut)


def test_a_story_quotes_are_counted_from_the_index_not_the_json(tmp_path: Path) -> None:
    with varied_quotes_ledger(tmp_path / "ledger.db") as ledger:
        from_where, params = quotes_from(ledger.conn, "s-a")
        plan = " ".join(
            row[3]
            for row in ledger.conn.execute(
                f"EXPLAIN QUERY PLAN SELECT {QUOTE_FIELDS}, count(*){from_where}"
                " GROUP BY 1, 2, 3, 4, 5",
                params,
            )
        )
        assert "COVERING INDEX mentions_quotes" in plan
