"""The facts, figure and changes views: data functions and commands (table and --json)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from tests.link.mission_corpus import STORY, link_by_hand, records
from typer.testing import CliRunner

from storyledger.cli import app
from storyledger.errors import NotFoundError
from storyledger.report.facts import changes_data, facts_data, figure_data
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
    assert json_of(db, "changes", "--since", "2024-06-01") == json.loads(json.dumps(data))
    table = invoke(db, "changes", "--since", "2024-06-01")
    assert table.exit_code == 0 and "New conflicts" in table.output


def test_changes_rejects_a_bad_date(db: Path) -> None:
    result = invoke(db, "changes", "--since", "last week")
    assert result.exit_code == 1
    assert "cannot read the date 'last week'" in str(result.exception)
