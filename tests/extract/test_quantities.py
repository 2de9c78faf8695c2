"""Quantities: hand-written sentences for values, bounds, scales, units, what is counted,
and what is not a quantity (years, days of the month, times of day, names, IDs). The
news-style sentences for units, currencies, ranges, vague amounts, ages and changes are
in test_units.py and test_changes.py."""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.extract.reading import only, quantities

# --- values, scales, number words -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The US pledged $300 million in support.", 300e6, "USD"),
        ("Donors have deposited 21 million dollars in the trust.", 21e6, "USD"),
        ("Kenya has spent KSh 2 billion on the mission.", 2e9, "KES"),
        ("The country received 1.5bn euros in aid.", 1.5e9, "EUR"),
        ("The EU approved a €20m grant for the programme.", 20e6, "EUR"),
        ("Four hundred soldiers arrived in the capital.", 400, "count"),
        ("A thousand protesters marched in Nairobi.", 1000, "count"),
        ("Two dozen journalists were detained.", 24, "count"),
        ("The fire destroyed 300 hectares of forest.", 300, "hectare"),
        ("The road is 120 km long.", 120, "kilometer"),
        ("About 70 percent of the city is controlled by gangs.", 70, "percent"),
    ],
)
def test_values_and_units(nlp: Language, text: str, value: float, unit: str) -> None:
    found = only(nlp, text)
    assert (found.value, found.unit) == (value, unit)
    assert text[found.start : found.end] == found.text


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Rescuers have counted around 4.000 dead in the city.", 4000, "count"),
        ("The flood destroyed 12.500 homes along the river.", 12500, "count"),
        ("Between 3.000 and 4.500 families were moved to camps.", 4500, "count"),
        ("The fund holds $1.250 billion for the rebuilding.", 1.25e9, "USD"),
        ("The pipeline runs 2.125 km under the bay.", 2.125, "kilometer"),
        ("The survey found 1.5 children per household.", 1.5, "count"),
    ],
)
def test_a_dot_before_three_digits_groups_thousands_of_a_count(
    nlp: Language, text: str, value: float, unit: str
) -> None:
    """Outlets that write "4.000" for four thousand: a count, never an amount with a scale
    or a unit, and never a dot before fewer or more than three digits."""
    found = only(nlp, text)
    assert ((found.high or found.value), found.unit) == (value, unit)


# --- bounds and ranges ------------------------------------------------------------------


def test_lower_bounds(nlp: Language) -> None:
    found = only(nlp, "At least 5,000 foreign police officers would be needed.")
    assert (found.value, found.low, found.high, found.approx) == (5000, 5000, None, "at least")
    more = quantities(nlp, "The storm killed more than 40 people.")[0]
    assert (more.low, more.high, more.approx) == (40, None, "more than")


def test_upper_bounds(nlp: Language) -> None:
    found = only(nlp, "Up to 2,500 personnel could join the force.")
    assert (found.low, found.high, found.approx) == (None, 2500, "up to")
    nearly = only(nlp, "Nearly 600 officers are now in Haiti.")
    assert (nearly.low, nearly.high, nearly.approx) == (None, 600, "nearly")


def test_about_sets_no_bound(nlp: Language) -> None:
    found = only(nlp, "About 400 officers landed on Tuesday.")
    assert (found.value, found.low, found.high, found.approx) == (400, None, None, "about")


def test_between_range(nlp: Language) -> None:
    found = only(nlp, "Between 20 and 30 per cent of voters are undecided.")
    assert (found.value, found.low, found.high, found.approx) == (20, 20, 30, "between")
    assert found.unit == "percent" and found.counted == "voter"


def test_vague_plural_is_a_range(nlp: Language) -> None:
    found = only(nlp, "Hundreds of people fled the fighting.")
    assert (found.low, found.high, found.approx) == (200, 1000, "about")
    assert found.counted == "people"


