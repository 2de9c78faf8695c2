"""Timeline events: merging across articles, copies, granularity, happened vs expected."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.report.ledger_builder import Draft, new_ledger, store
from tests.store.test_figure_queries import WITHOUT_015

from storyledger.errors import InputError
from storyledger.report.timeline import in_date_order, timeline_data
from storyledger.store.sqlite import Ledger, open_ledger

COURT = ("court", "ORG", "kenya_high_court", "Kenya High Court")
KENYA = ("Kenya", "GPE", "kenya", "Kenya")
JAN26 = ("January 26", "2024-01-26", "2024-01-26", "2024-01-26", None)


def ruling(outlet: str, published: str, wording: str) -> Draft:
    return Draft(
        text=f"{wording} on January 26. Kenya said it would appeal.",
        outlet=outlet,
        published=published,
        times=[JAN26],
        entities=[COURT, KENYA],
    )


@pytest.fixture
def ledger(ledger_db: str) -> Iterator[Ledger]:
    """A fresh ledger, on each backend."""
    with open_ledger(ledger_db) as ledger:
        yield ledger


def test_one_event_from_many_outlets_and_copies_count_once(ledger: Ledger) -> None:
    wire = ruling("Wire", "2024-01-26", "A Kenyan court ruled the deployment unconstitutional")
    original = store(ledger, wire)
    store(ledger, Draft(**{**wire.__dict__, "outlet": "Daily A"}), duplicate_of=original)
    store(ledger, ruling("Daily B", "2024-01-27", "The court ruled the police deployment illegal"))
    store(ledger, ruling("Daily C", "2024-01-28", "A court in Kenya ruled the deployment void"))

    events = timeline_data(ledger)

    assert len(events) == 1
    event = events[0]
    assert event["date"] == "2024-01-26"
    assert event["status"] == "happened"
    assert len(event["sources"]) == 4
    assert event["salience"] == 3  # the copy in Daily A counts as the wire's
    assert "Kenya High Court" in event["actors"]
    assert event["description"].endswith("on January 26.")


def test_an_event_s_first_sources_are_the_first_originals_of_its_whole_list(
    ledger: Ledger,
) -> None:
    """The story page asks for each event's first few sources only: they are the oldest
    originals of the full list (a copy only where the originals run out), in its order."""
    wire = ruling("Wire", "2024-01-27", "A Kenyan court ruled the deployment unconstitutional")
    original = store(ledger, wire)
    store(ledger, Draft(**{**wire.__dict__, "outlet": "Daily A"}), duplicate_of=original)
    store(ledger, ruling("Daily B", "2024-01-28", "The court ruled the police deployment illegal"))
    store(ledger, ruling("Daily C", "2024-01-26", "A court in Kenya ruled the deployment void"))

    (full,) = timeline_data(ledger)
    originals = [s for s in full["sources"] if s["duplicate_of"] is None]
    assert [s["outlet"] for s in originals] == ["Daily C", "Wire", "Daily B"]
    for cap in (1, 2, 3):
        (capped,) = timeline_data(ledger, sources_per_event=cap)
        assert capped["sources"] == originals[:cap]
    (capped,) = timeline_data(ledger, sources_per_event=4)  # the originals run out: a copy
    assert capped["sources"] == full["sources"]


def test_migration_15_gives_event_sources_their_article_s_place(tmp_path: Path) -> None:
    """A ledger from before migration 15: each event source gets its article's place in the
    story's order, and the first sources are those the full list begins with."""
    path = tmp_path / "old.db"
    with open_ledger(path) as ledger:
        wire = ruling("Wire", "2024-01-27", "A Kenyan court ruled the deployment unconstitutional")
        store(
            ledger,
            Draft(**{**wire.__dict__, "outlet": "Daily A"}),
            duplicate_of=store(ledger, wire),
        )
        store(ledger, ruling("Daily C", "2024-01-26", "A court in Kenya ruled the deployment void"))
        ledger.conn.executescript(f"{WITHOUT_015} PRAGMA user_version = 14;")
    with open_ledger(path) as ledger:
        rows = ledger.conn.execute(
            "SELECT e.reprint, e.published, e.seq, s.duplicate_of IS NOT NULL, s.published, s.seq"
            " FROM event_sources e JOIN article_story s ON s.article_id = e.article_id"
        ).fetchall()
        assert len(rows) == 3 and all(tuple(r)[:3] == tuple(r)[3:] for r in rows)
        (full,) = timeline_data(ledger)
        (capped,) = timeline_data(ledger, sources_per_event=2)
    assert [s["outlet"] for s in capped["sources"]] == ["Daily C", "Wire"]
    assert capped["sources"] == [s for s in full["sources"] if s["duplicate_of"] is None]


