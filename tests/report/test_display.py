"""One display module: every view shows a value with the source's own bound word, its unit,
range or change, and dates no more precisely than they are known.

The renderers are checked on a real ledger (drafted extractions, the real link stage):
the CLI's text at 80 and 120 columns, the JSON's text fields, the HTML briefing and the
web's figure page each show "fewer than 100", never the normalised "less than 100".
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.report.ledger_builder import Draft, new_ledger, store
from typer.testing import CliRunner

from storyledger.cli import app
from storyledger.extract.quantities.lexicon import BOUNDS
from storyledger.report.briefing import briefing_data, render_briefing
from storyledger.report.display import (
    as_of_text,
    date_text,
    day_text,
    number_text,
    relation_text,
    short_id,
    short_ids,
    value_text,
    written_bound,
)
from storyledger.report.facts import facts_data
from storyledger.store.sqlite import open_ledger
from storyledger.web.app import create_app

# the bound words as a source writes them, each with the number it bounds
SOURCE_BOUNDS = [
    ("fewer than", 100),
    ("nearly", 200),
    ("some", 300),
    ("at least", 400),
    ("up to", 500),
    ("more than", 600),
    ("about", 700),
    ("almost", 800),
    ("over", 900),
    ("as many as", 1100),
    ("close to", 1200),
    ("under", 1300),
]
KENYA = ("Kenya", "GPE", "kenya", "Kenya")


def bounded(phrase: str, value: float) -> dict[str, object]:
    """A quantity as the extractor stores "<phrase> <value>": its normalised label and end."""
    side, approx = BOUNDS[phrase]
    return {
        "text": f"{phrase.capitalize()} {value:,.0f}",
        "value": value,
        "low": value if side == "low" else None,
        "high": value if side == "high" else None,
        "approx": approx,
    }


def written(phrase: str, value: float) -> str:
    return f"{phrase} {value:,.0f}"


# -- the module itself -------------------------------------------------------------------


@pytest.mark.parametrize(("phrase", "value"), SOURCE_BOUNDS)
def test_a_value_keeps_the_bound_word_the_source_wrote(phrase: str, value: float) -> None:
    quantity = bounded(phrase, value)
    assert value_text(quantity, "count") == written(phrase, value)
    as_observation = {**quantity, "quantity_text": quantity.pop("text")}
    assert value_text(as_observation, "count") == written(phrase, value)


def test_the_bound_word_is_read_from_the_start_of_the_text_only() -> None:
    assert written_bound("Fewer  than\n100") == "fewer than"
    assert written_bound("no fewer than 5") == "no fewer than"  # the longest phrase
    assert written_bound("overall 30") is None  # "over" is no bound inside a word
    assert written_bound("$21 million") is None
    assert written_bound(None) is None


def test_without_the_printed_text_the_normalised_label_is_shown() -> None:
    """Rows stored before the quantity's text was kept: the label is all there is."""
    assert value_text({"value": 100, "high": 100, "approx": "less than"}, "count") == (
        "less than 100"
    )
    assert value_text({"value": 5000, "low": 5000, "approx": None}, "count") == "at least 5,000"
    assert value_text({"value": 40, "high": 40, "approx": None}, "count") == "up to 40"


def test_units_ranges_and_vague_amounts() -> None:
    assert number_text(21e6, "USD") == "$21 million"
    assert number_text(2e9, "KES") == "KES 2 billion"
    assert number_text(3.5e6, "EUR") == "€3.5 million"
    assert number_text(4.2, "percent") == "4.2%"
    assert number_text(1.5, "percentage point") == "1.5 percentage points"
    assert number_text(12, "km") == "12 km"
    assert number_text(1000, "count") == "1,000"
    between = {"text": "between 20 and 30 per cent", "value": 20, "low": 20, "high": 30}
    assert value_text({**between, "approx": "between"}, "percent") == "20%–30%"
    hundreds = {"text": "Hundreds", "value": 200, "low": 200, "high": 1000, "approx": "about"}
    assert value_text(hundreds, "count") == "hundreds"


def test_a_change_is_shown_as_one() -> None:
    assert value_text({"text": "144", "value": 144}, "count", change=True) == "+144"
    assert value_text({"text": "4.2%", "value": 4.2}, "percent", change=True) == "up 4.2%"
    own = {"text": "200", "value": 200, "change": "down"}  # the quantity's own says more
    assert value_text(own, "count", change=True) == "−200"
    level = {"text": "more than 144", "value": 144, "low": 144, "approx": "more than"}
    assert value_text(level, "count") == "more than 144"
    assert value_text(level, "count", change=True) == "up more than 144"


def test_dates_are_shown_no_more_precisely_than_known() -> None:
    assert date_text("2024-09") == "Sep 2024"
    assert date_text("2024-05", "MID") == "mid-May 2024"
    assert date_text("2024-01-26") == "26 Jan 2024"
    assert date_text("2024-01-26T09:30:00+03:00") == "26 Jan 2024"
    assert date_text("1915/1934") == "1915–1934"
    assert date_text("2024-W26") == "week 26 of 2024"
    assert date_text("2024-Q3") == "Q3 2024"
    assert date_text("2024-SU") == "summer 2024"
    assert date_text("201X") == "2010s"
    assert date_text("2024") == "2024"
    assert date_text("PRESENT_REF") == "now"
    assert date_text(None) == date_text("") == "undated"
    assert date_text("2024-02-30") == "2024-02-30"  # not a day: as stored
    assert day_text("2024-09") == "2024-09" and day_text(None) == "undated"
    assert short_id("f25a3807d6a") == "f25a380"


