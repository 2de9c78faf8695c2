"""Numbers as news writes them: digits, number words, scale words, currencies and units.

Pure tables and parsers with no spaCy: ``quantities`` builds its scanner from
the pattern pieces here and turns the pieces of each match into values and
units with the functions below.
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
MULTIPLIERS = {"hundred": 100.0, "dozen": 12.0}
# Abbreviated scales written after digits: "1.5bn", "€40m", "$50k".
ABBREVIATED_SCALES = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "tn": 1e12,
    "trn": 1e12,
}
# Abbreviations that mean a scale only next to a currency ("5m" alone is five metres).
CURRENCY_ONLY_SCALES = frozenset({"k", "m", "b"})
# "hundreds of", "tens of thousands of": vague amounts.
VAGUE_PLURALS = {
    "dozens": 12.0,
    "tens": 10.0,
    "scores": 20.0,
    "hundreds": 100.0,
    "thousands": 1e3,
    "millions": 1e6,
    "billions": 1e9,
}

SYMBOL_CURRENCIES = {
    "$": "USD",
    "us$": "USD",
    "u.s.$": "USD",
    "c$": "CAD",
    "ca$": "CAD",
    "a$": "AUD",
    "au$": "AUD",
    "nz$": "NZD",
    "hk$": "HKD",
    "s$": "SGD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₦": "NGN",
    "₩": "KRW",
    "₽": "RUB",
    "ksh": "KES",
    "kshs": "KES",
    "rs": "INR",
}
ISO_CODES = frozenset(
    [
        "USD",
        "EUR",
        "GBP",
        "KES",
        "CAD",
        "AUD",
        "NZD",
        "JPY",
        "CNY",
        "INR",
        "NGN",
        "ZAR",
        "CHF",
        "UGX",
        "TZS",
        "ETB",
        "HTG",
        "BRL",
        "MXN",
        "RUB",
        "UAH",
        "SEK",
        "NOK",
        "DKK",
        "HKD",
        "SGD",
        "GHS",
        "EGP",
        "AED",
        "SAR",
        "TRY",
        "PKR",
        "BDT",
        "XOF",
        "XAF",
        "RWF",
    ]
)
CURRENCY_WORDS = {
    "dollar": "USD",
    "euro": "EUR",
    "pound": "GBP",
    "sterling": "GBP",
    "shilling": "KES",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupee": "INR",
    "naira": "NGN",
    "rand": "ZAR",
    "franc": "CHF",
    "gourde": "HTG",
    "rouble": "RUB",
    "ruble": "RUB",
    "hryvnia": "UAH",
    "peso": "MXN",
    "reais": "BRL",
    "cedi": "GHS",
    "birr": "ETB",
    "dirham": "AED",
    "riyal": "SAR",
    "lira": "TRY",
}
# A country adjective changes the currency a word names: "Canadian dollars", "Ugandan shillings".
QUALIFIED_CURRENCIES = {
    ("us", "dollar"): "USD",
    ("u.s.", "dollar"): "USD",
    ("american", "dollar"): "USD",
    ("canadian", "dollar"): "CAD",
    ("australian", "dollar"): "AUD",
    ("new zealand", "dollar"): "NZD",
    ("hong kong", "dollar"): "HKD",
    ("singapore", "dollar"): "SGD",
    ("zimbabwean", "dollar"): "ZWL",
    ("kenyan", "shilling"): "KES",
    ("ugandan", "shilling"): "UGX",
    ("tanzanian", "shilling"): "TZS",
    ("swiss", "franc"): "CHF",
    ("cfa", "franc"): "XOF",
    ("rwandan", "franc"): "RWF",
    ("congolese", "franc"): "CDF",
    ("haitian", "gourde"): "HTG",
    ("mexican", "peso"): "MXN",
    ("argentine", "peso"): "ARS",
    ("philippine", "peso"): "PHP",
    ("indian", "rupee"): "INR",
    ("pakistani", "rupee"): "PKR",
    ("egyptian", "pound"): "EGP",
    ("british", "pound"): "GBP",
    ("south african", "rand"): "ZAR",
    ("turkish", "lira"): "TRY",
    ("chinese", "yuan"): "CNY",
    ("japanese", "yen"): "JPY",
    ("russian", "rouble"): "RUB",
    ("russian", "ruble"): "RUB",
}
MEASURES = {
    "km": "km",
    "kilometre": "km",
    "kilometer": "km",
    "mile": "mile",
    "m": "m",
    "metre": "m",
    "meter": "m",
    "cm": "cm",
    "mm": "mm",
    "foot": "ft",
    "feet": "ft",
    "ft": "ft",
    "inch": "inch",
    "inches": "inch",
    "kg": "kg",
    "kilogram": "kg",
    "kilo": "kg",
    "gram": "g",
    "tonne": "tonne",
    "ton": "tonne",
    "metric ton": "tonne",
    "lb": "lb",
    "lbs": "lb",
    "hectare": "hectare",
    "ha": "hectare",
    "acre": "acre",
    "square kilometre": "km2",
    "square kilometer": "km2",
    "sq km": "km2",
    "km2": "km2",
    "square mile": "sq mile",
    "litre": "litre",
    "liter": "litre",
    "gallon": "gallon",
    "barrel": "barrel",
    "bpd": "barrel per day",
    "mw": "MW",
    "megawatt": "MW",
    "gw": "GW",
    "gigawatt": "GW",
    "kwh": "kWh",
    "mph": "mph",
    "km/h": "km/h",
    "kph": "km/h",
    "knot": "knot",
    "°c": "°C",
    "°f": "°F",
    "degrees celsius": "°C",
    "degrees fahrenheit": "°F",
    "mm of rain": "mm",
}
PERCENT_WORDS = {"%": "percent", "per cent": "percent", "percent": "percent", "pct": "percent"}
PERCENTAGE_POINTS = "percentage point"


def words_alternation(words: list[str] | set[str] | frozenset[str]) -> str:
    """A regex alternation of literal words, longest first so "mln" wins over "m"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


