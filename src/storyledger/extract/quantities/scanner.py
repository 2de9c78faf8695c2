"""The scanner: one compiled pattern finds amounts as news writes them, and each match
is read into an ``Amount`` (value, bounds, unit as written and canonical).

The pattern covers "at least 5,000", "$300 million", "KSh 2 billion", "between 20 and 30
per cent", "two dozen", "hundreds of", "212p", "2.5 billion dirhams", "MAD 2,500". A
physical unit is read after the number by the registry ("12kHz", "310 miles", "540
lb-ft"), and two amounts that make one range are merged ("between 12kHz and 18kHz",
"from 310 miles to 342 miles").

Conventions: a range keeps its first number as ``value`` and both ends as
``low``/``high`` (approx "between"); "at least"/"more than" set ``low``,
"up to"/"nearly"/"less than" set ``high``; "about" sets neither; vague
plurals ("hundreds of") are a range from two to ten times their scale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS

from storyledger.extract.quantities import lexicon as lex
from storyledger.extract.quantities import numbers as num
from storyledger.extract.quantities import units
from storyledger.extract.quantities.units import Unit

NUMBER_WORD = num.words_alternation([*lex.UNITS, *lex.TENS, *lex.SCALES, *lex.MULTIPLIERS])
VULGAR = "".join(lex.VULGAR_FRACTIONS)
DIGITS = (
    rf"(?:\d+\s)?[1-9]\d?/(?:{'|'.join(lex.DIGIT_DENOMINATORS)})(?![\d/])"  # "1/4", "10 1/2"
    rf"|\d*[{VULGAR}]"  # "½", "10½"
    r"|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"  # lakh grouping: "12,34,567"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?:,\s0\d\d)+(?!\d)"  # tokenized text: "10, 000" (no number starts "000")
    r"|\d+(?:\.\d+)?"
)
FRACTION_WORD = num.words_alternation(lex.FRACTIONS)
FRACTION_SCALE = r"(?:hundred|thousand|million|billion|trillion|dozen)"
WORD_NUMBER = (
    # "half a million", "a quarter million", "three quarters billion", "a half dozen"
    rf"(?:(?:(?:an?|one|two|three)[\s-]+)?(?:{FRACTION_WORD})(?:\s+an?)?\s+{FRACTION_SCALE}"
    # "half a mile", "a quarter inch": a fraction before a unit, never opening a range
    rf"|(?:(?:an?|one|two|three)[\s-]+(?:{FRACTION_WORD})|half)(?:\s+an?)?"
    r"(?!\s+(?:to|and)\b|\s*[-–—])"
    rf"|an?\s+{FRACTION_SCALE}"
    rf"(?:[\s-]+(?:and\s+)?(?:{NUMBER_WORD}))*"
    rf"|(?:{NUMBER_WORD})(?:(?:[\s-]+|\s+and\s+)(?:{NUMBER_WORD}))*"
    # "two and a half million"
    rf"(?:\s+and\s+an?\s+(?:half|quarter|third)(?:\s+{FRACTION_SCALE})?)?)"
)
SCALE_WORD = num.words_alternation(lex.SCALES)
VAGUE_WORD = num.words_alternation(lex.VAGUE_PLURALS)
BOUND_PATTERN = num.words_alternation(lex.BOUNDS)
# The words after a number that may name its unit: "km/h", "square miles", "lb-ft".
UNIT_WORDS = re.compile(r"[\s-]?((?:[A-Za-zµμ°][\w°²³µμ'.]*(?:[\s/-](?=[A-Za-z])|(?=\W|$))){1,4})")
UNIT_GLUE = frozenset({"per", "square", "sq", "cubic", "metric", "a", "an"})
PER_THING = re.compile(
    rf"\s*(?:-\s*)?(?:a|an|per|each)\s*(?:-\s*)?(?P<thing>{num.words_alternation(lex.PER_THINGS)})\b"
    r"(?!\s+(?:earlier|ago|before|later|on|from))",
    re.IGNORECASE,
)
RANGE_SEPARATOR = re.compile(r"\s+(?:and|to)\s+|\s*[-–—]\s*")
FROM_BEFORE = re.compile(r"(\w+)\s+from\s+$")


@dataclass
class Amount:
    """One scanned amount before it is judged and placed in the parse."""

    start: int
    end: int
    number_start: int  # the span of the digits or words (of the first number of a range)
    number_end: int
    value: float
    low: float | None
    high: float | None
    approx: str | None
    unit: Unit
    unit_text: str | None  # the unit as written: "kHz", "dirhams", "$", "%"
    raw: str  # the first number as written
    opens_range: bool = False  # "between 12kHz" waits for its "and 18kHz"


def _number(n: int) -> str:
    return (
        rf"(?:(?P<digits{n}>{DIGITS})(?![\d]|[.,]\d|:\d|/\d)"
        rf"|(?P<words{n}>\b(?:{WORD_NUMBER})\b))"
    )


def _scale(n: int) -> str:
    return (
        rf"(?:\s?-?(?P<scale{n}>{SCALE_WORD})\b"
        rf"|\s?(?P<abbr{n}>bn|bln|mn|mln|tn|trn)\b|(?P<short{n}>[kmb])\b)?"
    )


def _currency_prefix(n: int) -> str:
    return (
        rf"(?:(?P<symbol{n}>{units.currency_symbol_pattern()})\s?"
        rf"|(?-i:(?P<code{n}>{units.currency_code_pattern()}))\s?"
        rf"|(?-i:(?P<mcode{n}>M(?:{units.iso_code_pattern()})))\s?"
        rf"|(?P<lowercode{n}>{num.words_alternation(lex.LOWERCASE_CODES)})\s)?"
    )


@cache
def quantity_pattern() -> re.Pattern[str]:
    """The scanner's pattern, built on first use from the lexicon and babel's currencies."""
    after_number = (
        rf"[{re.escape(units.one_letter_symbols())}]|(?-i:{units.iso_code_pattern()})\b"
        rf"|(?:{num.words_alternation(lex.LOWERCASE_CODES)}|cents?|pence)\b"
    )
    next_has_none = rf"(?!\s?\d[\d,.]*+(?!\s?(?:{after_number})))"
    suffix = (
        r"(?:\s?(?P<percent>%|per\s?cent\b|percent\b|percentage\s+points?\b|pct\b)"
        r"|(?P<minor>(?<=\d)p\b|\s?(?:pence|penny|cents?)\b)"
        rf"|\s+(?:of\s+)?(?:(?P<qualifier>{units.currency_qualifier_pattern()})\s+)?"
        rf"(?P<curword>{units.currency_name_pattern()})\b"
        # a code or a sign before another number is that number's ("$ 20.00 $ 37.50")
        # unless that number has its own ("10 $ 30 $", "10 rmb 20 usd")
        rf"|\s?(?-i:(?P<codesuffix>{units.iso_code_pattern()}))\b{next_has_none}"
        rf"(?:\s(?P<postscale>{SCALE_WORD}|bn|mn)\b)?"  # "75 USD million"
        rf"|\s?(?-i:(?P<mcodesuffix>M(?:{units.iso_code_pattern()})))\b"  # "30 MUSD"
        rf"|\s(?P<lowercode>{num.words_alternation(lex.LOWERCASE_CODES)})\b{next_has_none}"
        rf"|\s?(?P<symbolsuffix>[{re.escape(units.one_letter_symbols())}]){next_has_none})?"
    )
    range_part = (
        r"(?:\s*(?P<dash>[-–—])\s*|\s+(?P<sepword>(?(between)and|to))\s+)"
        + _currency_prefix(2)
        + _number(2)
        + _scale(2)
    )
    return re.compile(
        r"(?<![\w.,/+\-#:$€£¥])"
        rf"(?:(?P<between>between)\s+|(?P<bound>{BOUND_PATTERN})\s+)?"
        + r"(?P<minus>[-−](?=\d))?"
        + _currency_prefix(1)
        + rf"(?:(?P<vague>(?:(?:tens|hundreds|dozens|scores)\s+of\s+)?(?:{VAGUE_WORD}))"
        + r"(?=\s+of\b)|"
        + _number(1)
        + _scale(1)
        + rf"(?:{range_part})?)"
        + suffix
        + r"(?![%$€£]|[.,]?\d)",
        re.IGNORECASE,
    )


def scan(text: str, countries: frozenset[str]) -> list[Amount]:
    """Every amount of a text, ranges merged; ``countries`` (the places the text names)
    choose among the currencies of one name ("dirhams" in a report on Morocco). A share
    ("a third of the patients") wins over the numbers inside it ("two" of "two-thirds")."""
    found: list[Amount] = []
    for match in quantity_pattern().finditer(text):
        amount = amount_of(match, text, countries)
        if amount is not None and not (found and amount.start < found[-1].end):
            found.append(amount)  # "90 cents a dozen" is one amount, not two
    amounts = merge_minor_units(merge_ranges(found, text), text)
    parts = shares(text)
    if not parts:
        return amounts
    kept = [a for a in amounts if not any(p.start < a.end and a.start < p.end for p in parts)]
    return sorted([*kept, *parts], key=lambda a: a.start)


# -- shares: "a third of", "half the", "two-thirds of", "one in five" ---------------------

NUMERATOR_WORD = num.words_alternation(lex.FRACTION_NUMERATORS)
COUNTING_WORD = num.words_alternation([*lex.UNITS, *lex.TENS])
# The share is found first and its bound read before it: one pattern with the bounds
# first would try them at every position of every text.
BOUND_BEFORE = re.compile(rf"(?<![\w-])(?P<bound>{BOUND_PATTERN})\s+$", re.IGNORECASE)
SHARE = re.compile(
    r"(?<![\w-])"
    rf"(?P<share>(?:(?P<numerator>{NUMERATOR_WORD})[\s-]+)?(?P<fraction>{FRACTION_WORD})"
    rf"|(?P<part>{COUNTING_WORD}|\d{{1,2}})\s+(?:in|out\s+of)\s+(?P<whole>{COUNTING_WORD}|\d{{1,3}}))"
    r"(?=\s+(?P<of>of\s+)?(?P<det>(?:the|its|their|his|her|our|these|those|all|an?)\s+)?"
    r"(?P<noun>[\w-]+))",
    re.IGNORECASE,
)
# Words before a fraction that make it a part of a period or an ordinal: "the first half
# of the year", "the third of June".
NOT_A_SHARE_BEFORE = re.compile(
    r"(?:\b(?:first|second|third|fourth|last|final|latter|former|other|opening|closing|the)\s+)$",
    re.IGNORECASE,
)


def shares(text: str) -> list[Amount]:
    """Fractions of a whole as percent shares: "a third of the patients" is 33.33 percent,
    "half the buildings" 50, "two-thirds of" 66.67, "one in five households" 20.

    A share is read as ``percent`` (dimension ratio), the unit news uses for the same
    thing in digits, so that "a third of the patients" and "33% of the patients" are one
    value of one unit for the figures that compare them; ``unit_text`` keeps the fraction
    as written ("third", "in five"). A fraction in words is a rounded statement: with no
    bound of its own ("more than half") its approx is "about". "Half" alone is a share
    only before "of" or a determiner ("half the city"); "the third of June", "the first
    half of 2024" and "a quarter of an hour" are no shares."""
    found = []
    for match in SHARE.finditer(text):
        noun = match.group("noun").lower()
        if noun in lex.TIME_NOUNS or noun.rstrip("s") in lex.TIME_NOUNS or noun.isdigit():
            continue
        det = (match.group("det") or "").strip().lower()
        if match.group("fraction") and not match.group("of") and (not det or det in ("a", "an")):
            continue  # "half a million", "half an hour": a number or a time, not a share
        bounded_by = BOUND_BEFORE.search(text, max(0, match.start() - 24), match.start())
        start = bounded_by.start() if bounded_by else match.start("share")
        if NOT_A_SHARE_BEFORE.search(text, max(0, start - 12), start):
            continue
        fraction = share_of(match)
        if fraction is None:
            continue
        value = round(100 * fraction, 2)
        bound = " ".join((bounded_by.group("bound") if bounded_by else "").lower().split())
        low, high, approx = bounded(value, bound)
        written = match.group("fraction") or text[match.end("part") : match.end("whole")].strip()
        found.append(
            Amount(
                start,
                match.end("share"),
                match.start("share"),
                match.end("share"),
                value,
                low,
                high,
                approx or "about",
                units.PERCENT,
                written,
                match.group("share"),
            )
        )
    return found


