"""Units and currencies on news-style sentences of our own: physical units through pint,
currencies through babel (ISO 4217), ranges, vague amounts and ages."""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.extract.reading import quantities

from storyledger.extract.pipeline import extract
from storyledger.extract.quantities.units import convert, currency_of_name, physical_unit
from storyledger.model import QuantityMention


def described(found: list[QuantityMention]) -> list[tuple[float, str, str]]:
    return [(q.value, q.unit, q.dimension) for q in found]


# --- physical units ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The new V8 produces 503 hp and 479 lb-ft of torque.",
            [(503, "horsepower", "power"), (479, "foot * force_pound", "torque")],
        ),
        ("Its diesel engine is rated at 190 bhp.", [(190, "horsepower", "power")]),
        (
            "The motor delivers 150 kW and revs to 16,000 rpm.",
            [(150, "kilowatt", "power"), (16000, "revolutions_per_minute", "frequency")],
        ),
        ("The base model ships with 8GB of memory.", [(8, "gigabyte", "information")]),
        ("The charger is rated at 65 W.", [(65, "watt", "power")]),
        ("The alloy withstands 1.2 GPa before it cracks.", [(1.2, "gigapascal", "pressure")]),
        ("Gusts reached 95 mph on the coast.", [(95, "mile_per_hour", "speed")]),
        ("Trains will run at 320 km/h on the new line.", [(320, "kilometer / hour", "speed")]),
        ("The wildfire has burned 47 square miles.", [(47, "mile ** 2", "area")]),
        ("Greenland lost 270 gigatonnes of ice last year.", [(270, "gigametric_ton", "mass")]),
        ("The torque figure is 650 pound-feet.", [(650, "foot * force_pound", "torque")]),
        ("The flood barrier is 12 metres high.", [(12, "meter", "length")]),
        ("The baby weighed seven pounds at birth.", [(7, "pound", "mass")]),
        (
            "The pipeline carries 300,000 barrels a day.",
            [(300000, "barrel / day", "volumetric_flow_rate")],
        ),
        ("Overnight lows fell to -4°C in the capital.", [(-4, "degree_Celsius", "temperature")]),
        (
            "The speaker covers 40Hz to 20 kHz.",
            [(40, "hertz", "frequency"), (20, "kilohertz", "frequency")],
        ),
    ],
)
def test_physical_units(nlp: Language, text: str, expected: list[tuple[float, str, str]]) -> None:
    assert described(quantities(nlp, text)) == expected


def test_unit_text_is_as_written(nlp: Language) -> None:
    (found,) = quantities(nlp, "The hatchback makes 296 bhp from its 2.0-litre engine.")[:1]
    assert (found.unit_text, found.unit) == ("bhp", "horsepower")


def test_an_age_after_a_name_is_no_hectares(nlp: Language) -> None:
    found = quantities(nlp, "Okonkwo, 61, has run the port authority since 2015.")
    assert [(q.value, q.unit, q.dimension) for q in found] == [(61, "year", "age")]


def test_ages(nlp: Language) -> None:
    found = quantities(nlp, "A 27-year-old driver and his son, aged 4, were rescued.")
    assert [(q.value, q.dimension) for q in found] == [(27, "age"), (4, "age")]


def test_words_that_pint_knows_are_not_units_in_news(nlp: Language) -> None:
    found = quantities(nlp, "The index closed 190 points higher as 12 links were cut.")
    assert [(q.value, q.unit) for q in found] == [(190, "count"), (12, "count")]


def test_letters_stuck_to_a_number_that_name_no_unit(nlp: Language) -> None:
    assert quantities(nlp, "The operator switched on its 5G network near the F16 base.") == []


def test_the_registry_converts_for_comparing_values() -> None:
    miles = physical_unit("miles")
    kilometres = physical_unit("km")
    assert miles is not None and kilometres is not None
    assert convert(310, miles.name, kilometres.name) == pytest.approx(498.9, abs=0.1)
    assert convert(212, "degree_Fahrenheit", "degree_Celsius") == pytest.approx(100)


