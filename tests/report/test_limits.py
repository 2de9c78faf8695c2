"""The limited views the story page and the briefing read: the same as the full views, cut."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.report.ledger_builder import Draft, new_ledger, store

from storyledger.report.briefing import chart_points, key_quotes, value_steps
from storyledger.report.charts import step_chart
from storyledger.report.quotes import quotes_data
from storyledger.report.timeline import events_of, timeline_data
from storyledger.store.sqlite import Ledger

SPEAKERS = [("Amina Odhiambo", "amina"), ("Carlos Mendes", "carlos"), ("Priya Raman", "priya")]


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    ledger = new_ledger(tmp_path)
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
    return ledger


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
    points = chart_points(observations)
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