def share_of(match: re.Match[str]) -> float | None:
    """The fraction a share match gives, or None ("five in two" is none)."""
    if match.group("fraction"):
        words = (match.group("numerator") or "").lower()
        fraction_word = match.group("fraction").lower()
        if not words and fraction_word not in ("half", "halves"):
            return None  # "quarter of" alone: "the Latin quarter of the city"
        numerator = lex.FRACTION_NUMERATORS.get(words or "a", 1)
        denominator = lex.FRACTIONS[fraction_word]
        return numerator / denominator if numerator < denominator else None
    part, whole = num.parse_number(match.group("part")), num.parse_number(match.group("whole"))
    if part is None or not whole or part >= whole:
        return None
    return part / whole


# -- reading a match ---------------------------------------------------------------------


def amount_of(match: re.Match[str], text: str, countries: frozenset[str]) -> Amount | None:
    """The value, bounds and unit of one match, or None when the match is no amount."""
    bound = " ".join((match.group("bound") or "").lower().split())
    currency, currency_text = currency_of(match, countries)
    unit, unit_text, end = unit_of(match, currency, currency_text, text)
    if unit is None:
        return None
    if match.group("vague"):
        return vague_amount(match, bound, unit, unit_text, end)
    first = number_value(match, 1, unit)
    if first is None:
        return None
    value, raw = first
    if unit == units.COUNT and match.group("words1") and num.is_bare_fraction(raw):
        return None  # "a third" alone is a share (``shares``) or no amount
    if unit == units.COUNT and re.fullmatch(r"\d+/\d+", raw) and re.match(r"\s+of\b", text[end:]):
        unit, unit_text, value = units.PERCENT, raw, round(100 * value, 2)  # "1/4 of the land"
    if match.group("mcode1") or match.group("mcodesuffix"):
        value *= 1e6
    elif match.group("postscale"):
        value *= num.scale_of(match.group("postscale"), True) or 1.0
    if match.group("minus") and unit.dimension == "temperature":
        value = -value
    elif match.group("minus"):
        return None
    number_start, number_end = number_span(match, 1)
    start = match.start("bound") if bound else match.start()
    low, high, approx = bounded(value, bound)
    if match.group("dash") or match.group("sepword"):
        second = number_value(match, 2, unit)
        if second is None:
            return None
        value, low, high = range_values(match, value, second[0])
        approx = "between"
        if low is None:  # a score ("3-1") or a vote, not a range
            return None
    opens = bool(match.group("between")) and approx is None
    return Amount(
        start, end, number_start, number_end, value, low, high, approx, unit, unit_text, raw, opens
    )


