"""The facts, figure and changes views: data functions and commands (table and --json)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from tests.link.mission_corpus import STORY, link_by_hand, records
from tests.report.ledger_builder import Draft, new_ledger, store
from tests.report.outline import assert_outline_summarises_as_the_facts
from typer.testing import CliRunner

from storyledger.cli import app
from storyledger.errors import NotFoundError
from storyledger.link.relations import same_time
from storyledger.link.summaries import series_of
from storyledger.report.briefing import chart_points, figure_summary
from storyledger.report.facts import History, changes_data, facts_data, figure_data
from storyledger.store.sqlite import open_ledger

runner = CliRunner()
OBSERVATION_FIELDS = {
    "value", "low", "high", "as_of", "article", "outlet", "url", "speaker", "relation",
}  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("facts") / "ledger.db"
    with open_ledger(path) as ledger:
        link_by_hand(ledger, [r["id"] for r in records()])
        ledger.conn.execute(
            "INSERT INTO stories (id, label, first_seen, last_seen, seq)"
            " VALUES (?, 'Haiti mission', '2023-10-02', '2025-02-10', 1)",
            (STORY,),
        )
    return path


def invoke(db: Path, *args: str) -> Any:
    return runner.invoke(app, ["--db", str(db), *args])


def json_of(db: Path, *args: str) -> Any:
    result = invoke(db, *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_facts_json_follows_the_contract(db: Path) -> None:
    figures = json_of(db, "facts")
    assert figures
    for figure in figures:
        assert set(figure) >= {
            "id", "story", "label", "unit", "counted", "modality", "observations", "conflicts",
        }  # fmt: skip
        assert figure["story"] == STORY and figure["observations"]
        for obs in figure["observations"]:
            assert set(obs) >= OBSERVATION_FIELDS
            assert obs["relation"] in {"first", "corroborates", "updates", "conflicts", "refines"}
    assert json_of(db, "facts", "--story", STORY) == figures
    assert json_of(db, "facts", "--story", STORY[:6]) == figures  # a unique prefix
    unknown = invoke(db, "facts", "--story", "no-such-story", "--json")
    assert unknown.exit_code == 1 and "no story" in str(unknown.exception)


def test_facts_json_in_pages_gives_every_figure_once_ranked(db: Path) -> None:
    """``facts --limit/--cursor`` pages through the figures readers follow first first;
    each figure of a page cites its latest value, its whole history is ``figure``'s."""
    whole = {f["id"]: f for f in json_of(db, "facts", "--story", STORY)}
    paged, args = [], ["--limit", "2"]
    while True:
        page = json_of(db, "facts", "--story", STORY, *args)
        assert page["total"] == len(whole) and len(page["figures"]) <= 2
        paged += page["figures"]
        if page["next_cursor"] is None:
            break
        args = ["--limit", "2", "--cursor", page["next_cursor"]]
    assert sorted(f["id"] for f in paged) == sorted(whole)
    for figure in paged:
        assert figure["latest"] == whole[figure["id"]]["latest"]
        assert figure["observation_count"] == len(whole[figure["id"]]["observations"])
    refused = invoke(db, "facts", "--cursor", "nonsense", "--json")
    assert refused.exit_code == 1 and "cursor" in str(refused.exception)


def test_the_outline_of_a_story_summarises_as_its_facts(db: Path) -> None:
    """The story page and the pages of the facts read the figures' summaries; a settled
    conflict among them."""
    with open_ledger(db) as ledger:
        assert any(f["settled_conflicts"] for f in facts_data(ledger, STORY))
        assert_outline_summarises_as_the_facts(ledger, STORY)


def test_facts_latest_value_and_independent_sources(db: Path) -> None:
    with open_ledger(db) as ledger:
        figures = facts_data(ledger, STORY)
    pledge = next(f for f in figures if f["modality"] == "pledged" and f["unit"] == "count")
    # Atlantic Wire (twice, and once copied by Harbor Times) and Caribbean Ledger
    assert pledge["latest"]["value"] == 1000 and pledge["latest"]["as_of"] == "2024-06-26"
    assert pledge["sources"] == 2
    actual = next(f for f in figures if f["latest"]["value"] == 744)
    assert actual["sources"] == 1 and actual["latest"]["outlet"] == "Island Herald"
    needed = next(f for f in figures if f["modality"] == "needed")
    assert needed["sources"] == 1  # 5,550 refines "at least 5,000": a new value


