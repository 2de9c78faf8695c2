"""The unit registry: physical units through pint, currencies through babel's ISO 4217 data.

Every quantity gets a canonical ``unit`` (a pint unit name such as "kilometer / hour",
an ISO 4217 code, ``percent`` or ``count``) and a ``dimension`` (pint's name of it:
length, power, speed, ... or currency, ratio, count). pint's registry takes about half a
second to build: it is built once, on the first lookup, and every lookup is cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from spacy.lang.en.stop_words import STOP_WORDS

from storyledger.extract.quantities import lexicon as lex
from storyledger.extract.quantities.numbers import words_alternation

if TYPE_CHECKING:
    import pint

CURRENCY = "currency"


@dataclass(frozen=True)
class Unit:
    name: str  # canonical: pint unit, ISO 4217 code, "percent" or "count"
    dimension: str  # "length", "power", "currency", "ratio", "count", ...


COUNT = Unit("count", "count")
PERCENT = Unit("percent", "ratio")
PERCENTAGE_POINT = Unit("percentage point", "ratio")


# -- physical units (pint) ----------------------------------------------------------------


@cache
def registry() -> pint.UnitRegistry[Any]:
    import pint

    return pint.UnitRegistry()


@cache
def dimension_names() -> dict[frozenset[tuple[str, float]], str]:
    """pint's derived dimensions by their dimensionality: {[length]: 2} -> "area"."""
    ureg = registry()
    names: dict[frozenset[tuple[str, float]], str] = {}
    ordered = [f"[{n}]" for n in lex.PREFERRED_DIMENSIONS] + list(ureg._dimensions)
    for dimension in ordered:
        key = dimensionality_key(ureg.get_dimensionality(dimension))
        names.setdefault(key, dimension.strip("[]"))
    return names


def dimensionality_key(dimensionality: Any) -> frozenset[tuple[str, float]]:
    return frozenset((name, float(power)) for name, power in dict(dimensionality).items())


@lru_cache(maxsize=8192)
def physical_unit(written: str) -> Unit | None:
    """The unit a written form names ("km/h", "bhp", "square miles", "kHz"), or None when
    pint knows no such unit or news means something else by the word ("has", "points")."""
    key = re.sub(r"\s+an?\s+", " per ", " ".join(written.replace("μ", "µ").split()))
    key = re.sub(r"gramme(s?)\b", r"gram\1", key)  # the British "microgrammes per gramme"
    key = re.sub(r"^([a-zA-Zµ]{1,2})([23])$", r"\1 ** \2", key)  # "m2", "cm3"
    lower = key.lower()
    if key in lex.NOT_UNITS or lower in STOP_WORDS or (not key[:1].isalpha() and key[:1] != "°"):
        return None
    expression = " / ".join(
        lex.UNIT_FORMS.get(part.lower()) or cased_symbols().get(part.lower()) or part
        for part in re.split(r"\s+per\s+|/", key)
    )
    units = parsed_units(expression)
    if units is None and len(key) > 3:  # a name in title case: "Kilometers per hour"
        units = parsed_units(lower)
    if units is None:
        return None
    name = str(units)
    if not name or name == "dimensionless" or name in lex.NOT_UNIT_NAMES:
        return None
    if any(part.strip() in lex.NOT_UNIT_NAMES or "molar" in part for part in name.split("/")):
        return None  # "5MM per year" is no megamolar, "two dozen units" no micro-nits
    return Unit(name, dimension_of(units))


def parsed_units(expression: str) -> pint.Unit | None:
    import pint

    try:
        units = registry().parse_units(expression)
        registry().get_dimensionality(units)  # a unit pint cannot place ("delta_decade") is none
    except (pint.errors.PintError, AttributeError, TypeError, ValueError, AssertionError):
        return None
    return units


@cache
def cased_symbols() -> dict[str, str]:
    return {symbol.lower(): symbol for symbol in lex.CASED_SYMBOLS}


