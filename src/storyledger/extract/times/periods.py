"""Handlers for periods: weeks, weekends, months and years relative to the publication date,
quarters, halves, seasons, years and year ranges, decades, centuries."""

from __future__ import annotations

import re
from datetime import date, timedelta

from storyledger.extract.times.calendar import nearest_quarter, nearest_season
from storyledger.extract.times.context import Timex, TimexContext, TimexMatch
from storyledger.extract.times.dates import is_name_not_time, mod_of
from storyledger.extract.times.tense import Direction
from storyledger.extract.times.words import CENTURY_WORDS, DECADE_WORDS, ORDINALS, SEASONS, UNITS
from storyledger.timex import (
    add_months,
    month_value,
    quarter_of,
    quarter_value,
    season_value,
    week_value,
    weekend_value,
)

STEPS = {"this": 0, "the current": 0, "last": -1, "the last": -1, "next": 1}
DURATION_FRAMES = frozenset({"the past", "the coming", "the next"})
WORDS_BEFORE_YEARS = frozenset(
    {"in", "since", "from", "until", "till", "by", "of", "before", "after", "between", "to",
     "and", "through", "during", "early", "mid", "late", "around", "circa", "c", "or"}
)  # fmt: skip
NOT_YEAR_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})
BUSINESS_WORDS = frozenset(
    {"profit", "profits", "revenue", "revenues", "sales", "earnings", "growth", "gdp", "economy",
     "fiscal", "results", "%", "percent", "output", "loss", "losses", "income", "quarterly",
     "inflation", "shares", "turnover", "margin", "margins", "deficit", "exports", "imports"}
)  # fmt: skip
PHONE_PREFIX = re.compile(r"(?<!\d)\d{1,3}[-–]$")  # "555-1234": not a year
SEASON_CUES = frozenset({"in", "during", "by", "until", "over", "since", "through", "this"})


