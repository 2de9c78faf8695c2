"""Vague and fractional amounts: shares in words ("a third of"), fractions of a number
("a quarter million", "10 1/2 miles", "two and a half million") and vague plurals
("dozens of", "tens of millions of dollars"). Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.extract.reading import only, quantities

# --- shares: a fraction of a whole is a percent share -----------------------------------


@pytest.mark.parametrize(
    ("text", "written", "value", "counted"),
    [
        ("A third of the nurses quit within a year.", "A third", 33.33, "nurse"),
        ("Officials said half of the bridges need repairs.", "half", 50.0, "bridge"),
        ("Two-thirds of the members voted against the plan.", "Two-thirds", 66.67, "member"),
        ("A quarter of the harvest was lost to pests.", "A quarter", 25.0, "harvest"),
        ("Three quarters of the shops stayed shut.", "Three quarters", 75.0, "shop"),
        ("Half the schools in the district closed.", "Half", 50.0, "school"),
        ("One in four pupils has no textbook.", "One in four", 25.0, "pupil"),
        ("Nine out of ten clinics reported shortages.", "Nine out of ten", 90.0, "clinic"),
    ],
)
def test_shares(nlp: Language, text: str, written: str, value: float, counted: str) -> None:
    found = only(nlp, text)
    assert (found.text, found.value, found.unit, found.dimension) == (
        written,
        value,
        "percent",
        "ratio",
    )
    assert found.approx == "about"
    assert found.counted == counted


def test_bounded_shares(nlp: Language) -> None:
    more = only(nlp, "More than half of the ballots were counted by noon.")
    assert (more.text, more.value, more.low, more.high, more.approx) == (
        "More than half",
        50.0,
        50.0,
        None,
        "more than",
    )
    nearly = only(nlp, "Almost a fifth of the fleet is grounded.")
    assert (nearly.value, nearly.low, nearly.high, nearly.approx) == (20.0, None, 20.0, "nearly")


@pytest.mark.parametrize(
    "text",
    [
        "The second half of the season starts in March.",
        "Sales fell in the first quarter of the year.",
        "The talks resumed on the third of May.",
        "The vote took half an hour.",
        "A quarter of a century has passed since the war.",
        "She lives in the old quarter of the city.",
    ],
)
def test_no_share(nlp: Language, text: str) -> None:
    assert [q for q in quantities(nlp, text) if q.unit == "percent"] == []


# --- fractions of a number -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Two and a half million voters are registered.", 2.5e6, "count"),
        ("The repairs cost a quarter million dollars.", 2.5e5, "USD"),
        ("The grant was half a million euros.", 5e5, "EUR"),
        ("The bank wrote off three quarters of a billion.", None, None),
        ("Half a dozen ministers resigned.", 6, "count"),
        ("The trail is 1/4 mile from the gate.", 0.25, "mile"),
        ("The new pipe is 10 1/2 inches wide.", 10.5, "inch"),
        ("Stir in ½ cup of sugar.", 0.5, "cup"),
        ("The lender charged 6 3/4 percent.", 6.75, "percent"),
        ("The farmers were owed 3,25,000 rupees.", 325000, "INR"),
    ],
)
def test_fractional_numbers(nlp: Language, text: str, value: float | None, unit: str) -> None:
    if value is None:  # "three quarters of a billion" is not read as a mass in quarters
        assert all(q.dimension != "mass" for q in quantities(nlp, text))
        return
    found = only(nlp, text)
    assert (found.value, found.unit) == (value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "The pharmacy is open 24/7 for emergencies.",
        "The report was filed on 3/14/2023 by the clerk.",
    ],
)
def test_slashes_that_are_no_fractions(nlp: Language, text: str) -> None:
    assert [q.text for q in quantities(nlp, text) if q.unit == "count"] == []


# --- vague plurals: a range, approximate -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high", "unit", "counted"),
    [
        ("Dozens of fishermen were rescued at sea.", 24, 120, "count", "fisherman"),
        ("Hundreds of flights were cancelled.", 200, 1000, "count", "flight"),
        ("Thousands of volunteers cleared the debris.", 2000, 10000, "count", "volunteer"),
        ("Tens of thousands of tourists left the island.", 2e4, 1e5, "count", "tourist"),
        ("The firm lost tens of millions of dollars on the bet.", 2e7, 1e8, "USD", None),
        ("The scheme has cost billions of pounds.", 2e9, 1e10, "GBP", None),
    ],
)
def test_vague_plurals(
    nlp: Language, text: str, low: float, high: float, unit: str, counted: str | None
) -> None:
    found = only(nlp, text)
    assert (found.low, found.high, found.unit, found.approx) == (low, high, unit, "about")
    assert found.value == low
    if counted is not None:
        assert found.counted == counted
    else:  # the currency is the unit, not what the money is
        assert found.counted not in ("dollar", "pound")


def test_a_fraction_in_digits_of_a_whole_is_a_share(nlp: Language) -> None:
    found = only(nlp, "Settlers now farm 3/4 of the valley.")
    assert (found.value, found.unit, found.unit_text) == (75.0, "percent", "3/4")


@pytest.mark.parametrize(
    "text",
    ["The strike began on 3/8 and ended after 4/16.", "The latter half of the tour was cut."],
)
def test_dates_and_periods_are_no_fractions(nlp: Language, text: str) -> None:
    assert quantities(nlp, text) == []


def test_a_bounded_share_counts_the_whole(nlp: Language) -> None:
    found = only(nlp, "The blast destroyed up to a quarter of the harbour.")
    assert (found.value, found.high, found.counted) == (25.0, 25.0, "harbour")
