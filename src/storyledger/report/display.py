"""How every view shows a value, its bound, range, unit and change, a date and an id.

One module, so the CLI, the HTML briefing, the web pages and the text fields of the
JSON cannot disagree. A value is shown as the source wrote it: its bound word is the
source's own ("fewer than 100", "some 400", "over $21 million"), read from the
quantity's text (``quantity_text`` of an observation, ``text`` of a quantity mention),
and only when that text is not at hand from the normalised ``approx`` label. The
structured fields (``approx``, ``low``, ``high``) are never changed here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from functools import lru_cache
from typing import Any

from babel.numbers import get_currency_symbol

from storyledger.extract.quantities.lexicon import BOUNDS
from storyledger.extract.quantities.units import registry
from storyledger.timex import DAY_VALUE, MONTH_VALUE, SEASON_VALUE

SHORT_ID = 7  # characters of an id shown in tables, as git shows commits
WHOLE_WITHIN = 2  # an id that would lose no more characters than this is shown whole
UNDATED = "undated"
SEEN_BY = "seen by"  # the day a live fetch saw an undated report
RANGE_DASH = "–"
MINUS = "−"
LOCALE = "en"
SCALES = ((1e9, "billion"), (1e6, "million"))
PERCENT_UNITS = {"percent": "%", "percentage point": " percentage points"}
COUNT_UNITS = ("count", "")
# a quantity's ``change``: the words that say it went down (any other set value: up)
DOWNWARD = frozenset(["down", "decrease", "fall", "drop", "cut", "loss", "-", "minus", "negative"])
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
REFERENCES = {"PRESENT_REF": "now", "PAST_REF": "in the past", "FUTURE_REF": "in the future"}
MOD_WORDS = {  # TIMEX3 mod -> the words before the date
    "START": "early ",
    "EARLY": "early ",
    "MID": "mid-",
    "END": "late ",
    "LATE": "late ",
    "APPROX": "about ",
    "BEFORE": "before ",
    "AFTER": "after ",
    "ON_OR_BEFORE": "by ",
    "ON_OR_AFTER": "from ",
}
LEADING_BOUND = re.compile(
    r"^\s*(?P<bound>"
    + "|".join(
        r"\s+".join(map(re.escape, phrase.split()))
        for phrase in sorted(BOUNDS, key=len, reverse=True)
    )
    + r")(?![^\W\d_])",
    re.IGNORECASE,
)
# the forms timex.py reads otherwise (a weekend, a quarter or half apart, a decade as "197")
WEEK = re.compile(r"(\d{4})-W(\d{2})")
PART_OF_YEAR = re.compile(r"(\d{4})-(Q[1-4]|H[12])")
DECADE = re.compile(r"(\d{3})X")


# -- values ------------------------------------------------------------------------------


def number_text(value: float, unit: str) -> str:
    """1000 count -> '1,000'; 21e6 USD -> '$21 million'; 4.2 percent -> '4.2%';
    2e9 KES -> 'KES 2 billion'; 12 kilometer -> '12 km'."""
    if unit in PERCENT_UNITS:
        return f"{plain_number(value)}{PERCENT_UNITS[unit]}"
    number = scaled_number(value)
    if unit in COUNT_UNITS:
        return number
    if re.fullmatch(r"[A-Z]{3}", unit):
        sign = currency_sign(unit)
        return f"{sign}{number}" if len(sign) == 1 else f"{sign} {number}"
    return f"{number} {unit_symbol(unit)}"


@lru_cache(maxsize=256)
def currency_sign(code: str) -> str:
    """'$' for USD, '€' for EUR, 'CA$' for CAD; the ISO code itself where English has none."""
    return str(get_currency_symbol(code, locale=LOCALE))


@lru_cache(maxsize=256)
def unit_symbol(unit: str) -> str:
    """pint's symbol of a unit ('kilometer' -> 'km', 'kilowatt_hour' -> 'kWh'), else the
    unit as stored."""
    try:
        return f"{registry().Unit(unit):~P}" or unit
    except (ValueError, AttributeError, TypeError, KeyError, AssertionError):
        return unit  # pint's errors for an unknown or malformed unit derive from these


def scaled_number(value: float) -> str:
    for size, word in SCALES:
        if abs(value) >= size:
            return f"{value / size:,.4g} {word}"
    return plain_number(value)


def plain_number(value: float) -> str:
    if value == int(value):
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".") if abs(value) < 1e15 else f"{value:g}"


def written_bound(text: str | None) -> str | None:
    """The bound phrase a quantity's text starts with, as written (lower case):
    'Fewer than 100' -> 'fewer than'; 'some 400' -> 'some'; '$21 million' -> None."""
    match = LEADING_BOUND.match(text or "")
    return " ".join(match["bound"].lower().split()) if match else None


def value_text(quantity: Mapping[str, Any], unit: str, change: Any = None) -> str:
    """A value as the source gave it: a point, a range, a vague amount ('hundreds'), with
    the source's own bound word, and as a change ('+144', 'up 4.2%') when it is one.

    ``quantity`` is an observation (``quantity_text`` holds the words as printed) or a
    quantity mention (``text``); its own ``change``, when set, says whether it is one,
    else ``change`` (the figure's: a figure of additions)."""
    value, low, high = quantity["value"], quantity.get("low"), quantity.get("high")
    written = quantity.get("quantity_text") or quantity.get("text")
    bound = written_bound(written)
    if low is not None and high is not None and low != high:
        if vague(quantity, written, bound):
            return " ".join(str(written).split()).lower()
        shown = f"{number_text(low, unit)}{RANGE_DASH}{number_text(high, unit)}"
        return changed(shown, None, direction(quantity, change), unit)
    if bound is None and written is None:  # an older row: the normalised label
        bound = quantity.get("approx")
        if bound is None and low is not None and low == value:
            bound = "at least"
        elif bound is None and high is not None and high == value:
            bound = "up to"
    return changed(number_text(value, unit), bound, direction(quantity, change), unit)


def vague(quantity: Mapping[str, Any], written: Any, bound: str | None) -> bool:
    """'hundreds of' (a range of scales, written without a digit), not '20 to 30'."""
    return (
        bool(quantity.get("approx"))
        and quantity.get("approx") != "between"
        and isinstance(written, str)
        and bound is None
        and not re.search(r"\d", written)
    )


def direction(quantity: Mapping[str, Any], change: Any) -> str | None:
    """'up', 'down' or None (a level): the quantity's own ``change`` first."""
    own = quantity.get("change") if "change" in quantity else None
    said = own if own not in (None, "", False) else change
    if said in (None, "", False, "level"):
        return None
    return "down" if str(said).lower() in DOWNWARD else "up"


def changed(number: str, bound: str | None, way: str | None, unit: str) -> str:
    """'+144', '−200', 'up 4.2%', 'up more than 144' (a bound or a percentage in words)."""
    if way is None:
        return f"{bound} {number}" if bound else number
    if bound or unit in PERCENT_UNITS:
        return " ".join(part for part in (way, bound, number) if part)
    return ("+" if way == "up" else MINUS) + number


# -- dates and ids -----------------------------------------------------------------------


def date_text(value: str | None, mod: str | None = None) -> str:
    """A TIMEX3 value (or ISO date) as people write it, no more precise than the value:
    '2024-09' -> 'Sep 2024', '2024-01-26' -> '26 Jan 2024', None -> 'undated'."""
    if not value:
        return UNDATED
    if "/" in value:
        return RANGE_DASH.join(date_text(part) for part in value.split("/"))
    return MOD_WORDS.get(mod or "", "") + plain_date(value)


def as_of_text(observation: Mapping[str, Any]) -> str:
    """When an observation's value held: its date ('26 Jan 2024'), or for a value of no
    known time 'undated', with the day a live fetch saw its report where one did
    ('undated, seen by 4 Dec 2026')."""
    if observation.get("as_of"):
        return date_text(observation["as_of"])
    seen = observation.get("seen_by")
    return f"{UNDATED}, {SEEN_BY} {plain_date(seen)}" if seen else UNDATED


def relation_text(observation: Mapping[str, Any]) -> str:
    """An observation's relation, with the reason its report gives for a revision:
    'updates (citing World Health Organization (WHO))'."""
    reason = observation.get("reason")
    return f"{observation['relation']} ({reason})" if reason else str(observation["relation"])


def plain_date(value: str) -> str:
    if m := DAY_VALUE.fullmatch(value):
        try:
            day = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return value
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    if (m := MONTH_VALUE.fullmatch(value)) and 1 <= int(m[2]) <= 12:
        return f"{MONTHS[int(m[2]) - 1]} {m[1]}"
    if m := WEEK.fullmatch(value):
        return f"week {int(m[2])} of {m[1]}"
    if m := PART_OF_YEAR.fullmatch(value):
        return f"{m[2]} {m[1]}"
    if m := SEASON_VALUE.fullmatch(value):
        return f"{SEASONS[m[2]]} {m[1]}"
    if m := DECADE.fullmatch(value):
        return f"{m[1]}0s"
    return REFERENCES.get(value, value)


def day_text(published: str | None) -> str:
    """A publication date in a citation: its ISO day ('2024-06-25'), the month or year
    when that is all that is known ('2024-09'), else 'undated'."""
    return (published or "")[:10] or UNDATED


def short_id(identifier: str) -> str:
    """The first SHORT_ID characters of an id (any unique prefix finds it)."""
    return identifier[:SHORT_ID]


def short_ids(identifiers: Iterable[str]) -> dict[str, str]:
    """Each id by its shortest prefix of at least SHORT_ID characters that no other of
    them starts with, as git abbreviates commits ('f3cbf71d5d6' and 'f3cbf71d5d6-2' are
    shown whole: an exact id is found before a prefix)."""
    ordered = sorted(set(identifiers))
    shown = {}
    for i, identifier in enumerate(ordered):
        neighbours = ordered[max(0, i - 1) : i] + ordered[i + 1 : i + 2]
        shared = max((shared_length(identifier, n) for n in neighbours), default=0)
        length = max(SHORT_ID, shared + 1)
        whole = length >= len(identifier) - WHOLE_WITHIN
        shown[identifier] = identifier if whole else identifier[:length]
    return shown


def shared_length(one: str, other: str) -> int:
    """How many first characters two ids share."""
    return next(
        (i for i, (a, b) in enumerate(zip(one, other, strict=False)) if a != b),
        min(len(one), len(other)),
    )