def dimension_of(units: pint.Unit) -> str:
    name = str(units)
    if name in lex.TORQUE_UNITS:
        return "torque"
    dimensionality = dict(registry().get_dimensionality(units))
    if not dimensionality:
        kinds = [k for word, k in lex.DIMENSIONLESS_KINDS.items() if name.endswith(word)]
        return kinds[0] if kinds else "dimensionless"
    return dimension_names().get(dimensionality_key(dimensionality), "other")


def convert(value: float, unit: str, to: str) -> float:
    """A value in another unit of the same dimension: convert(100, "mile", "kilometer")."""
    return float(registry().Quantity(value, unit).to(to).magnitude)


# -- currencies (babel: ISO 4217 codes, English names and symbols) ------------------------


@dataclass(frozen=True)
class CurrencyNames:
    codes: frozenset[str]  # codes in use today
    symbols: dict[str, str]  # lower-cased symbol -> code ("$", "€", "us$")
    by_name: dict[str, tuple[str, ...]]  # lower-cased name word ("dirham") -> its codes
    by_qualifier: dict[tuple[str, str], str]  # ("moroccan", "dirham") -> "MAD"
    territories: dict[str, frozenset[str]]  # code -> English names of the countries using it


@cache
def currencies() -> CurrencyNames:
    from babel import Locale
    from babel.numbers import get_territory_currencies

    english = Locale("en")
    territories: dict[str, set[str]] = {}
    for territory, name in english.territories.items():
        for code in get_territory_currencies(territory):
            territories.setdefault(code, set()).add(name)
    codes = frozenset(territories) - lex.WORDLIKE_CODES
    symbols = {
        symbol.lower(): code
        for code, symbol in english.currency_symbols.items()
        if code in codes and symbol != code and not symbol.isalpha()
    }
    symbols.update(lex.EXTRA_CURRENCY_SYMBOLS)
    # "USD$", "CAD$", "MXN$": a code written with the "$" of its dollar or peso
    symbols.update({f"{c.lower()}$": c for c in codes if symbols_of(symbols, c, "$")})
    by_name: dict[str, list[str]] = {}
    by_qualifier: dict[tuple[str, str], str] = {}
    plurals = english._data["currency_names_plural"]
    for code in sorted(codes):
        for form in {english.currencies.get(code, ""), *dict(plurals.get(code, {})).values()}:
            words = form.lower().split()
            if not words:
                continue
            head = words[-1]
            by_name.setdefault(head, []).append(code)
            if len(words) > 1:
                by_qualifier[(" ".join(words[:-1]), singular(head))] = code
    for name, code in lex.EXTRA_CURRENCY_NAMES.items():
        by_name.setdefault(name, []).append(code)
    names = {name: tuple(dict.fromkeys(c)) for name, c in by_name.items()}
    for sign, code in currency_signs(names, by_qualifier).items():
        symbols.setdefault(sign, code)
    return CurrencyNames(
        codes,
        symbols,
        names,
        by_qualifier,
        {code: frozenset(names) for code, names in territories.items()},
    )


def symbols_of(symbols: dict[str, str], code: str, ending: str) -> bool:
    return any(c == code and s.endswith(ending) and s != ending for s, c in symbols.items())


def currency_signs(
    by_name: dict[str, tuple[str, ...]], by_qualifier: dict[tuple[str, str], str]
) -> dict[str, str]:
    """The currency signs of Unicode by their names: U+20A1 COLON SIGN is the Costa Rican
    colón, U+20BE LARI SIGN the Georgian lari, U+0E3F THAI CURRENCY SYMBOL BAHT the baht.
    A sign whose name fits several currencies (PESO SIGN) is left out."""
    import unicodedata

    signs = {}
    plain = {fold(name): codes for name, codes in by_name.items()}
    qualified = {(fold(q), fold(n)): code for (q, n), code in by_qualifier.items()}
    for point in range(0x20, 0x10000):
        char = chr(point)
        if unicodedata.category(char) != "Sc":
            continue
        words = [
            w.lower()
            for w in unicodedata.name(char, "").split()
            if w not in ("SIGN", "CURRENCY", "SYMBOL", "SMALL", "FULLWIDTH")
        ]
        if not words:
            continue
        head, qualifier = words[-1], " ".join(words[:-1])
        codes = plain.get(head, ())
        code = qualified.get((qualifier, head)) or (codes[0] if len(codes) == 1 else None)
        if code is not None:
            signs[char] = code
    return signs