def _period_value(pub: date, period: str, step: int) -> str | None:
    if period == "week":
        return week_value(pub + timedelta(days=7 * step))
    if period == "weekend":
        return weekend_value(pub + timedelta(days=7 * step))
    if period == "month":
        return month_value(*add_months(pub.year, pub.month, step))
    if period == "year":
        return str(pub.year + step)
    if period == "quarter":
        index = pub.year * 4 + quarter_of(pub.month) - 1 + step
        return quarter_value(index // 4, index % 4 + 1)
    if period == "decade":
        return str(pub.year // 10 + step)
    if period == "century":
        return f"{pub.year // 100 + step:02d}"
    return None


def _season_relative(pub: date, season: str, step: int, direction: Direction | None) -> str:
    return season_value(*nearest_season(pub, SEASONS[season], direction, step))


def relative_period(m: TimexMatch, ctx: TimexContext) -> list[Timex]:
    """this/last/next week, later this week, last month, next year, this quarter, last summer;
    "the past year" is a duration."""
    rel = " ".join(m["rel"].lower().split())
    period = m["period"].lower()
    if rel in DURATION_FRAMES or (rel == "the last" and period in ("decade", "century")):
        if period not in UNITS:
            return []
        letter = UNITS[period][0]
        return [Timex(m.start(), m.end(), "DURATION", f"P1{letter}", mod_of(m))]
    if rel not in STEPS:  # "the previous week", "the following month": anchored elsewhere
        return []
    if ctx.published is None:
        return [Timex(m.start(), m.end(), "DATE", None, mod_of(m))]
    step = STEPS[rel]
    value: str | None
    if period in SEASONS:
        value = _season_relative(ctx.published, period, step, ctx.direction(m.start(), m.end()))
    else:
        value = _period_value(ctx.published, period, step)
    return [Timex(m.start(), m.end(), "DATE", value, mod_of(m), value is not None)]


def period_end(m: TimexMatch, ctx: TimexContext) -> list[Timex]:
    """ "the end of the year", "the beginning of the month": this year / month / week."""
    if ctx.published is None:
        return [Timex(m.start(), m.end(), "DATE", None, mod_of(m))]
    value = _period_value(ctx.published, m["period"].lower(), 0)
    return [Timex(m.start(), m.end(), "DATE", value, mod_of(m), True)]


def weekend(m: TimexMatch, ctx: TimexContext) -> list[Timex]:
    """ "the weekend": the one just past in past-tense statements (unless the report is itself
    written on a weekend), the coming one otherwise."""
    start = m.start()
    pub = ctx.published
    if pub is None:
        return [Timex(start, m.end(), "DATE", None)]
    on_weekend = pub.weekday() >= 5
    direction = ctx.direction(start, m.end())
    looking_back = direction == "past" or (direction is None and pub.weekday() < 2)
    step = -1 if looking_back and not on_weekend else 0
    return [
        Timex(start, m.end(), "DATE", weekend_value(pub + timedelta(days=7 * step)), None, True)
    ]


def _quarter_year(m: TimexMatch, ctx: TimexContext, quarter: int) -> tuple[int | None, bool]:
    """The year of a quarter or half: written, relative ("of next year"), or the nearest."""
    if m["year"]:
        return int(m["year"]), False
    pub = ctx.published
    if pub is None:
        return None, False
    if m["rel"]:
        return pub.year + STEPS[m["rel"].lower()], True
    return nearest_quarter(pub, quarter, ctx.direction(m.start(), m.end())), True


def _about_business(ctx: TimexContext, start: int) -> bool:
    """Whether the sentence speaks of money or the economy (a quarter of a year, not a game)."""
    token = ctx.token_at(start)
    return token is not None and any(t.lower_ in BUSINESS_WORDS for t in token.sent)


def quarter(m: TimexMatch, ctx: TimexContext) -> list[Timex]:
    """ "the first quarter (of 2024)" -> 2024-Q1; "the second half of next year" -> H2."""
    ordinal, kind = m["ord"].lower(), m["kind"].lower()
    number = ORDINALS[ordinal]
    has_year = bool(
        m["year"] or m["rel"] or ctx.text[m.start() : m.end()].lower().endswith("the year")
    )
    if kind == "half" and (number > 2 or not has_year):
        return []
    if ordinal in ("last", "final") and not has_year:
        return []  # "the last quarter" is the previous one: relative_period reads it
    if not has_year and not _about_business(ctx, m.start()):
        return []  # "late in the fourth quarter" of a game
    if kind == "half" and ordinal in ("last", "final"):
        number = 2
    year, resolved = _quarter_year(m, ctx, number if kind == "quarter" else number * 2)
    code = f"Q{number}" if kind == "quarter" else f"H{number}"
    value = f"{year:04d}-{code}" if year is not None else f"XXXX-{code}"
    return [Timex(m.start(), m.end(), "DATE", value, None, resolved)]


def quarter_code(m: TimexMatch, ctx: TimexContext) -> list[Timex]:
    """ "Q1 2024", "2024 Q1", "Q3"."""
    number = int(m["q"] or m["q2"])
    written = m["year"] or m["y2"]
    if written:
        return [Timex(m.start(), m.end(), "DATE", quarter_value(int(written), number))]
    if ctx.published is None:
        return [Timex(m.start(), m.end(), "DATE", f"XXXX-Q{number}")]
    year = nearest_quarter(ctx.published, number, ctx.direction(m.start(), m.end()))
    return [Timex(m.start(), m.end(), "DATE", quarter_value(year, number), None, True)]


def season(m: TimexMatch, ctx: TimexContext) -> list[Timex]:
    """ "summer 2024", "last winter", "in the spring"; not "the fall of Kabul" nor "Arab Spring"."""
    name = m["season"].lower()
    rel = (m["rel"] or "").lower()
    code = SEASONS[name]
    if m["year"]:
        return [Timex(m.start(), m.end(), "DATE", season_value(int(m["year"]), code), mod_of(m))]
    if rel in ("", "the"):
        if name == "fall" or ctx.word_before(m.start()) not in SEASON_CUES:
            return []
        if is_name_not_time(ctx, m.start("season")):
            return []
    if ctx.published is None:
        return [Timex(m.start(), m.end(), "DATE", f"XXXX-{code}", mod_of(m))]
    step = {"last": -1, "next": 1}.get(rel, 0)
    value = _season_relative(ctx.published, name, step, ctx.direction(m.start(), m.end()))
    return [Timex(m.start(), m.end(), "DATE", value, mod_of(m), True)]


def _two_digit_decade_century(digit: int, published: date | None) -> int:
    """The century of "the '90s": the latest whose decade has begun by the publication."""
    if published is not None:
        century = published.year // 100
        return century if century * 100 + digit * 10 <= published.year else century - 1
    return 20 if digit < 2 else 19


def decade(m: TimexMatch, ctx: TimexContext) -> list[Timex]:
    """ "the 1970s" -> 197, "the '90s" -> 199, "the sixties" -> 196."""
    if (m["dec2b"] or m["decw"]) and not m["the"]:
        return []  # "in her 40s" is an age, "the 40s" a decade
    if m["dec4"]:
        value = m["dec4"][:3]
    else:
        digit = int(m["dec2"] or m["dec2b"] or 0) // 10
        if m["decw"]:
            digit = DECADE_WORDS[m["decw"].lower()]
        value = f"{_two_digit_decade_century(digit, ctx.published)}{digit}"
    start = m.start("the") if m["the"] and not m["mod"] else m.start()
    return [Timex(start, m.end(), "DATE", value, mod_of(m))]


def century(m: TimexMatch, ctx: TimexContext) -> list[Timex]:
    """ "the 19th century" -> 18."""
    ordinal = m["ord"].lower()
    number = int(ordinal[:-2]) if ordinal[0].isdigit() else CENTURY_WORDS[ordinal]
    if not 1 <= number <= 22:
        return []
    return [Timex(m.start(), m.end(), "DATE", f"{number - 1:02d}")]


def _looks_like_count(ctx: TimexContext, m: TimexMatch) -> bool:
    """ "2000 people", "$1500", "about 1200 troops": a number, not a year."""
    if ctx.word_before(m.start("year")) in WORDS_BEFORE_YEARS:
        return False
    before = ctx.text[max(0, m.start("year") - 5) : m.start("year")]
    if PHONE_PREFIX.search(before):  # "555-1234": a phone number
        return True
    token = ctx.token_at(m.start("year"))
    if token is None:
        return False
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    if following is not None and following.tag_ in ("NNS", "NNPS"):
        return True
    return token.ent_type_ in NOT_YEAR_LABELS


def year(m: TimexMatch, ctx: TimexContext) -> list[Timex]:
    """ "in 2004", "a 2012 car crash", "1915–1934" (each year its own mention)."""
    if _looks_like_count(ctx, m):
        return []
    return [Timex(m.start(), m.end(), "DATE", m["year"], mod_of(m))]


def fiscal_code(m: TimexMatch, ctx: TimexContext) -> list[Timex]:
    """ "FY2026", "FY 26": the fiscal year, named by the calendar year it ends in (as
    "fiscal year 2026" is)."""
    written = m["fy"]
    year = int(written) if len(written) == 4 else 2000 + int(written)
    return [Timex(m.start(), m.end(), "DATE", f"{year:04d}")]


def year_range_short(m: TimexMatch, ctx: TimexContext) -> list[Timex]:
    """ "2012-13": two years, the second written with two digits."""
    first = int(m["year"])
    second = first // 100 * 100 + int(m["y2"])
    if not first < second <= first + 10:
        return []
    return [
        Timex(m.start("year"), m.end("year"), "DATE", str(first)),
        Timex(m.start("y2"), m.end("y2"), "DATE", str(second)),
    ]