def currency_of(match: re.Match[str], countries: frozenset[str]) -> tuple[str | None, str | None]:
    """The ISO code of the currency of a match and how it is written. A name after the
    number wins over a bare "$" before it ("$2.10 sterling" is in pounds)."""
    symbol = match.group("symbol1") or match.group("code1") or match.group("symbolsuffix")
    symbol = symbol or match.group("lowercode1")
    scaled_code = match.group("mcode1") or match.group("mcodesuffix")
    if scaled_code:  # "MUSD 30", "48.5 MGBP": millions of a currency
        return scaled_code[1:], scaled_code
    word = match.group("curword") or match.group("minor")
    if word and weighs_pounds(match):
        word = None
    if word:
        named = units.currency_of_name(word, match.group("qualifier"), countries)
        if named and (symbol is None or symbol.strip() == "$"):
            return named, " ".join(word.split())
    code = match.group("codesuffix") or match.group("lowercode")
    if code:
        return units.currency_of_symbol(code), code
    if symbol:
        return units.currency_of_symbol(symbol), symbol.strip()
    return None, None


def weighs_pounds(match: re.Match[str]) -> bool:
    """ "25 pounds" is a weight; "361 million pounds", "millions of pounds" and "British
    pounds" are money."""
    word = (match.group("curword") or "").lower()
    groups = ("scale1", "abbr1", "short1", "scale2", "abbr2", "vague")
    scaled = any(match.group(g) for g in groups)
    return units.singular(word) == "pound" and not scaled and not match.group("qualifier")