def test_a_month_event_stays_a_month(ledger: Ledger) -> None:
    store(
        ledger,
        Draft(
            text="An opposition party filed a new legal challenge in May.",
            outlet="Daily A",
            published="2024-06-09",
            times=[("May", "2024-05", "2024-05-01", "2024-05-31", None)],
        ),
    )
    store(
        ledger,
        Draft(
            text="Ruto told the BBC on May 25 that officers would arrive within weeks.",
            outlet="Daily B",
            published="2024-06-09",
            times=[("May 25", "2024-05-25", "2024-05-25", "2024-05-25", None)],
            entities=[("Ruto", "PERSON", "william_ruto", "William Ruto")],
        ),
    )
    by_date = {e["date"]: e for e in timeline_data(ledger)}
    assert set(by_date) == {"2024-05", "2024-05-25"}  # different events do not merge
    assert by_date["2024-05"]["interval_start"] == "2024-05-01"
    assert [e["date"] for e in in_date_order(list(by_date.values()))] == ["2024-05", "2024-05-25"]


def test_a_month_and_a_day_merge_only_when_the_rest_agrees(ledger: Ledger) -> None:
    store(
        ledger,
        Draft(
            text="A Kenyan court ruled the deployment unconstitutional in January.",
            outlet="Daily A",
            published="2024-02-10",
            times=[("January", "2024-01", "2024-01-01", "2024-01-31", None)],
            entities=[COURT],
        ),
    )
    store(ledger, ruling("Daily B", "2024-01-27", "A Kenyan court ruled the deployment illegal"))
    events = timeline_data(ledger)
    assert len(events) == 1
    assert events[0]["date"] == "2024-01-26"  # the day one source gives, not the 1st
    assert events[0]["salience"] == 2


def test_the_description_dates_the_event_as_precisely_as_it_is_shown(ledger: Ledger) -> None:
    month = ("January", "2024-01", "2024-01-01", "2024-01-31", None)
    for outlet, court in (("Daily A", "Kenyan court"), ("Daily C", "court in Kenya")):
        text = f"A {court} ruled the deployment unconstitutional in January."  # most repeated
        store(ledger, Draft(text, outlet, "2024-02-10", times=[month], entities=[COURT]))
    store(ledger, ruling("Daily B", "2024-01-27", "A Kenyan court ruled the deployment illegal"))
    (event,) = timeline_data(ledger)
    assert event["date"] == "2024-01-26"
    assert event["description"].endswith("on January 26.")


def test_expected_is_kept_apart_from_happened(ledger: Ledger) -> None:
    week = ("later this week", "2024-W26", "2024-06-24", "2024-06-30", None)
    store(
        ledger,
        Draft(
            text="Ruto held a ceremony on Monday. The 400 officers will arrive in Haiti later"
            " this week.",
            outlet="Daily A",
            published="2024-06-24",
            times=[("Monday", "2024-06-24", "2024-06-24", "2024-06-24", None), week],
            entities=[("Haiti", "GPE", "haiti", "Haiti")],
            planned=["will arrive"],
        ),
    )
    store(
        ledger,
        Draft(
            text="The 400 officers arrived in Haiti on Tuesday.",
            outlet="Daily B",
            published="2024-06-26",
            times=[("Tuesday", "2024-06-25", "2024-06-25", "2024-06-25", None)],
            entities=[("Haiti", "GPE", "haiti", "Haiti")],
        ),
    )
    status = {e["date"]: e["status"] for e in timeline_data(ledger)}
    assert status == {"2024-06-24": "happened", "2024-W26": "expected", "2024-06-25": "happened"}