# --- not quantities ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Haiti won independence through a slave rebellion in 1804.",
        "The US occupied Haiti from 1915–1934.",
        "Mr Ruto spoke to the BBC on May 25.",
        "The man was arrested at 3pm.",
        "Call 0722 123 456 for details.",
        "Resolution 2699 was adopted by the council.",
        "He was one of the first officers to arrive.",
        "The team won 3-1 on Sunday.",
    ],
)
def test_years_dates_times_names_are_not_quantities(nlp: Language, text: str) -> None:
    assert quantities(nlp, text) == []


def test_four_digits_past_the_years_are_a_count(nlp: Language) -> None:
    """Without a comma, four digits are a year only among the years reports write."""
    assert only(nlp, "State radio said the toll had risen to 4862 by the evening.").value == 4862
    assert quantities(nlp, "The bridge was built in 1932 and rebuilt by 2150.") == []
    assert quantities(nlp, "The old 8088 chip ran the first office computers.") == []
    found = quantities(nlp, "Donations go to account 12-33014455-6677 at the central bank.")
    assert 6677 not in {q.value for q in found}  # the end of an account number


def test_a_year_beside_a_real_count(nlp: Language) -> None:
    found = only(nlp, "The crash in 2019 killed 157 people.")
    assert (found.value, found.counted) == (157, "people")


# --- what is counted --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Kenya will send 1,000 Kenyan police officers.", "Kenyan police officer"),
        ("Ruto wished luck to 400 officers.", "officer"),
        ("It is the first contingent out of 1,000 police.", "police"),
        ("80% of the capital has fallen into the hands of gangs.", "capital"),
        ("The US pledged $300 million in support.", "support"),
        ("21 million dollars have been deposited in the trust.", "trust deposit"),
        ("The project is estimated to cost 600 million dollars.", "project cost"),
        ("The EU approved a €20m grant for the programme.", "grant"),
        ("Inflation rose to 5.4% last month.", "inflation"),
        ("The death toll rose to 57.", "death toll"),
        ("The budget is $1.2 billion.", "budget"),
    ],
)
def test_counted_thing(nlp: Language, text: str, counted: str) -> None:
    assert only(nlp, text).counted == counted


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("The government will receive $50 million from the World Bank.", None),
        ("The deal will bring $2 billion to the region.", None),
        ("Donors gave $12 million to the fund.", None),
        ("Kenya has spent KSh 2 billion on the mission.", "spending"),
        ("The country received 1.5bn euros in aid.", "aid"),
        ("The US will pay $60 million.", "payment"),
    ],
)
def test_money_counts_a_noun_or_nothing(nlp: Language, text: str, counted: str | None) -> None:
    """Never a bare verb ("receive", "bring"): a figure called "Receive (USD)" means nothing."""
    assert only(nlp, text).counted == counted


def test_level_and_change_of_the_same_money(nlp: Language) -> None:
    found = quantities(
        nlp, "An additional $100 million brings the US contribution to $300 million."
    )
    assert [(q.value, q.counted) for q in found] == [
        (100e6, "US contribution"),
        (300e6, "US contribution"),
    ]


def test_a_group_size_counts_its_members_elsewhere(nlp: Language) -> None:
    """ "bringing the contingent to 600": the contingent is no counted thing."""
    found = quantities(nlp, "Another 200 officers arrived, bringing the contingent to 600.")
    assert [(q.value, q.counted) for q in found] == [(200, "officer"), (600, None)]


def test_governing_predicate(nlp: Language) -> None:
    found = only(nlp, "A UN official said 5,000 officers would be needed.")
    assert found.predicate == "need"


def test_a_number_in_brackets_after_a_name_is_its_value(nlp: Language) -> None:
    """'Sindh (311)' gives Sindh's number; '(1) chose ... (2) left' are list markers."""
    found = quantities(nlp, "Deaths were highest in Sindh (311) and Punjab (12).")
    assert [q.value for q in found] == [311, 12]
    assert quantities(nlp, "The panel (1) chose a site and (2) left it.") == []