def number_end_of(match: re.Match[str]) -> int:
    """Where the numbers of a match end, before any unit."""
    groups = ("digits1", "words1", "scale1", "abbr1", "short1", "digits2", "words2", "scale2")
    return max(match.end(g) for g in (*groups, "abbr2", "short2", "vague") if match.group(g))


def unit_of(
    match: re.Match[str], currency: str | None, currency_text: str | None, text: str
) -> tuple[Unit | None, str | None, int]:
    """(unit, unit as written, end of the amount); no unit when letters stick to the
    number without naming one ("5G", "F16")."""
    end = match.end()
    if currency:
        per = PER_THING.match(text, end)
        if per is not None:  # "$70 a share": a price of one share
            thing = per.group("thing").lower()
            return (
                Unit(f"{currency} per {thing}", units.CURRENCY),
                f"{currency_text}{per.group()}",
                per.end(),
            )
        return Unit(currency, units.CURRENCY), currency_text, end
    if match.group("percent"):
        written = " ".join(match.group("percent").split())
        unit = units.PERCENTAGE_POINT if "point" in written.lower() else units.PERCENT
        return unit, written, end
    if match.group("vague"):
        return units.COUNT, None, end
    if (match.group("short1") or "").lower() == "m":  # "5m" alone is five metres
        return units.physical_unit("meter"), match.group("short1"), end
    if match.group("curword"):  # a name that is no currency here ("25 pounds")
        end = number_end_of(match)
    read = read_unit(text, end)
    if read is not None:
        return with_rate(text, *read)
    if end < len(text) and text[end].isalpha():
        return None, None, end
    return units.COUNT, None, end