# --- currencies -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Toyota's operating profit reached Y5.35 trillion.", 5.35e12, "JPY"),
        ("Shares in the lender closed at 212p.", 212, "GBX"),
        ("The stock was quoted at $2.10 sterling in early trade.", 2.10, "GBP"),
        (
            "Rabat set aside 120 billion dirhams for the rebuilding of Morocco's villages.",
            120e9,
            "MAD",
        ),
        ("Each family in Morocco's Al Haouz will get MAD 2,500 a month.", 2500, "MAD per month"),
        ("The quake did damage put at 2.5 billion dirhams in Morocco.", 2.5e9, "MAD"),
        ("Dubai's fund raised 400 million dirhams from UAE investors.", 400e6, "AED"),
        ("Kampala approved a budget of 72 trillion Ugandan shillings.", 72e12, "UGX"),
        ("Nairobi raised fuel levies by 8 billion shillings.", 8e9, "KES"),
        ("The club paid 85 million euros for the striker.", 85e6, "EUR"),
        ("The brewer earned 361 million pounds before tax.", 361e6, "GBP"),
        ("A single ticket costs €15 in Paris.", 15, "EUR"),
        ("Analysts expect a bid near 470 pence per share.", 470, "GBX per share"),
        ("The Libyan central bank released 1.5 billion Libyan dinars.", 1.5e9, "LYD"),
    ],
)
def test_currencies(nlp: Language, text: str, value: float, unit: str) -> None:
    found = [q for q in quantities(nlp, text) if q.dimension == "currency"]
    assert [(q.value, q.unit) for q in found] == [(value, unit)]


def test_pound_feet_is_no_sterling(nlp: Language) -> None:
    (found,) = quantities(nlp, "The electric pickup makes 775 pound-feet of torque.")
    assert found.dimension == "torque" and found.unit != "GBP"


def test_a_name_of_several_currencies_follows_the_country_named() -> None:
    assert currency_of_name("dirhams", None, frozenset({"Morocco"})) == "MAD"
    assert currency_of_name("dirhams", None, frozenset({"United Arab Emirates"})) == "AED"
    assert currency_of_name("dollars", "Canadian", frozenset()) == "CAD"
    assert currency_of_name("dollars", None, frozenset()) == "USD"


# --- ranges and vague amounts ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("Between 40 and 65 migrants are feared drowned.", 40, 65, "count"),
        ("The implant picks up sounds between 12kHz and 18kHz.", 12, 18, "kilohertz"),
        ("The ferry crossing takes 20–35min depending on the swell.", 20, 35, "minute"),
        ("Estimates of the range run from 310 miles to 342 miles.", 310, 342, "mile"),
        ("The repairs will cost $5-10 million.", 5e6, 10e6, "USD"),
        ("The storm dumped 150 to 200 mm of rain.", 150, 200, "millimeter"),
    ],
)
def test_ranges(nlp: Language, text: str, low: float, high: float, unit: str) -> None:
    (found,) = quantities(nlp, text)
    assert (found.low, found.high, found.unit, found.approx) == (low, high, unit, "between")


def test_two_levels_of_a_change_are_no_range(nlp: Language) -> None:
    found = quantities(nlp, "Inflation rose from 5% to 7% over the year.")
    assert [(q.value, q.low, q.high) for q in found] == [(5, None, None), (7, None, None)]


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("The scheme cost tens of millions of dollars.", 2e7, 1e8, "USD"),
        ("Dozens of people were injured in the crush.", 24, 120, "count"),
        ("Thousands of families have fled the region.", 2000, 10000, "count"),
    ],
)
def test_vague_amounts(nlp: Language, text: str, low: float, high: float, unit: str) -> None:
    (found,) = quantities(nlp, text)
    assert (found.low, found.high, found.unit, found.approx) == (low, high, unit, "about")


def test_a_word_pint_cannot_place_is_no_unit() -> None:
    # "a decade ago" once parsed as the unit 'delta_decade', which pint cannot give a
    # dimension, and the error stopped the whole extraction.
    extraction = extract("The fund held 55.3 million a decade ago.", "2024-01-02")
    assert [(q.value, q.unit) for q in extraction.quantities] == [(55_300_000, "count")]
