"""The surface grammar of time expressions: compiled regular expressions (word lists in ``words``).

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

from storyledger.extract.times.words import DAY_WORDS

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
DAY_WORD = "|".join(sorted(DAY_WORDS, key=len, reverse=True))
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
    _p(
        "day_word_month",
        rf"\b(?P<dayword>{DAY_WORD})\s+of\s+{MONTH}{YEAR_TAIL}",
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
        |the\s+day\s+after\s+tomorrow|the\s+course\s+of\s+the\s+day)\b(?:['’]s)?
        (?:\s+{_PART})?""",
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
    _p("fiscal_code", r"\bFY\s?(?P<fy>(?:19|20)\d\d|\d\d)\b(?![-–/.]\d)", 6),
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