BRACKETED_UNIT = re.compile(
    r"\s?(?P<open>[(\[{<])(?P<unit>[A-Za-zµμ°][\w°²³µμ/.]*)(?P<close>[)\]}>])"
)
BRACKETS = {"(": ")", "[": "]", "{": "}", "<": ">"}
# "34,500 tonnes of copper a year", "2 million barrels per day": a rate, the unit per time.
RATE = re.compile(
    r"(?P<of>\s+of(?:\s+[\w-]+){1,3}?)?\s+(?:a|an|per|each)\s+(?P<per>year|annum|day|month|week|hour)\b"
    r"(?!\s+(?:earlier|ago|before|later|on|from))",
    re.IGNORECASE,
)
NO_RATE_DIMENSIONS = frozenset({"time", "temperature", "age"})


def with_rate(text: str, unit: Unit, written: str, end: int) -> tuple[Unit, str, int]:
    """A physical amount per unit of time: "2.4 billion gallons of jet fuel a year" is in
    gallons per year (the amount keeps its span when what is measured comes between)."""
    rate = RATE.match(text, end)
    if rate is None or "/" in unit.name or unit.dimension in NO_RATE_DIMENSIONS:
        return unit, written, end
    per = "year" if rate.group("per").lower() == "annum" else rate.group("per").lower()
    per_unit = units.physical_unit(f"{written} per {per}")
    if per_unit is None:
        return unit, written, end
    if rate.group("of"):
        return per_unit, written, end
    return per_unit, f"{written}{rate.group()}", rate.end()


