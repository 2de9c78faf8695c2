"""Quantities: the patterns the Recognizers-Text development bench showed missing, each
with sentences written for these tests (never the bench's own): dollar symbols of other
countries, the signs of Unicode for currencies, unit spellings, money in two parts,
scaled codes, and numbers that name rather than count."""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.extract.reading import only, quantities

# --- dollars of other countries: "HK $", "CAD$" ------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("the toll road will cost hk $ 4.2 billion to build.", 4.2e9, "HKD"),
        ("the miner booked a c $ 80 million writedown.", 80e6, "CAD"),
        ("Ottawa set aside CAD$ 12 million for the port.", 12e6, "CAD"),
        ("The fund raised NZD$40 million.", 40e6, "NZD"),
        ("Exporters were paid Mex$ 3 billion in rebates.", 3e9, "MXN"),
        ("Tickets sell for USD$ 25 each.", 25, "USD"),
    ],
)
def test_dollar_symbols_of_other_countries(
    nlp: Language, text: str, value: float, unit: str
) -> None:
    found = only(nlp, text)
    assert (found.value, found.unit) == (value, unit)


@pytest.mark.parametrize(
    "text",
    ["The court imposed a $5,000 fine.", "The company's $40 million loan was repaid."],
)
def test_word_before_dollar_is_no_country(nlp: Language, text: str) -> None:
    assert only(nlp, text).unit == "USD"


# --- currency signs of Unicode ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("A kilo of rice now costs ₡1,200 in San José.", 1200, "CRC"),
        ("Pensions rose to 450 ₾ a month.", 450, "GEL per month"),
        ("The ferry ticket is ฿350.", 350, "THB"),
        ("Tbilisi fined the bank ₾2 million.", 2e6, "GEL"),
        ("The loan of ₴500 million was signed in Kyiv.", 500e6, "UAH"),
    ],
)
def test_currency_signs(nlp: Language, text: str, value: float, unit: str) -> None:
    found = only(nlp, text)
    assert (found.value, found.unit) == (value, unit)


# --- unit spellings -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Temperatures reached 41.5 celcius on Sunday.", 41.5, "degree_Celsius"),
        ("Forecasters expect 102 degrees farenheit in Phoenix.", 102, "degree_Fahrenheit"),
        ("The flat measures 85m2 and costs little.", 85, "meter ** 2"),
        ("Lead levels of 12 microgrammes per gramme were found.", 12, "microgram / gram"),
    ],
)
def test_unit_spellings(nlp: Language, text: str, value: float, unit: str) -> None:
    found = only(nlp, text)
    assert (found.value, found.unit) == (value, unit)


def test_quarters_are_no_mass(nlp: Language) -> None:
    assert all(q.dimension != "mass" for q in quantities(nlp, "Profits grew for three quarters."))


def test_price_per_dozen(nlp: Language) -> None:
    found = only(nlp, "Eggs sold for 90 cents a dozen at the market.")
    assert (found.value, found.unit) == (90, "cent per dozen")


# --- money in two parts: major and minor units -----------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The ticket cost 4 dollars 75 cents.", 4.75, "USD"),
        ("She was paid twelve euros and sixty cents an hour.", 12.60, "EUR per hour"),
        ("The surcharge came to 9 dollars and 20.", 9.20, "USD"),
        ("A pint costs 10 $ 40 cent here.", 10.40, "USD"),
    ],
)
def test_major_and_minor_units(nlp: Language, text: str, value: float, unit: str) -> None:
    found = only(nlp, text)
    assert (round(found.value, 2), found.unit) == (value, unit)


def test_minor_units_need_their_currency(nlp: Language) -> None:
    found = quantities(nlp, "They sold 3 dollars and 50 apples.")
    assert [(q.value, q.unit) for q in found] == [(3, "USD"), (50, "count")]


# --- codes: scaled, lower case, and whose number they belong to -------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The group wrote off 40 USD million in 2022.", 40e6, "USD"),
        ("Order intake reached MEUR 85 in the quarter.", 85e6, "EUR"),
        ("The mill posted a loss of 12.5 MSEK.", 12.5e6, "SEK"),
        ("the visa fee is usd 160 for most travellers", 160, "USD"),
    ],
)
def test_currency_codes(nlp: Language, text: str, value: float, unit: str) -> None:
    found = only(nlp, text)
    assert (found.value, found.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rent: $ 900.00 $ 1,250.00 per quarter", [(900, "USD"), (1250, "USD")]),
        ("Prices: 12 € 15 € 18 €", [(12, "EUR"), (15, "EUR"), (18, "EUR")]),
        ("exchange 50 rmb 8 usd", [(50, "CNY"), (8, "USD")]),
    ],
)
def test_signs_between_numbers(nlp: Language, text: str, expected: list[tuple[float, str]]) -> None:
    assert [(q.value, q.unit) for q in quantities(nlp, text)] == expected


# --- numbers that name, not count ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The crash closed highway 61 near the border.",
        "Passengers of flight 202 were rebooked.",
        "The reforms are: 1) lower fees and 2) faster permits.",
        "Voters must (1) register and (2) bring an ID.",
        "The minister lives at 11 Downing Street.",
        "the talks began on march 3 in geneva.",
        "the ceasefire held until december 14.",
        "it was signed on 9 may in the capital.",
    ],
)
def test_numbers_that_name(nlp: Language, text: str) -> None:
    assert [q.text for q in quantities(nlp, text) if q.unit == "count"] == []


def test_a_number_with_its_unit_may_follow_another(nlp: Language) -> None:
    found = quantities(nlp, "By 2019 80% of the homes had power.")
    assert [(q.value, q.unit) for q in found] == [(80, "percent")]


def test_tokenized_thousands(nlp: Language) -> None:
    found = only(nlp, "the stadium holds about 45, 000 fans.")
    assert (found.value, found.counted) == (45000, "fan")


# --- units in brackets, rates, fractions of a unit ------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Payload: 350 (kg) per flight.", 350, "kilogram"),
        ("The span is 40 [m] wide.", 40, "meter"),
        ("The smelter makes 120,000 tonnes of aluminium a year.", 120000, "metric_ton / year"),
        ("The refinery handles 300,000 barrels of crude per day.", 300000, "barrel / day"),
        ("The school is half a mile from the river.", 0.5, "mile"),
        ("The central bank cut rates by half a percentage point.", 0.5, "percentage point"),
        ("The runway is a quarter mile longer now.", 0.25, "mile"),
    ],
)
def test_bracketed_rates_and_fractions(nlp: Language, text: str, value: float, unit: str) -> None:
    found = only(nlp, text)
    assert (found.value, found.unit) == (value, unit)


def test_a_fraction_word_opens_no_range(nlp: Language) -> None:
    found = quantities(nlp, "Sales rose 4% in the quarter to $80 million.")
    assert [(q.value, q.unit) for q in found] == [(4, "percent"), (80e6, "USD")]


@pytest.mark.parametrize(
    "text", ["Two dozen units of blood were sent.", "The contract pays 8MM per year."]
)
def test_words_that_are_no_units(nlp: Language, text: str) -> None:
    assert all(q.unit in ("count", "USD") for q in quantities(nlp, text))