def test_a_future_date_is_expected_even_without_a_cue(ledger: Ledger) -> None:
    store(
        ledger,
        Draft(
            text="The mandate of the mission ends in October.",
            outlet="Daily A",
            published="2025-07-01",
            times=[("October", "2025-10", "2025-10-01", "2025-10-31", None)],
        ),
    )
    assert [e["status"] for e in timeline_data(ledger)] == ["expected"]


def test_relinking_an_article_does_not_count_it_twice(ledger: Ledger) -> None:
    from storyledger.link.events import link_events

    article_id = store(ledger, ruling("Daily A", "2024-01-27", "A court ruled it void"))
    with ledger.transaction():
        link_events(
            ledger,
            ledger.get_article(article_id),
            ledger.get_extraction(article_id),
            "s-haiti",
        )
    events = timeline_data(ledger)
    assert len(events) == 1
    assert len(events[0]["sources"]) == 1


def test_filters_by_story_and_dates(ledger: Ledger) -> None:
    store(ledger, ruling("Daily A", "2024-01-27", "A court ruled it void"))
    store(
        ledger,
        Draft(
            text="Haiti's prime minister resigned in April.",
            outlet="Daily B",
            published="2024-05-02",
            times=[("April", "2024-04", "2024-04-01", "2024-04-30", None)],
        ),
        story="s-other",
    )
    assert [e["date"] for e in timeline_data(ledger, story="s-other")] == ["2024-04"]
    assert [e["date"] for e in timeline_data(ledger, start="2024-04-15")] == ["2024-04"]
    assert [e["date"] for e in timeline_data(ledger, end="2024-03-31")] == ["2024-01-26"]
    with pytest.raises(InputError):
        timeline_data(ledger, start="last week")


def test_a_range_of_dates_is_one_interval_event(ledger: Ledger) -> None:
    store(
        ledger,
        Draft(
            text="The US occupied Haiti from 1915–1934, and the last troops left in August 1934."
            " Ruto said the force will leave this week or next week.",
            outlet="Daily A",
            published="2024-06-09",
            times=[
                ("1915", "1915", "1915-01-01", "1915-12-31", None),
                ("1934", "1934", "1934-01-01", "1934-12-31", None),
                ("August 1934", "1934-08", "1934-08-01", "1934-08-31", None),
                ("this week", "2024-W23", "2024-06-03", "2024-06-09", None),
                ("next week", "2024-W24", "2024-06-10", "2024-06-16", None),
            ],
        ),
    )
    dates = {e["date"]: e for e in timeline_data(ledger)}
    assert set(dates) == {"1915/1934", "1934-08", "2024-W23/2024-W24"}
    assert dates["1915/1934"]["interval_end"] == "1934-12-31"
    assert dates["2024-W23/2024-W24"]["status"] == "expected"


def test_a_long_sentence_is_cut_to_the_clause_of_its_date(ledger: Ledger) -> None:
    store(
        ledger,
        Draft(
            text="NAIROBI - An opposition party filed a new legal challenge in mid-May, accusing"
            " the government of an insult to justice and of ignoring the courts, as a court"
            " ruled the mission unconstitutional, illegal and void on January 26, but the"
            " government is defying the ruling.",
            outlet="Daily A",
            published="2024-06-09",
            times=[
                ("mid-May", "2024-05", "2024-05-01", "2024-05-31", "MID"),
                ("January 26", "2024-01-26", "2024-01-26", "2024-01-26", None),
            ],
        ),
    )
    described = {e["date"]: e["description"] for e in timeline_data(ledger)}
    assert described["2024-01-26"] == (
        "A court ruled the mission unconstitutional, illegal and void on January 26"
    )
    assert described["2024-05"].startswith("An opposition party filed a new legal challenge")