def fold(word: str) -> str:
    """A word without its accents: "colón" -> "colon"."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def singular(name: str) -> str:
    return name[:-1] if name.endswith("s") and name[:-1] in lex.DEFAULT_CURRENCY_OF_NAME else name


@cache
def currency_name_pattern() -> str:
    """The names a number may be followed by: "dollars", "dirhams", "yen", "sterling"."""
    names = currencies().by_name
    bare = [n for n in names if bare_name_allowed(n)]
    return words_alternation(bare)


@cache
def currency_qualifier_pattern() -> str:
    qualifiers = {q for q, _ in currencies().by_qualifier} | set(lex.CURRENCY_QUALIFIER_ALIASES)
    return words_alternation(qualifiers)


@cache
def currency_symbol_pattern() -> str:
    """The symbols written before a number. A symbol of letters and "$" may be written
    with a space in tokenized text ("HK $ 10", "C $ 300"), unless its letters are a word
    or a word's end ("a $5 fine", "the firm's $5m")."""
    spaced = []
    for symbol in sorted(currencies().symbols, key=len, reverse=True):
        letters = symbol[:-1]
        if symbol.endswith("$") and letters.isalpha() and letters not in lex.WORDLIKE_PREFIXES:
            spaced.append(rf"{re.escape(letters)}\s?\$")
        else:
            spaced.append(re.escape(symbol))
    return "|".join(spaced)


@cache
def currency_code_pattern() -> str:
    return words_alternation([*currencies().codes, *lex.CURRENCY_PREFIX_LETTERS])


@cache
def iso_code_pattern() -> str:
    """The ISO 4217 codes in use, as a regex alternation."""
    return words_alternation(currencies().codes)


@cache
def one_letter_symbols() -> str:
    """The one-character symbols written after a number too ("15 €", "10 $")."""
    return "".join(sorted(s for s in currencies().symbols if len(s) == 1))


def bare_name_allowed(name: str) -> bool:
    return name not in lex.COMMON_WORD_CURRENCY_NAMES and len(name) > 2


def currency_of_symbol(symbol: str) -> str | None:
    """ "$" -> USD, "€" -> EUR, "KSh" -> KES, "MAD" -> MAD, "Y" -> JPY."""
    key = "".join(symbol.split())  # "HK $" -> "HK$"
    if key in lex.CURRENCY_PREFIX_LETTERS:
        return lex.CURRENCY_PREFIX_LETTERS[key]
    if key in currencies().codes:
        return key
    if key in lex.LOWERCASE_CODES:
        return lex.LOWERCASE_CODES[key]
    return currencies().symbols.get(key.lower())


def currency_of_name(name: str, qualifier: str | None, countries: frozenset[str]) -> str | None:
    """ "dollars" -> USD, ("Canadian", "dollars") -> CAD, "dirhams" in a text about Morocco
    -> MAD: the qualifier first, then the one country the text names, then the default."""
    table = currencies()
    word = name.strip().lower()
    if word in lex.MINOR_UNITS:
        return lex.MINOR_UNITS[word]
    head = singular(word)
    if qualifier:
        key = qualifier.strip().lower()
        key = lex.CURRENCY_QUALIFIER_ALIASES.get(key, key)
        code = table.by_qualifier.get((key, head)) or table.by_qualifier.get((key, word))
        if code:
            return code
    codes = table.by_name.get(word) or table.by_name.get(head) or ()
    places = countries | {lex.COUNTRY_ALIASES[c] for c in countries if c in lex.COUNTRY_ALIASES}
    named = [c for c in codes if table.territories.get(c, frozenset()) & places]
    if len(named) == 1:
        return named[0]
    return lex.DEFAULT_CURRENCY_OF_NAME.get(head) or (codes[0] if len(codes) == 1 else None)


def currency_name(code: str) -> str:
    """The English name of a currency code: "MAD" -> "Moroccan Dirham"."""
    from babel import Locale

    return str(Locale("en").currencies.get(code, code))