def read_unit(text: str, pos: int) -> tuple[Unit, str, int] | None:
    """The longest run of up to three words after ``pos`` that names a physical unit, or a
    unit in brackets ("20 (kg)", "5 [m]")."""
    bracketed = BRACKETED_UNIT.match(text, pos)
    if bracketed is not None and BRACKETS[bracketed["open"]] == bracketed["close"]:
        unit = units.physical_unit(bracketed["unit"])
        if unit is not None:
            return unit, bracketed["unit"], bracketed.end()
    found = UNIT_WORDS.match(text, pos, min(len(text), pos + 48))
    if found is None or (found.start(1) > pos and text[pos] not in " -"):
        return None
    words = list(re.finditer(r"[A-Za-zµμ°][\w°²³µμ'.]*", found.group(1)))
    for count in range(len(words), 0, -1):
        chosen = words[:count]
        if count > 1 and any(
            w.group().lower() in STOP_WORDS and w.group().lower() not in UNIT_GLUE for w in chosen
        ):
            continue
        written = found.group(1)[: chosen[-1].end()].rstrip(".")
        unit = units.physical_unit(written)
        if unit is not None:
            return unit, written, found.start(1) + len(written)
    return None


def number_value(match: re.Match[str], n: int, unit: Unit) -> tuple[float, str] | None:
    """The value of the n-th number of a match with its scale, and the number as written.
    A count of things written with a dot before each group of three digits and no scale
    ("around 4.000 dead", "12.500 homes") is in thousands, as many outlets write them: no
    one counts 4.0 dead to three decimals."""
    raw = match.group(f"digits{n}") or match.group(f"words{n}")
    if raw is None:
        return None
    if match.group(f"words{n}") and not num.has_counting_word(raw):
        return None
    value = num.parse_number(raw)
    scale_word = written_scale(match, n)
    if unit == units.COUNT and not scale_word and num.dotted_thousands(raw):
        value = float(raw.replace(".", ""))
    scale = num.scale_of(scale_word, unit.dimension == units.CURRENCY)
    if value is None:
        return None
    return value * (scale if scale is not None else 1.0), raw


def written_scale(match: re.Match[str], n: int) -> str | None:
    """The scale word or abbreviation after the n-th number: "million", "bn", "m"."""
    return match.group(f"scale{n}") or match.group(f"abbr{n}") or match.group(f"short{n}")


def number_span(match: re.Match[str], n: int) -> tuple[int, int]:
    group = f"digits{n}" if match.group(f"digits{n}") else f"words{n}"
    return match.start(group), match.end(group)


def bounded(value: float, bound: str) -> tuple[float | None, float | None, str | None]:
    if not bound:
        return None, None, None
    side, approx = lex.BOUNDS[bound]
    return (value if side == "low" else None), (value if side == "high" else None), approx


def range_values(
    match: re.Match[str], first: float, second: float
) -> tuple[float, float | None, float | None]:
    """(value, low, high) of "X to Y" / "X-Y": a scale after Y applies to X ("$5-10 million")."""
    scale_given = written_scale(match, 1)
    if not scale_given and second > first:
        money = bool(match.group("symbol1") or match.group("code1") or match.group("curword"))
        factor = num.scale_of(
            match.group("scale2") or match.group("abbr2") or match.group("short2"), money
        )
        first *= factor or 1.0
    if first >= second:
        return first, None, None
    return first, first, second