def test_facts_table_shows_labels_and_values(db: Path) -> None:
    result = invoke(db, "facts")
    assert result.exit_code == 0, result.output
    assert "Police" in result.output and "744" in result.output


def test_figure_history_with_citations(db: Path) -> None:
    with open_ledger(db) as ledger:
        actual = next(f for f in facts_data(ledger) if f["latest"]["value"] == 744)
        assert all("sentence" not in o for o in actual["observations"])
        full = next(f for f in facts_data(ledger, sentences=True) if f["id"] == actual["id"])
        assert figure_data(ledger, actual["id"]) == full
        without = [{k: v for k, v in o.items() if k != "sentence"} for o in full["observations"]]
        assert without == actual["observations"]
        with pytest.raises(NotFoundError, match="no figure with id 'zzz'"):
            figure_data(ledger, "zzz")
    data = json_of(db, "figure", actual["id"][:7])
    assert data["id"] == actual["id"]
    first = data["observations"][0]
    assert first["outlet"] == "Atlantic Wire" and first["published"] == "2024-06-26"
    assert first["sentence"].startswith("The first 400 Kenyan police officers landed")
    table = invoke(db, "figure", actual["id"])
    assert table.exit_code == 0 and "Island" in table.output
    missing = invoke(db, "figure", "zzz")
    assert missing.exit_code == 1 and isinstance(missing.exception, NotFoundError)


def test_changes_since_a_date(db: Path) -> None:
    late = json_of(db, "changes", "--since", "2024-07-01")
    assert late["since"] == "2024-07-01"
    assert late["new_stories"] == []
    assert {(v["value"], v["relation"]) for v in late["new_values"]} == {
        (200, "first"),  # the additions figure starts
        (600, "updates"),
        (144, "updates"),
        (744, "updates"),
        (5550, "refines"),
        (110e6, "updates"),
    }
    assert late["new_conflicts"] == []
    assert [f["label"] for f in late["new_figures"]] == [
        "Additional Kenyan police officers arrived — Kenya, Haiti"
    ]
    early = json_of(db, "changes", "--since", "2023-01-01")
    assert [s["id"] for s in early["new_stories"]] == [STORY]
    [conflict] = early["new_conflicts"]
    assert conflict["value"] == 200 and conflict["outlet"] == "Island Herald"
    # a syndicated copy is never a new value
    assert all(v["outlet"] != "Harbor Times" or v["value"] != 1000 for v in early["new_values"])


def test_changes_data_and_command_agree(db: Path) -> None:
    with open_ledger(db) as ledger:
        data = changes_data(ledger, date(2024, 6, 1))
    printed = json_of(db, "changes", "--since", "2024-06-01")
    texts = ("value_text", "as_of_text")  # the text fields the command adds, as views show them
    for key in ("new_values", "new_conflicts"):
        assert all(set(texts) <= set(row) for row in printed[key])
        printed[key] = [{k: v for k, v in row.items() if k not in texts} for row in printed[key]]
    assert printed == json.loads(json.dumps(data))
    table = invoke(db, "changes", "--since", "2024-06-01")
    assert table.exit_code == 0 and "New conflicts" in table.output


def test_changes_rejects_a_bad_date(db: Path) -> None:
    result = invoke(db, "changes", "--since", "last week")
    assert result.exit_code == 1
    assert "cannot read the date 'last week'" in str(result.exception)


def police(text: str, outlet: str, published: str, time: tuple[str, ...]) -> Draft:
    """One report of the Kenyan police officers in Haiti, at the time ``time`` names."""
    fragment, value, first, last = time
    return Draft(
        text=text,
        outlet=outlet,
        published=published,
        times=[(fragment, value, first, last, None)],
        entities=[("Kenya", "GPE", "kenya", "Kenya"), ("Haiti", "GPE", "haiti", "Haiti")],
        quantities=[(text.split(" had ")[1].split(" Haiti")[0], 0, "count", "police officer")],
    )