NUMBER_WORD = words_alternation([*UNITS, *TENS, *SCALES, *MULTIPLIERS])
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
WORD_NUMBER = (
    rf"(?:(?:half\s+an?|an?)\s+(?:hundred|thousand|million|billion|dozen)"
    rf"(?:[\s-]+(?:and\s+)?(?:{NUMBER_WORD}))*"
    rf"|(?:{NUMBER_WORD})(?:(?:[\s-]+|\s+and\s+)(?:{NUMBER_WORD}))*)"
)
SCALE_WORD = words_alternation(list(SCALES))
SCALE_ABBREVIATION = words_alternation(list(ABBREVIATED_SCALES))


def _plural_alternation(words: dict[str, str]) -> str:
    forms = set()
    for word in words:
        forms.add(word)
        if word.endswith(("s", "x", "ch", "sh")) or " " in word:
            forms.add(word + "es")
        forms.add(word + "s")
    return words_alternation(forms)


CURRENCY_SYMBOL = words_alternation([s for s in SYMBOL_CURRENCIES if not s.isalpha()])
CURRENCY_PREFIX_WORD = words_alternation([*ISO_CODES, "KSh", "Ksh", "Kshs", "Rs"])
CURRENCY_QUALIFIER = words_alternation({q for q, _ in QUALIFIED_CURRENCIES} | {"US", "U.S."})
CURRENCY_WORD = _plural_alternation(CURRENCY_WORDS)
MEASURE_WORD = _plural_alternation(MEASURES)
VAGUE_WORD = words_alternation(list(VAGUE_PLURALS))


def parse_digits(text: str) -> float:
    """ "1,000" -> 1000.0, "1.5" -> 1.5."""
    return float(text.replace(",", ""))


def parse_number_words(text: str) -> float | None:
    """ "four hundred" -> 400, "a thousand" -> 1000, "two dozen" -> 24, "half a million" -> 5e5."""
    total, current = 0.0, 0.0
    words = re.split(r"[\s-]+", text.lower().strip())
    if words[:2] in (["half", "a"], ["half", "an"]):
        words = words[2:]
        current = 0.5
    for word in words:
        if word in ("a", "an"):
            current = current or 1.0
        elif word == "and":
            continue
        elif word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in MULTIPLIERS:
            current = (current or 1.0) * MULTIPLIERS[word]
        elif word in SCALES:
            total += (current or 1.0) * SCALES[word]
            current = 0.0
        else:
            return None
    return total + current


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or words."""
    text = text.strip()
    if text[:1].isdigit():
        return parse_digits(text)
    return parse_number_words(text)


def scale_of(word: str | None, with_currency: bool) -> float | None:
    """The factor of a scale word or abbreviation ("million", "bn", "m" next to a currency)."""
    if not word:
        return 1.0
    word = word.strip().lower()
    if word in SCALES:
        return SCALES[word]
    if word in CURRENCY_ONLY_SCALES and not with_currency:
        return None
    return ABBREVIATED_SCALES.get(word)


def singular(word: str) -> str:
    """The singular of a unit or currency word ("dollars" -> "dollar", "inches" -> "inch")."""
    if word in MEASURES or word in CURRENCY_WORDS:
        return word
    for suffix, keep in (("es", 2), ("s", 1)):
        if word.endswith(suffix) and (word[:-keep] in MEASURES or word[:-keep] in CURRENCY_WORDS):
            return word[:-keep]
    return word


def currency_code(prefix: str | None, word: str | None, qualifier: str | None) -> str | None:
    """The ISO code of a currency written as a symbol or code before the number or a word after."""
    if prefix:
        key = prefix.strip().lower()
        if key in SYMBOL_CURRENCIES:
            return SYMBOL_CURRENCIES[key]
        if prefix.strip().upper() in ISO_CODES:
            return prefix.strip().upper()
    if word:
        key = word.strip()
        if key.upper() in ISO_CODES and key.isupper():
            return key
        name = singular(key.lower())
        if qualifier:
            qualified = QUALIFIED_CURRENCIES.get((qualifier.strip().lower(), name))
            if qualified:
                return qualified
        return CURRENCY_WORDS.get(name)
    return None


def measure_unit(word: str) -> str | None:
    """The canonical unit of a measure word: "kilometres" -> "km", "tonnes" -> "tonne"."""
    key = " ".join(word.lower().split())
    if key in PERCENT_WORDS:
        return PERCENT_WORDS[key]
    if key.startswith("percentage point"):
        return PERCENTAGE_POINTS
    return MEASURES.get(singular(key)) or MEASURES.get(key)


def vague_amount(words: str) -> tuple[float, float] | None:
    """ "hundreds" -> (200, 1000), "tens of thousands" -> (20000, 100000): low and high."""
    parts = [p for p in re.split(r"\s+", words.lower()) if p != "of"]
    factor = 1.0
    for part in parts:
        if part not in VAGUE_PLURALS:
            return None
        factor *= VAGUE_PLURALS[part]
    return 2 * factor, 10 * factor