def test_short_ids_are_unique_prefixes_as_git_shows_them() -> None:
    ids = ["f25a3807d6a", "f3cbf71d5d6", "f3cbf71d5d6-2", "s90a1b2c3d4e5", "s90a1b2ff0000"]
    shown = short_ids(ids)
    assert shown["f25a3807d6a"] == "f25a380"
    assert shown["f3cbf71d5d6"] == "f3cbf71d5d6"  # a prefix of the next: shown whole
    assert shown["s90a1b2c3d4e5"] == "s90a1b2c" and shown["s90a1b2ff0000"] == "s90a1b2f"
    for identifier, short in shown.items():  # each finds only itself (or is itself)
        assert short == identifier or [i for i in ids if i.startswith(short)] == [identifier]


# -- every renderer, on a real ledger ----------------------------------------------------


@pytest.fixture(scope="module")
def ledger_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One article per bound word, month after month, about the same officers."""
    folder = tmp_path_factory.mktemp("display")
    with new_ledger(folder) as ledger:
        for month, (phrase, value) in enumerate(SOURCE_BOUNDS, start=1):
            quantity = bounded(phrase, value)
            fragment = str(quantity["text"])
            store(
                ledger,
                Draft(
                    text=f"{fragment} Kenyan police officers were in Haiti, the ministry said.",
                    outlet=f"Outlet {month}",
                    published=f"2024-{month:02d}-15",
                    entities=[KENYA],
                    quantities=[(fragment, value, "count", "police officer")],
                    bounds={fragment: (quantity["low"], quantity["high"], str(quantity["approx"]))},
                ),
            )
    return folder / "ledger.db"


def the_figure(db: Path) -> dict[str, object]:
    with open_ledger(db) as ledger:
        [figure] = facts_data(ledger)
    return figure


def flat(text: str) -> str:
    """Rendered text with its table rules and line breaks as single spaces."""
    return " ".join(re.sub(r"[│┃┌┐└┘├┤┬┴┼─━┏┓┗┛┡┩╇┳┻╋╍┯┷]", " ", text).split())


def test_the_ledger_keeps_what_the_source_printed(ledger_db: Path) -> None:
    figure = the_figure(ledger_db)
    printed = {o["quantity_text"] for o in figure["observations"]}  # type: ignore[index]
    assert printed == {str(bounded(p, v)["text"]) for p, v in SOURCE_BOUNDS}
    fewer = next(o for o in figure["observations"] if o["value"] == 100)  # type: ignore[index]
    assert (fewer["approx"], fewer["high"], fewer["low"]) == ("less than", 100, None)


@pytest.mark.parametrize("columns", ["80", "120"])
def test_the_cli_shows_the_source_bounds(ledger_db: Path, columns: str) -> None:
    figure_id = str(the_figure(ledger_db)["id"])
    result = CliRunner().invoke(
        app, ["--db", str(ledger_db), "figure", figure_id[:7]], env={"COLUMNS": columns}
    )
    assert result.exit_code == 0, result.output
    shown = flat(result.stdout)
    for phrase, value in SOURCE_BOUNDS:
        assert written(phrase, value) in shown
    assert "less than" not in shown and "…" not in result.stdout
    facts = CliRunner().invoke(app, ["--db", str(ledger_db), "facts"], env={"COLUMNS": columns})
    assert written("under", 1300) in flat(facts.stdout)  # the latest


def test_the_json_text_fields_show_the_source_bounds(ledger_db: Path) -> None:
    result = CliRunner().invoke(app, ["--db", str(ledger_db), "facts", "--json"])
    [figure] = json.loads(result.stdout)
    texts = {o["value_text"] for o in figure["observations"]}
    assert texts == {written(p, v) for p, v in SOURCE_BOUNDS}
    fewer = next(o for o in figure["observations"] if o["value"] == 100)
    assert fewer["approx"] == "less than"  # the structured field is unchanged
    assert figure["latest"]["value_text"] == written("under", 1300)
    assert figure["latest"]["as_of_text"] == "15 Dec 2024"


def test_the_briefing_shows_the_source_bounds(ledger_db: Path) -> None:
    with open_ledger(ledger_db) as ledger:
        data = briefing_data(ledger)
    page = html.unescape(render_briefing(data, "html"))
    markdown = render_briefing(data, "md")
    for phrase, value in SOURCE_BOUNDS:
        assert written(phrase, value) in page
        assert written(phrase, value) in markdown
    assert "less than" not in page


def test_the_web_pages_show_the_source_bounds(ledger_db: Path) -> None:
    figure = the_figure(ledger_db)
    with TestClient(create_app(ledger_db, read_only=True)) as client:
        page = client.get(f"/figures/{figure['id']}")
    assert page.status_code == 200
    text = html.unescape(page.text)
    for phrase, value in SOURCE_BOUNDS:
        assert written(phrase, value) in text
    assert "less than" not in text


def test_an_undated_value_says_when_a_live_fetch_saw_it() -> None:
    assert as_of_text({"as_of": "2024-01-26", "seen_by": None}) == "26 Jan 2024"
    assert as_of_text({"as_of": None, "seen_by": "2026-12-04"}) == "undated, seen by 4 Dec 2026"
    assert as_of_text({"as_of": None}) == "undated"


def test_a_revision_shows_its_reason() -> None:
    assert relation_text({"relation": "updates", "reason": "citing hospital records"}) == (
        "updates (citing hospital records)"
    )
    assert relation_text({"relation": "corroborates", "reason": None}) == "corroborates"