def test_an_undated_statement_in_the_lede_is_news_of_the_publication_day(ledger: Ledger) -> None:
    store(
        ledger,
        Draft(
            text="The police will deploy next week, Ruto said. He spoke in Nakuru.",
            outlet="Daily A",
            published="2024-06-09",
            times=[("next week", "2024-W24", "2024-06-10", "2024-06-16", None)],
        ),
    )
    store(
        ledger,
        Draft(
            text="Ruto said on Monday that the police will deploy soon.",
            outlet="Daily B",
            published="2024-06-12",
            times=[("Monday", "2024-06-10", "2024-06-10", "2024-06-10", None)],
        ),
    )
    events = {(e["date"], e["status"]): e for e in timeline_data(ledger)}
    assert set(events) == {
        ("2024-06-09", "happened"),  # the statement itself, dated by publication
        ("2024-W24", "expected"),  # what it expects
        ("2024-06-10", "happened"),  # a dated statement needs no lede rule
    }
    assert events[("2024-06-09", "happened")]["description"].endswith("Ruto said.")


def test_relink_all_rebuilds_the_same_events(ledger: Ledger) -> None:
    from storyledger.link.pipeline import relink_all

    store(ledger, ruling("Daily A", "2024-01-27", "A court ruled the deployment void"))
    store(
        ledger,
        Draft(
            text="The mandate of the mission ends in October.",
            outlet="Daily B",
            published="2025-07-01",
            times=[("October", "2025-10", "2025-10-01", "2025-10-31", None)],
        ),
    )

    def summary() -> set[tuple[str, str, str, int]]:
        return {
            (e["date"], e["status"], e["description"], len(e["sources"]))
            for e in timeline_data(ledger)
        }

    before = summary()
    relink_all(ledger)
    assert summary() == before
    counted = ledger.conn.execute("SELECT SUM(clauses) FROM event_words WHERE word = ''")
    sources = ledger.conn.execute("SELECT COUNT(*) FROM event_sources")
    assert counted.fetchone()[0] == sources.fetchone()[0]  # word statistics rebuilt once


def test_timeline_command_json_follows_the_contract(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from storyledger.cli.app import app

    with new_ledger(tmp_path) as ledger:
        store(ledger, ruling("Daily A", "2024-01-27", "A court ruled the deployment void"))
    runner = CliRunner()
    result = runner.invoke(app, ["--db", str(tmp_path / "ledger.db"), "timeline", "--json"])
    assert result.exit_code == 0, result.output
    (event,) = json.loads(result.output)
    assert {"id", "story", "date", "status", "description", "salience", "sources"} <= set(event)
    assert {"article", "outlet", "url"} <= set(event["sources"][0])
    table = runner.invoke(app, ["--db", str(tmp_path / "ledger.db"), "timeline"])
    assert table.exit_code == 0 and "26 Jan 2024" in table.output and "happened" in table.output
    bad = runner.invoke(app, ["--db", str(tmp_path / "ledger.db"), "timeline", "--from", "May"])
    assert bad.exit_code != 0


def test_background_comes_after_the_story_and_a_day_before_a_year(ledger: Ledger) -> None:
    store(
        ledger,
        Draft(
            text="The river flooded the old town on 3 May. The 1998 flood drowned the same"
            " streets. Repairs began in 2025.",
            outlet="Daily A",
            published="2025-05-05",
            times=[
                ("3 May", "2025-05-03", "2025-05-03", "2025-05-03", None),
                ("1998", "1998", "1998-01-01", "1998-12-31", None),
                ("2025", "2025", "2025-01-01", "2025-12-31", None),
            ],
        ),
    )
    events = timeline_data(ledger)
    assert [(e["date"], e["background"]) for e in events] == [
        ("2025-05-03", False),
        ("2025", False),
        ("1998", True),
    ]


def test_a_story_of_undated_reports_is_not_ranked_first(ledger: Ledger) -> None:
    store(ledger, ruling("Daily A", "2024-01-27", "A court ruled the deployment void"))
    store(ledger, ruling("Daily B", "2024-01-28", "The court ruled the deployment void"))
    other = Draft(
        text="The bridge reopened on 2 March 2024.",
        outlet="Daily C",
        published="2024-03-03",
        times=[("2 March 2024", "2024-03-02", "2024-03-02", "2024-03-02", None)],
    )
    article = store(ledger, other, story="s-other")
    with ledger.transaction() as conn:  # its story's first report has no date now
        conn.execute("UPDATE articles SET published = NULL WHERE id = ?", (article,))
    assert [(e["date"], e["background"]) for e in timeline_data(ledger)] == [
        ("2024-01-26", False),
        ("2024-03-02", False),
    ]
