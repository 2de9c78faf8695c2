"""Handlers for calendar dates: full and partial dates, months, weekdays, days relative to
the publication date, parts of the day.

A handler takes a regex match and the context and returns the normalised expressions
(usually one; none when the match is not a time after all, e.g. "May" the modal verb).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from storyledger.extract.times.calendar import nearest_month, nearest_month_day, nearest_weekday
from storyledger.extract.times.context import Timex, TimexContext, TimexMatch
from storyledger.extract.times.words import (
    DAY_WORDS,
    MODS,
    MONTHS,
    PARTS_OF_DAY,
    RECURRENCE_WORDS,
    WEEKDAYS,
)
from storyledger.timex import day_value, month_value

if TYPE_CHECKING:
    from spacy.tokens import Token

ORDINAL_WORDS = frozenset({"first", "second", "third", "fourth", "fifth"})
_WRITTEN = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?$")
NOT_TIME_LABELS = frozenset(
    {"PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "EVENT", "GPE", "LOC", "NORP", "LAW"}
)


def mod_of(m: TimexMatch) -> str | None:
    """START / MID / END from "early", "mid-", "the end of" ..."""
    words = m["mod"].lower().split()
    for word in reversed(words):
        if word in MODS:
            return MODS[word]
    return None


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def is_name_not_time(ctx: TimexContext, start: int) -> bool:
    """ "Sunday Times", "Theresa May", "USA Today": part of a named entity."""
    token = ctx.token_at(start)
    return token is not None and token.ent_type_ in NOT_TIME_LABELS


def _written_day(m: TimexMatch, year: int, month: int, day: int) -> list[Timex]:
    """A date written in full; nothing when it does not exist (February 30)."""
    try:
        value = day_value(date(year, month, day))
    except ValueError:
        return []
    return [Timex(m.start(), m.end(), "DATE", value, mod_of(m))]


def iso_date(m: TimexMatch, ctx: TimexContext) -> list[Timex]:
    return _written_day(m, int(m["year"]), int(m["mon"]), int(m["dd"]))


def numeric_date(m: TimexMatch, ctx: TimexContext) -> list[Timex]:
    """05/02/2013 in US order (month first) unless the first number cannot be a month;
    26.01.2024 (dots) day first."""
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    if year < 100:
        year += 2000 if year < 50 else 1900
    month, day = (b, a) if m["sep"] == "." or a > 12 else (a, b)
    return _written_day(m, year, month, day)


def month_day(m: TimexMatch, ctx: TimexContext) -> list[Timex]:
    """ "January 26, 2024", "26 January", "Saturday 8 October 2011", "May 25"."""
    return dated_month_day(m, ctx, month_number(m["month"]), int(m["day"]))


def day_word_month(m: TimexMatch, ctx: TimexContext) -> list[Timex]:
    """ "the first of November", "Thursday, the twenty-first of May 2024"."""
    return dated_month_day(m, ctx, month_number(m["month"]), DAY_WORDS[m["dayword"].lower()])


def dated_month_day(m: TimexMatch, ctx: TimexContext, month: int, day: int) -> list[Timex]:
    if m["year"]:
        return _written_day(m, int(m["year"]), month, day)
    if not _exists(2000, month, day):  # a leap year: February 29 may exist
        return []
    direction = ctx.direction(m.start(), m.end())
    partial = (month, day) if direction != "future" else None
    if ctx.published is None:
        value = f"XXXX-{month:02d}-{day:02d}"
        return [Timex(m.start(), m.end(), "DATE", value, mod_of(m), False, partial)]
    lead = WEEKDAYS.get(m["lead"].lower().rstrip("."))
    found = nearest_month_day(ctx.published, month, day, direction, weekday=lead)
    if found is None:
        return []
    return [Timex(m.start(), m.end(), "DATE", day_value(found), mod_of(m), True, partial)]


def month_year(m: TimexMatch, ctx: TimexContext) -> list[Timex]:
    value = month_value(int(m["year"]), month_number(m["month"]))
    return [Timex(m.start(), m.end(), "DATE", value, mod_of(m))]


def month_relative_year(m: TimexMatch, ctx: TimexContext) -> list[Timex]:
    """ "September this year", "April last year"."""
    if ctx.published is None:
        return [Timex(m.start(), m.end(), "DATE", None, mod_of(m))]
    year = ctx.published.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    value = month_value(year, month_number(m["month"]))
    return [Timex(m.start(), m.end(), "DATE", value, mod_of(m), True)]


def relative_month(m: TimexMatch, ctx: TimexContext) -> list[Timex]:
    """ "last May" (the latest May before this month), "next March", "this June"."""
    if ctx.published is None:
        return [Timex(m.start(), m.end(), "DATE", None)]
    pub, month, rel = ctx.published, month_number(m["month"]), m["rel"].lower()
    if rel == "last":
        year = pub.year if month < pub.month else pub.year - 1
    elif rel == "next":
        year = pub.year if month > pub.month else pub.year + 1
    else:
        year = nearest_month(pub, month, ctx.direction(m.start(), m.end()))[0]
    return [Timex(m.start(), m.end(), "DATE", month_value(year, month), None, True)]


def _follows_a_subject(token: Token) -> bool:
    if token.i == 0 or token.is_sent_start:
        return False
    before = token.nbor(-1)
    return before.tag_ in ("NN", "NNS", "NNP", "NNPS", "PRP") and before.dep_ in (
        "nsubj",
        "compound",
    )


def month_alone(m: TimexMatch, ctx: TimexContext) -> list[Timex]:
    """ "in October": the nearest October in the statement's direction. Not "May" the modal
    verb, "March" the verb, nor a month inside a name."""
    token = ctx.token_at(m.start("month"))
    if token is None or token.tag_ in ("MD", "VB", "VBP", "VBZ", "VBD", "VBG"):
        return []
    if token.lower_ == "may" and token.tag_ != "NNP":
        return []
    if m.start() == m.start("month") and _follows_a_subject(token):
        return []  # "Protesters March on the capital"
    if is_name_not_time(ctx, m.start("month")):
        return []
    month = month_number(m["month"])
    direction = ctx.direction(m.start(), m.end())
    partial = (month, 0) if direction != "future" else None
    if ctx.published is None:
        value = f"XXXX-{month:02d}"
        return [Timex(m.start(), m.end(), "DATE", value, mod_of(m), False, partial)]
    year, _ = nearest_month(ctx.published, month, direction)
    value = month_value(year, month)
    return [Timex(m.start(), m.end(), "DATE", value, mod_of(m), True, partial)]


def _written_anchor(ctx: TimexContext, timex: Timex) -> date | int | None:
    """The nearest date (or year) written in full before ``timex`` in its sentence."""
    for other in reversed(ctx.accepted):
        if other.end > timex.start or other.resolved or not other.value:
            continue
        if not ctx.same_sentence(other.start, timex.start):
            return None
        if found := _WRITTEN.match(other.value):
            year, month, day = found.groups()
            if month is None:
                return int(year)
            return date(int(year), int(month), int(day or 1))
    return None


def _exists(year: int, month: int, day: int) -> bool:
    return day <= calendar.monthrange(year, month)[1]


def anchor_to_written_dates(ctx: TimexContext) -> None:
    """ "killed June 24, 2005 while investigating a June 20 shooting": the June 20 of 2005;
    "In 2004, ... on December 26": of 2004. Only for statements looking back."""
    for timex in ctx.accepted:
        if timex.partial is None:
            continue
        anchor = _written_anchor(ctx, timex)
        if anchor is None:
            continue
        month, day = timex.partial
        if isinstance(anchor, int):
            year = anchor
        elif day:
            found = nearest_month_day(anchor, month, day, None)
            year = found.year if found is not None else anchor.year
        else:
            year = nearest_month(anchor, month, None)[0]
        if day and not _exists(year, month, day):
            continue  # February 29 of a common year
        timex.value = day_value(date(year, month, day)) if day else month_value(year, month)
        timex.resolved = False


# Between weekdays of one list ("Wednesday and Thursday"), and between the list and the date
# it names ("Wednesday and Thursday, the first to second of November").
_WEEKDAY_JOINER = re.compile(r"\s*(?:and|or|to|through|[-–])\s*\Z", re.IGNORECASE)
_DAY_WORDS = "|".join(sorted(DAY_WORDS, key=len, reverse=True))
_DAY_FIRST = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?|{_DAY_WORDS})"
# (the first day of a range may stand before the date: "the first to second of November")
_DATE_APPOSITION = re.compile(
    rf"\s*,\s*(?:the\s+)?(?:{_DAY_FIRST}\s*(?:to|and|[-–])\s*(?:the\s+)?)?\Z", re.IGNORECASE
)
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d\Z")


def weekdays_named_by_their_date(ctx: TimexContext) -> None:
    """ "until Wednesday and Thursday, the first to second of November": the weekdays are
    those of the date written next to them, not the nearest Wednesday and Thursday. The
    last weekday of the list is the date's day, the others the days before it their names
    say; a weekday that disagrees with its date takes the date (the written date wins)."""
    accepted = ctx.accepted
    index = 0
    while index < len(accepted):
        run = _weekday_run(ctx, index)
        after = index + len(run)
        if run and after < len(accepted) and _names_date(ctx, accepted[run[-1]], accepted[after]):
            _date_weekdays(ctx, [accepted[i] for i in run], accepted[after])
        index = after + 1 if run else index + 1


def _weekday_run(ctx: TimexContext, index: int) -> list[int]:
    """Indexes of the weekdays written in one list from ``index`` on ("Monday and Tuesday")."""
    run: list[int] = []
    for position in range(index, len(ctx.accepted)):
        timex = ctx.accepted[position]
        if _weekday_number(ctx, timex) is None:
            break
        if run and not _WEEKDAY_JOINER.match(ctx.text[ctx.accepted[run[-1]].end : timex.start]):
            break
        run.append(position)
    return run


def _weekday_number(ctx: TimexContext, timex: Timex) -> int | None:
    return WEEKDAYS.get(ctx.text[timex.start : timex.end].lower())


def _names_date(ctx: TimexContext, weekday: Timex, written: Timex) -> bool:
    gap = ctx.text[weekday.end : written.start]
    return bool(_DATE_APPOSITION.match(gap)) and bool(_ISO_DAY.match(written.value or ""))


def _date_weekdays(ctx: TimexContext, weekdays: list[Timex], written: Timex) -> None:
    day = date.fromisoformat(written.value or "")
    last = _weekday_number(ctx, weekdays[-1])
    for timex in weekdays:
        number = _weekday_number(ctx, timex)
        if last != day.weekday() or number is None:
            named = day
        else:
            named = day - timedelta(days=(last - number) % 7)
        timex.value, timex.type, timex.resolved = day_value(named), "DATE", written.resolved


def _explicit_week_weekday(pub: date, weekday: int, rel: str) -> date:
    """ "Friday last week", "next week Monday": that weekday of the named ISO week."""
    shift = {"last": -7, "this": 0, "next": 7}[rel]
    return pub + timedelta(days=shift + weekday - pub.weekday())


def _relative_weekday(pub: date, weekday: int, rel: str, ctx: TimexContext, m: TimexMatch) -> date:
    if rel in ("last", "past"):
        return pub - timedelta(days=(pub.weekday() - weekday) % 7 or 7)
    if rel in ("next", "coming"):
        return pub + timedelta(days=(weekday - pub.weekday()) % 7 or 7)
    return nearest_weekday(pub, weekday, ctx.direction(m.start(), m.end()))


def _with_part(day: str, part: str | None) -> tuple[str, str]:
    """A day with a part of the day is a TIME: 2024-06-24TMO."""
    if part:
        return "TIME", f"{day}T{PARTS_OF_DAY[part.lower()]}"
    return "DATE", day


def _is_named_or_recurring_day(ctx: TimexContext, m: TimexMatch) -> bool:
    """ "Patch Tuesday", "Black Friday" (a proper noun before the weekday, not a place: "in
    Nairobi Monday" is a date), "the second Tuesday of each month" (a recurring day)."""
    if m.start() < m.start("weekday"):
        return False
    token = ctx.token_at(m.start("weekday"))
    if token is None or token.i == 0:
        return False
    before = token.nbor(-1)
    if before.text in ORDINAL_WORDS:
        return True
    if before.lower_ == "the" and token.i + 1 < len(token.doc):
        following = token.nbor()  # "the Sunday Telegraph", "the Monday Night show"
        return following.is_title and following.tag_ in ("NNP", "NNPS")
    if not before.is_title or before.is_sent_start or before.tag_ not in ("NNP", "NNPS"):
        return False
    place = before.ent_type_ in ("GPE", "LOC", "FAC", "ORG", "PERSON", "NORP")
    return not place and before.lower_.rstrip(".") not in MONTHS


_EVERY_BEFORE = re.compile(rf"\b(?:{'|'.join(RECURRENCE_WORDS)})\s+$", re.IGNORECASE)


def weekday(m: TimexMatch, ctx: TimexContext) -> list[Timex]:
    """ "Monday", "on Monday morning", "last Friday", "last week Friday", "Monday next week"."""
    if is_name_not_time(ctx, m.start("weekday")) or _is_named_or_recurring_day(ctx, m):
        return []
    number = WEEKDAYS[m["weekday"].lower()]
    if every := _EVERY_BEFORE.search(ctx.text, max(m.start("weekday") - 12, 0), m.start("weekday")):
        _, value = _with_part(f"XXXX-WXX-{number + 1}", m["part"])
        return [Timex(every.start(), m.end(), "SET", value)]
    pub = ctx.published
    if pub is None:
        type_, value = _with_part(f"XXXX-WXX-{number + 1}", m["part"])
        return [Timex(m.start(), m.end(), type_, value, mod_of(m))]
    week = m["week"] or m["weekafter"]
    if week:
        day = _explicit_week_weekday(pub, number, week.lower())
    else:
        day = _relative_weekday(pub, number, (m["rel"] or "").lower(), ctx, m)
    type_, value = _with_part(day_value(day), m["part"])
    return [Timex(m.start(), m.end(), type_, value, mod_of(m), True)]


DAY_OFFSETS = {
    "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
    "the day before yesterday": -2, "the day after tomorrow": 2,
    "the course of the day": 0,  # "restored during the course of the day": today
}  # fmt: skip


def day_relative(m: TimexMatch, ctx: TimexContext) -> list[Timex]:
    """today, tonight, yesterday (morning), tomorrow, the day after tomorrow, "during the
    course of the day"."""
    if is_name_not_time(ctx, m.start("rel")):
        return []
    rel = " ".join(m["rel"].lower().split())
    part = "night" if rel == "tonight" else m["part"]
    if ctx.published is None:
        return [Timex(m.start(), m.end(), "TIME" if part else "DATE", None, mod_of(m))]
    day = ctx.published + timedelta(days=DAY_OFFSETS[rel])
    type_, value = _with_part(day_value(day), part)
    return [Timex(m.start(), m.end(), type_, value, mod_of(m), True)]


def part_of_day(m: TimexMatch, ctx: TimexContext) -> list[Timex]:
    """ "this morning", "last night"."""
    if ctx.published is None:
        return [Timex(m.start(), m.end(), "TIME", None)]
    day = ctx.published - timedelta(days=1 if m["rel"].lower() == "last" else 0)
    _, value = _with_part(day_value(day), m["part"])
    return [Timex(m.start(), m.end(), "TIME", value, None, True)]


def _modifies_a_noun(ctx: TimexContext, end: int) -> bool:
    token = ctx.token_at(end - 1)
    if token is None or token.i + 1 >= len(token.doc):
        return False
    following = token.nbor()
    return following.is_lower and following.tag_ in ("NN", "NNS")


HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14),
    "halloween": (10, 31),
}  # fmt: skip


def holiday(m: TimexMatch, ctx: TimexContext) -> list[Timex]:
    """Holidays on a fixed day: "Christmas" is the nearest December 25 in the statement's
    direction; "Christmas 2012" is that year's."""
    if is_name_not_time(ctx, m.start("holiday")) or _modifies_a_noun(ctx, m.end()):
        return []  # "a Christmas tree"
    name = " ".join(m["holiday"].lower().replace("’", "'").split())
    month, day = HOLIDAYS[name]
    if m["year"]:
        return [Timex(m.start(), m.end(), "DATE", day_value(date(int(m["year"]), month, day)))]
    direction = ctx.direction(m.start(), m.end())
    partial = (month, day) if direction != "future" else None
    if ctx.published is None:
        value = f"XXXX-{month:02d}-{day:02d}"
        return [Timex(m.start(), m.end(), "DATE", value, None, False, partial)]
    found = nearest_month_day(ctx.published, month, day, direction)
    if found is None:
        return []
    return [Timex(m.start(), m.end(), "DATE", day_value(found), None, True, partial)]