def test_a_month_is_listed_after_the_day_inside_it(tmp_path: Path) -> None:
    """ "400 in June" updates "380 on June 24" (the state June ended in): listed after it,
    everywhere, whichever arrived first."""
    month = ("in June", "2024-06", "2024-06-01", "2024-06-30")
    day = ("on Monday", "2024-06-24", "2024-06-24", "2024-06-24")
    with new_ledger(tmp_path) as ledger:
        drafts = [
            police("Kenya had 400 police officers in Haiti in June.", "Wire", "2024-07-20", month),
            police("Kenya had 380 police officers in Haiti on Monday.", "Daily", "2024-06-25", day),
        ]
        for draft, value in zip(drafts, (400, 380), strict=True):
            fragment = draft.quantities[0][0]
            draft.quantities = [(fragment, value, "count", "police officer")]
            store(ledger, draft)
        (figure,) = facts_data(ledger)
        listed = [(o["as_of"], o["value"], o["relation"]) for o in figure["observations"]]
        assert listed == [("2024-06-24", 380, "first"), ("2024-06", 400, "updates")]
        assert_relations_point_back(figure["observations"])
        assert figure["latest"]["value"] == 400
        history = figure_data(ledger, figure["id"])
        assert [o["value"] for o in history["observations"]] == [380, 400]
        assert_relations_point_back(history["observations"])
        summary = figure_summary(figure)
        assert [s["value"] for s in summary["steps"]] == ["380", "400"]
        points = chart_points(series_of(figure["observations"])[0])
        assert [(p.day, p.value) for p in points] == [("2024-06-24", 380), ("2024-06-30", 400)]


def assert_relations_point_back(observations: list[dict[str, Any]]) -> None:
    seen: set[int] = set()
    for i, o in enumerate(observations):
        if i == 0:
            assert o["relation"] == "first" or o["duplicate_of"] is not None
        if o["relation_to"] is not None:
            assert o["relation_to"] in seen, o
        else:
            assert o["relation"] == "first"
        seen.add(o["id"])


def row(start: str, end: str, id_: int) -> dict[str, Any]:
    return {
        "id": id_, "article": f"a{id_}", "source": f"a{id_}", "source_outlet": None,
        "duplicate_of": None, "value": 1.0, "low": None, "high": None, "approx": None,
        "as_of_start": start, "as_of_end": end, "reported": end, "relation": "first",
        "relation_to": None,
    }  # fmt: skip


def test_around_finds_the_times_around_in_end_order() -> None:
    """In the order of the end of their time, a month comes after its days; around() of an
    observation holds every one of the same time, before and after it."""
    spans = [
        ("2024-05-01", "2024-05-31"), ("2024-06-10", "2024-06-10"), ("2024-06-20", "2024-06-24"),
        ("2024-06-24", "2024-06-24"), ("2024-06-25", "2024-06-25"), ("2024-06-20", "2024-06-26"),
        ("2024-06-24", "2024-06-30"), ("2024-06-16", "2024-06-30"), ("2024-06-01", "2024-06-30"),
        ("2024-06-29", "2024-07-01"), ("2024-07-01", "2024-07-31"), ("2024-01-01", "2024-12-31"),
        ("2024-12-31", "2024-12-31"),
    ]  # fmt: skip
    rows = [row(s, e, n) for n, (s, e) in enumerate(sorted(spans, key=lambda s: (s[1], s[0])))]
    history = History(rows)
    for i in range(len(rows)):
        around = set(history.around(i))
        same = {j for j in range(len(rows)) if same_time(history.obs(i), history.obs(j))}
        assert same <= around, (rows[i], same - around)
    day = next(i for i, r in enumerate(rows) if r["as_of_start"] == r["as_of_end"] == "2024-06-24")
    assert {rows[j]["as_of_end"] for j in history.around(day)} <= {"2024-06-24", "2024-06-25",
        "2024-06-26"}  # fmt: skip
    assert history.latest() == len(rows) - 1