def vague_amount(
    match: re.Match[str], bound: str, unit: Unit, unit_text: str | None, end: int
) -> Amount | None:
    amount = num.vague_amount(match.group("vague"))
    if amount is None:
        return None
    low, high = amount
    start = match.start("bound") if bound else match.start()
    span = match.span("vague")
    return Amount(start, end, *span, low, low, high, "about", unit, unit_text, "")


# -- money in two parts: "3 dollars 50 cents", "thirteen dollars and forty-five cents" ----

MINOR_GLUE = re.compile(r"\s+(?:and\s+)?")
MINOR_OF = {"cent": frozenset(), "GBX": frozenset({"GBP"})}  # cents of any currency


def merge_minor_units(amounts: list[Amount], text: str) -> list[Amount]:
    """An amount in a currency followed by its minor units is one amount: "3 dollars 50
    cents" is 3.50 dollars, "15 euros and 20 cents" 15.20 euros, "12 pounds 40p" 12.40
    pounds. The minor units may go unnamed after a currency written after the number
    ("15 dollars 50.", "17 USD 25"), when the number ends the phrase."""
    merged: list[Amount] = []
    for amount in amounts:
        previous = merged[-1] if merged else None
        if previous is not None and minor_of(previous, amount, text):
            _, per, thing = amount.unit.name.partition(" per ")  # "and 60 cents an hour"
            unit = Unit(f"{previous.unit.name}{per}{thing}", units.CURRENCY)
            value = previous.value + amount.value / 100
            merged[-1] = replace(previous, end=amount.end, value=value, unit=unit)
        else:
            merged.append(amount)
    return merged


def minor_of(major: Amount, minor: Amount, text: str) -> bool:
    if major.unit.dimension != units.CURRENCY or major.unit.name in MINOR_OF:
        return False
    if major.approx or minor.approx or " per " in major.unit.name:
        return False
    if major.value != int(major.value):
        return False
    if not MINOR_GLUE.fullmatch(text[major.end : minor.start]):
        return False
    if not (minor.value == int(minor.value) and 0 < minor.value < 100):
        return False
    minor_name = minor.unit.name.partition(" per ")[0]
    if minor_name in MINOR_OF:
        currencies = MINOR_OF[minor_name]
        return not currencies or major.unit.name in currencies
    written = text[major.number_end : major.end]
    named_after = major.unit_text is not None and major.unit_text in written
    after = text[minor.end : minor.end + 2]
    return (
        minor.unit == units.COUNT
        and named_after
        and (not after.strip() or not after.strip()[0].isalnum())
    )


# -- ranges written as two amounts ------------------------------------------------------


def merge_ranges(amounts: list[Amount], text: str) -> list[Amount]:
    """ "between 12kHz and 18kHz", "from 310 miles to 342 miles": one range of two amounts."""
    merged: list[Amount] = []
    for amount in amounts:
        previous = merged[-1] if merged else None
        if previous is not None and makes_range(previous, amount, text):
            merged[-1] = replace(
                previous,
                end=amount.end,
                low=previous.value,
                high=amount.value,
                approx="between",
                unit=amount.unit,
                unit_text=amount.unit_text or previous.unit_text,
                opens_range=False,
            )
        else:
            merged.append(amount)
    return merged


def makes_range(first: Amount, second: Amount, text: str) -> bool:
    if first.approx or second.approx or first.value >= second.value:
        return False
    if first.unit != second.unit and first.unit != units.COUNT:
        return False
    separator = RANGE_SEPARATOR.fullmatch(text[first.end : second.start])
    if separator is None:
        return False
    if first.opens_range:
        return True
    if "to" not in separator.group():
        return False
    before = FROM_BEFORE.search(text[max(0, first.start - 24) : first.start])
    # "rose from 5% to 7%" gives two levels, not a range
    return before is not None and before.group(1).lower() not in lex.UP_WORDS | lex.DOWN_WORDS
