"""The surface grammar of time expressions: compiled regular expressions and their lexicons.

Each pattern has a name (its handler), a priority used when two matches of the same
length overlap, a *core* and an optional *prefix*. The core is scanned over the whole
text; it starts with a required word ("May", "week", "ago", a digit) so the regular
expression engine can skip quickly to the places worth trying. The prefix ("early",
"the end of", "about", "Saturday,", "three") is matched backwards from a core match, in
the few characters before it. Cores of function words run over the lower-cased text;
month and weekday names are matched with their capital letter on the original text
("may" and "march" never match).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a hundred": 100, "a couple of": 2, "a dozen": 12, "half a": 0.5,
}  # fmt: skip
VAGUE_NUMBERS = frozenset({"a few", "few", "several", "many"})
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "final": 4, "last": 4,
}  # fmt: skip
CENTURY_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}  # fmt: skip
DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip
# Duration units: TIMEX3 letter, whether it is a time unit (PT...), and a multiplier.
UNITS = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1),
    "day": ("D", False, 1), "week": ("W", False, 1), "fortnight": ("W", False, 2),
    "month": ("M", False, 1), "year": ("Y", False, 1), "decade": ("DE", False, 1),
    "century": ("CE", False, 1),
}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
MODS = {
    "early": "START", "beginning": "START", "start": "START", "dawn": "START",
    "mid": "MID", "middle": "MID", "late": "END", "end": "END", "close": "END",
}  # fmt: skip
APPROX_MODS = {
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
    "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN",
    "under": "LESS_THAN", "more than": "MORE_THAN", "over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS", "just over": "MORE_THAN",
    "just under": "LESS_THAN",
}  # fmt: skip

_MONTH_FULL = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MONTH = rf"(?P<month>(?:{_MONTH_FULL}|{_MONTH_ABBR}))(?![a-z])"
MONTH_FULL = rf"(?P<month>{_MONTH_FULL})\b"
_WEEKDAY_FULL = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
WEEKDAY = rf"(?P<weekday>{_WEEKDAY_FULL})\b"
_WEEKDAY_ABBR = r"(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?"
DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d,.]\d|:\s?\d)\b"
YEAR = r"(?P<year>1[1-9]\d\d|20\d\d)(?!\d)"
# what follows a four-digit clock time ("1845 GMT", "0730 local time"): never a year
CLOCK_SUFFIX = r"\s+(?:GMT|UTC|hours\b|hrs\b|local\s+time\b)"
YEAR_TAIL = rf"(?:,?\s+{YEAR})?"
_NUM_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty"
    r"|ninety|a\s+hundred|hundred|a\s+couple\s+of|a\s+dozen|half\s+a|an?|a\s+few|few|several"
    r"|many"
)
_COMPOUND = r"(?:twenty|thirty|forty|fifty)-(?:one|two|three|four|five|six|seven|eight|nine)"
_UNITS = r"second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ie)"
_PART = r"(?P<part>morning|afternoon|evening|night)"

# Prefixes, matched backwards (case-insensitive) so they end where the core starts.
_MOD = (
    r"(?:\b(?P<mod>early|mid|late|the\s+(?:very\s+)?(?:end|beginning|start|middle|close)\s+of)"
    r"(?:-|\s+)(?:the\s+)?)?"
)
_LEAD_WEEKDAY = rf"(?:\b(?P<lead>{_WEEKDAY_FULL}|{_WEEKDAY_ABBR}),?\s+)?"
_THE = r"(?:\b(?P<the>the)\s+)?"
_NUMBER = rf"\b(?P<num>\d+(?:\.\d+)?|{_COMPOUND}|{_NUM_WORDS})(?:\s+|-)"
_APPROX = (
    r"(?:\b(?P<approx>about|around|roughly|approximately|some|nearly|almost|less\s+than"
    r"|more\s+than|just\s+over|just\s+under|over|under|at\s+least|up\s+to)\s+)?"
)
_FRAME = r"(?:\b(?P<frame>the\s+(?:past|last|next|first|coming|previous|following|final))\s+)?"
PREFIX_REACH = 48  # characters before a core where its prefix may start


@dataclass(frozen=True)
class Pattern:
    name: str
    core: re.Pattern[str]
    priority: int  # higher wins among overlapping matches of equal length
    lowered: bool  # the core is scanned over the lower-cased text
    prefix: re.Pattern[str] | None
    prefix_required: bool


def _p(
    name: str,
    core: str,
    priority: int,
    *,
    lowered: bool = False,
    prefix: str | None = None,
    prefix_required: bool = False,
) -> Pattern:
    return Pattern(
        name,
        re.compile(core, re.VERBOSE),
        priority,
        lowered,
        re.compile(prefix + r"\Z", re.VERBOSE | re.IGNORECASE) if prefix else None,
        prefix_required,
    )


PATTERNS: tuple[Pattern, ...] = (
    _p("iso_date", rf"\b{YEAR}-(?P<mon>0[1-9]|1[0-2])-(?P<dd>0[1-9]|[12]\d|3[01])\b", 9),
    _p(
        "numeric_date",
        r"\b(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:1[1-9]|20)\d\d|\d\d)\b",
        9,
    ),
    _p("month_day", rf"\b{MONTH}\s+{DAY}{YEAR_TAIL}", 8, prefix=_LEAD_WEEKDAY + _MOD),
    _p(
        "day_month",
        rf"\b{DAY}\s+(?:of\s+)?{MONTH}{YEAR_TAIL}",
        8,
        prefix=_LEAD_WEEKDAY + _THE,
    ),
    _p("month_year", rf"\b{MONTH},?\s+(?:of\s+)?{YEAR}", 7, prefix=_MOD),
    _p(
        "month_relative_year",
        rf"\b{MONTH_FULL}\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b",
        7,
        prefix=_MOD,
    ),
    _p("relative_month", rf"\b(?P<rel>[Tt]his|[Ll]ast|[Nn]ext)\s+{MONTH_FULL}", 7),
    _p("month", rf"\b{MONTH_FULL}", 3, prefix=_MOD),
    _p(
        "weekday",
        rf"""\b{WEEKDAY}(?:['’]s)?(?:\s+{_PART})?
        (?:\s+(?P<weekafter>last|this|next)\s+week\b)?""",
        6,
        prefix=_MOD
        + r"(?:\b(?P<week>last|this|next)\s+week\s+)?(?:\b(?P<rel>last|this|next|past|coming)\s+)?",
    ),
    _p(
        "day_relative",
        rf"""\b(?P<rel>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday
        |the\s+day\s+after\s+tomorrow)\b(?:['’]s)?(?:\s+{_PART})?""",
        6,
        lowered=True,
        prefix=_MOD,
    ),
    _p("part_of_day", rf"\b(?P<rel>this|last)\s+{_PART}\b", 6, lowered=True),
    _p(
        "relative_period",
        r"""\b(?P<rel>this|last|next|the\s+last|the\s+past|the\s+coming|the\s+next
        |the\s+previous|the\s+following|the\s+current)\s+
        (?P<period>week(?:end)?|month|year|quarter|decade|century
        |spring|summer|autumn|fall|winter)\b(?!['’]s\b)""",
        6,
        lowered=True,
        prefix=_MOD + r"(?:\b(?P<adv>later|earlier)\s+)?",
    ),
    _p(
        "anchored_period",
        r"""\b(?:the\s+(?P<unit>day|week|month|year)\s+(?P<way>after|before)
        |the\s+(?P<way2>next|following|previous)\s+(?P<unit2>day|week|month|year)
        |an?\s+(?P<unit3>day|week|month|year)\s+(?P<way3>later|earlier|before|after))\b""",
        4,
        lowered=True,
    ),
    _p(
        "same_period",
        r"""\b(?:that|the\s+same|that\s+same)\s+(?P<period>day|night|week|month|year)\b
        (?!['’]s\b)""",
        4,
        lowered=True,
    ),
    _p(
        "set",
        rf"""\b(?:(?:every|each)\s+(?:(?P<num>other|few|\d+|{_NUM_WORDS})\s+)?(?P<unit>{_UNITS})s?
        |(?P<freq>once|twice|thrice|(?:\d+|two|three|four|five|six|ten)\s+times)\s+(?:a|an|per|every)
        \s+(?P<perunit>{_UNITS})|(?P<adverb>daily|weekly|monthly|annually|yearly|hourly
        |nightly))\b""",
        6,
        lowered=True,
    ),
    _p(
        "holiday",
        rf"""\b(?P<holiday>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve)
        |Valentine['’]s\s+Day|Halloween)\b(?!\s+[A-Z][a-z])(?:,?\s+{YEAR})?""",
        6,
    ),
    _p(
        "period_end",
        r"""\b(?P<mod>the\s+(?:very\s+)?(?:end|beginning|start|middle|close)\s+of)\s+
        the\s+(?P<period>week|month|year)\b""",
        5,
        lowered=True,
    ),
    _p("weekend", r"\bthe\s+weekend\b", 4, lowered=True),
    _p(
        "quarter",
        rf"""\b(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)\s+(?P<kind>quarter|half)
        (?:\s+(?:of\s+)?(?:{YEAR}|(?P<rel>this|last|next)\s+year|the\s+year))?""",
        6,
        lowered=True,
        prefix=_THE,
    ),
    _p(
        "quarter_code",
        rf"\b(?:Q(?P<q>[1-4])(?:\s+|-|/)?{YEAR}?|(?P<y2>20\d\d)\s*-?Q(?P<q2>[1-4]))\b",
        6,
    ),
    _p(
        "season",
        rf"\b(?P<season>spring|summer|autumn|fall|winter)\b(?:\s+(?:of\s+)?{YEAR})?",
        5,
        lowered=True,
        prefix=_MOD + r"(?:\b(?P<rel>this|last|next|the)\s+)?",
    ),
    _p(
        "decade",
        r"""\b(?P<dec4>1[1-9]\d0|20\d0)['’]?s\b|['’](?P<dec2>\d0)s\b|\b(?P<dec2b>\d0)['’]?s\b
        |\b(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b""",
        6,
        prefix=_MOD + _THE,
    ),
    _p(
        "century",
        r"""\b(?P<ord>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh
        |eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth
        |seventeenth|eighteenth|nineteenth|twentieth|twenty-first)(?:\s+|-)century\b""",
        6,
        lowered=True,
        prefix=_THE,
    ),
    _p("year_range_short", rf"\b{YEAR}[-–/](?P<y2>\d\d)\b(?![-–/.]\d)", 6),
    _p(
        "year",
        rf"(?<![\d$£€#.,/:])\b{YEAR}\b(?![.,:/]\d|%|-(?:year|month|day|week)|{CLOCK_SUFFIX})",
        4,
        prefix=_MOD + r"(?:\b(?P<fy>the\s+year|fiscal(?:\s+year)?|FY)\s*)?",
    ),
    _p(
        "ago",
        rf"\b(?P<unit>{_UNITS})s?\s+ago\b",
        7,
        lowered=True,
        prefix=_APPROX + _NUMBER,
        prefix_required=True,
    ),
    _p(
        "duration",
        rf"\b(?P<unit>{_UNITS})s?\b(?!-old|\s+old\b)",
        5,
        lowered=True,
        prefix=_FRAME + _APPROX + _NUMBER,
        prefix_required=True,
    ),
    _p(
        "vague_duration",
        r"\b(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries)\b"
        r"(?P<ago>\s+ago\b)?",
        1,
        lowered=True,
    ),
    _p(
        "present_ref",
        r"""\b(?P<ref>now|currently|presently|nowadays|at\s+present|so\s+far|thus\s+far
        |(?<!up\s)to\s+date|at\s+the\s+moment|these\s+days|for\s+now|until\s+now|up\s+to\s+now
        |right\s+now|by\s+now)\b
        (?![-–]\w)(?!\s+(?:as|from|away|beyond|behind|ahead|removed|out|off|enough|apart)\b)""",
        3,
        lowered=True,
    ),
    _p(
        "past_ref",
        r"""\b(?P<ref>recently|lately|recent\s+(?:years|months|weeks|days|decades|times)
        |(?<=in\s)(?:the\s+past|former\s+times)
        (?=\s*(?:[.,;:!?)"”’]|$|(?:and|or|but|when|as|to|for|with|that|because|is|was|were|has
        |have|had|the|a|in|on|at|by|than|there|it|they|he|she|we)\b)))\b""",
        3,
        lowered=True,
    ),
    _p(
        "future_ref",
        r"""\b(?P<ref>(?<=in\s)the\s+(?:near\s+|distant\s+|foreseeable\s+)?future
        |the\s+coming\s+(?:days|weeks|months|years|decades))\b""",
        3,
        lowered=True,
    ),
    _p(
        "time_of_day",
        rf"""\b(?:(?P<h>[01]?\d|2[0-3]):\s?(?P<m>[0-5]\d)(?:\s*(?P<ampm>[aApP]\.?\s?[mM]\b\.?))?
        |(?P<h12>1[0-2]|0?[1-9])(?:[.:](?P<m12>[0-5]\d))?\s*(?P<ampm12>[aApP]\.\s?[mM]\.|[aApP][mM]\b)
        |(?P<h24>[01]\d|2[0-3])(?P<m24>[0-5]\d)(?={CLOCK_SUFFIX})(?:\s+(?:hours|hrs))?
        |(?P<named>noon|midday|midnight))
        (?:\s*(?P<tz>GMT|UTC|Z)\b)?""",
        5,
    ),
)
