"""Handlers for durations ("about three weeks", "90-day", "months"), "three days ago",
PRESENT_REF / PAST_REF / FUTURE_REF, times of day, and expressions anchored on an earlier
time of the article ("the week after", "a day later")."""

from __future__ import annotations

import re
from datetime import date, timedelta

from storyledger.extract.times.context import Handler, Timex, TimexContext, TimexMatch
from storyledger.extract.times.words import APPROX_MODS, NUMBER_WORDS, UNITS, VAGUE_NUMBERS
from storyledger.timex import (
    add_months,
    day_value,
    month_value,
    timex_interval,
    week_value,
)

# Words after which "a week" or bare "months" read as a length of time.
DURATION_CUES = frozenset(
    {"for", "within", "in", "over", "after", "than", "nearly", "almost", "about", "around",
     "lasting", "last", "lasted", "took", "taking", "takes", "spent", "spend", "least"}
)  # fmt: skip
NOUN_PHRASE_STARTS = frozenset({"PRON", "PROPN", "NOUN", "DET", "NUM", "ADJ"})
_DAY_VALUE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
YEAR_LIKE = re.compile(r"^(?:1[1-9]|20)\d\d$")
CLOCK_BEFORE = re.compile(r"\d:\s?$")
MILITARY_TIME = re.compile(r"^(?:[01]\d|2[0-3])[0-5]\d hours?$")
ANCHOR_REACH = 400  # characters back to look for the time an anchored expression counts from
ANAPHOR_REACH = 1200  # "that day" always points back to a time: it may look further
# Fractions move to a smaller unit: "half a century" is P50Y, "half an hour" PT30M.
SMALLER_UNIT = {"CE": ("Y", 100), "DE": ("Y", 10), "Y": ("M", 12), "W": ("D", 7)}
SMALLER_TIME_UNIT = {"H": ("M", 60), "M": ("S", 60)}


def _amount(words: str) -> float | None:
    words = " ".join(words.lower().split())
    if words[0].isdigit():
        return float(words)
    if "-" in words:
        tens, ones = words.split("-", 1)
        return float(NUMBER_WORDS[tens] + NUMBER_WORDS[ones])
    found = NUMBER_WORDS.get(words)
    return float(found) if found is not None else None


def unit_key(unit: str) -> str:
    """ "Weeks" -> "week", "centuries" -> "century"."""
    unit = unit.lower()
    return "century" if unit.startswith("centur") else unit.rstrip("s")


def _duration_value(amount: float | None, unit: str) -> str:
    letter, is_time, factor = UNITS[unit_key(unit)]
    if amount is None:
        number = "X"
    else:
        total = amount * factor
        smaller = SMALLER_TIME_UNIT if is_time else SMALLER_UNIT
        if total != int(total) and letter in smaller:
            letter, per_unit = smaller[letter]
            total *= per_unit
        number = str(int(total)) if total == int(total) else f"{total:g}"
    return ("PT" if is_time else "P") + number + letter


def _is_vague(words: str) -> bool:
    return " ".join(words.lower().split()) in VAGUE_NUMBERS


def duration(m: TimexMatch, ctx: TimexContext) -> list[Timex]:
    """ "about three weeks" (P3W, APPROX), "90-day" (P90D), "the past two years" (P2Y)."""
    num = " ".join(m["num"].lower().split())
    cued = m["approx"] or m["frame"] or ctx.word_before(m.start()) in DURATION_CUES
    if num in ("a", "an", "one") and not cued:
        return []
    if _is_ordinal_second(num, m, ctx) or MILITARY_TIME.match(f"{num} {m['unit'].lower()}"):
        return []  # "for a second time"; "1230 hours" is a time of day
    if YEAR_LIKE.match(num) and not cued:
        return []  # "the 2006 second-overall pick"
    if CLOCK_BEFORE.search(ctx.text, max(0, m.start() - 4), m.start()):
        return []  # "09: 10 hours" is a time of day
    amount = None if _is_vague(num) else _amount(num)
    if amount is None and not _is_vague(num):
        return []
    mod = APPROX_MODS.get(" ".join((m["approx"] or "").lower().split()))
    return [Timex(m.start(), m.end(), "DURATION", _duration_value(amount, m["unit"]), mod)]


def _is_ordinal_second(num: str, m: TimexMatch, ctx: TimexContext) -> bool:
    return m["unit"].lower() == "second" and num in ("a", "an") and ctx.word_after(m.end()) != ""


def vague_duration(m: TimexMatch, ctx: TimexContext) -> list[Timex]:
    """ "for decades" (PXDE), "months of debate" (PXM), "years ago" (PAST_REF)."""
    if m["ago"]:
        return [Timex(m.start(), m.end(), "DATE", "PAST_REF")]
    cued = ctx.word_before(m.start()) in DURATION_CUES or ctx.word_after(m.end()) == "of"
    if not cued or ctx.word_before(m.start()) == "the":
        return []  # "the years of war" are not a length of time
    return [Timex(m.start(), m.end(), "DURATION", _duration_value(None, m["unit"]))]


def _shift(pub: date, unit: str, amount: int) -> str:
    """The date ``amount`` units before ``pub``, at the unit's granularity."""
    letter, is_time, factor = UNITS[unit]
    if is_time:
        return day_value(pub)
    if letter == "D":
        return day_value(pub - timedelta(days=amount))
    if letter == "W":
        return week_value(pub - timedelta(weeks=amount * factor))
    if letter == "M":
        return month_value(*add_months(pub.year, pub.month, -amount))
    return str(pub.year - amount * {"Y": 1, "DE": 10, "CE": 100}[letter])


def ago(m: TimexMatch, ctx: TimexContext) -> list[Timex]:
    """ "three days ago" -> that day, "a month ago" -> that month, "a few years ago" -> PAST_REF."""
    num = " ".join(m["num"].lower().split())
    if _is_vague(num):
        return [Timex(m.start(), m.end(), "DATE", "PAST_REF")]
    amount = _amount(num)
    if amount is None or amount != int(amount):
        return []
    if ctx.published is None:
        return [Timex(m.start(), m.end(), "DATE", None)]
    value = _shift(ctx.published, unit_key(m["unit"]), int(amount))
    return [Timex(m.start(), m.end(), "DATE", value, None, True)]


def reference(value: str) -> Handler:
    """A handler for PRESENT_REF, PAST_REF or FUTURE_REF expressions."""

    def handle(m: TimexMatch, ctx: TimexContext) -> list[Timex]:
        return [Timex(m.start("ref"), m.end("ref"), "DATE", value)]

    return handle


def _clock(m: TimexMatch) -> str | None:
    if m["named"]:
        return {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[m["named"].lower()]
    hour = int(m["h"] or m["h12"] or m["h24"])
    minute = int(m["m"] or m["m12"] or m["m24"] or 0)
    ampm = (m["ampm"] or m["ampm12"] or "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


def _day_near(ctx: TimexContext, position: int) -> Timex | None:
    """The day-level time mention nearest to ``position`` in the same sentence."""
    same = [
        t
        for t in ctx.accepted
        if t.value and _DAY_VALUE.match(t.value) and ctx.same_sentence(t.start, position)
    ]
    return min(same, key=lambda t: abs(t.start - position), default=None)


def time_of_day(m: TimexMatch, ctx: TimexContext) -> list[Timex]:
    """ "11:30 p.m.", "0440 GMT", "noon": the clock time on the day the sentence names."""
    clock = _clock(m)
    zone = "Z" if m["tz"] else ""
    day = _day_near(ctx, m.start())
    day_part = day.value[:10] if day is not None and day.value else "XXXX-XX-XX"
    resolved = day is not None and day.resolved
    return [Timex(m.start(), m.end(), "TIME", f"{day_part}T{clock}{zone}", None, resolved)]


def _anchor(ctx: TimexContext, position: int, unit: str) -> tuple[date, bool] | None:
    """The first day of the latest time before ``position`` (None when it is too coarse for
    ``unit``) and whether it was itself resolved from the publication date; without any time
    before, the publication date."""
    pattern = _GRANULARITY[unit]
    for timex in reversed(ctx.accepted):
        if timex.end > position or not timex.value or timex.type not in ("DATE", "TIME"):
            continue
        if position - timex.end > ANCHOR_REACH:
            break
        interval = timex_interval(timex.value)
        if interval is None:
            continue
        if not pattern.match(timex.value):
            return None  # "in 2019 ... the following month": which month is not known
        return interval[0], timex.resolved
    if ctx.published is None:
        return None
    return ctx.published, True


def _step(day: date, unit: str, step: int) -> str:
    if unit == "day":
        return day_value(day + timedelta(days=step))
    if unit == "week":
        return week_value(day + timedelta(weeks=step))
    if unit == "month":
        return month_value(*add_months(day.year, day.month, step))
    return str(day.year + step)


def anchored_period(m: TimexMatch, ctx: TimexContext) -> list[Timex]:
    """ "next week or the week after" (the week after that week), "a day later", "the year
    before". Not "the day after he lost his job": that counts from an event, not a time."""
    span = ctx.span(m.start(), m.end())
    if span is None:
        return []
    unit = m["unit"] or m["unit2"] or m["unit3"]
    way = m["way"] or m["way2"] or m["way3"]
    after_word = way in ("after", "before")
    if after_word and span.end < len(ctx.doc) and ctx.doc[span.end].pos_ in NOUN_PHRASE_STARTS:
        return []
    if ctx.word_before(m.start()) in DURATION_CUES:
        return []  # "over the next day or two": a length of time
    anchor = _anchor(ctx, m.start(), unit)
    if anchor is None:
        return []
    step = -1 if way in ("before", "previous", "earlier") else 1
    return [Timex(m.start(), m.end(), "DATE", _step(anchor[0], unit, step), None, anchor[1])]


_GRANULARITY = {
    "day": re.compile(r"^\d{4}-\d\d-\d\d"),
    "night": re.compile(r"^\d{4}-\d\d-\d\d"),
    "week": re.compile(r"^\d{4}-(?:\d\d-\d\d|W\d\d)"),
    "month": re.compile(r"^\d{4}-\d\d"),
    "year": re.compile(r"^\d{4}"),
}


def _same_value(anchor: str, period: str) -> str:
    if period == "night":
        return anchor[:10] + "TNI"
    if period == "week" and "W" not in anchor:
        day = date.fromisoformat(anchor[:10])
        return week_value(day)
    return anchor[: {"day": 10, "week": 8, "month": 7, "year": 4}[period]]


def same_period(m: TimexMatch, ctx: TimexContext) -> list[Timex]:
    """ "that day", "the same week", "that year": the period of the latest time mentioned
    before it (within reach); nothing when there is none."""
    period = m["period"].lower()
    pattern = _GRANULARITY[period]
    for timex in reversed(ctx.accepted):
        if timex.end > m.start() or not timex.value:
            continue
        if m.start() - timex.end > ANAPHOR_REACH:
            return []
        if pattern.match(timex.value):
            type_ = "TIME" if period == "night" else "DATE"
            value = _same_value(timex.value, period)
            return [Timex(m.start(), m.end(), type_, value, None, timex.resolved)]
    return []


_ADVERBS = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
    "yearly": "P1Y", "hourly": "PT1H",
}  # fmt: skip


def recurrence(m: TimexMatch, ctx: TimexContext) -> list[Timex]:
    """SET: "every day" (P1D), "every two years" (P2Y), "twice a week" (P1W), "annually"."""
    if m["adverb"]:
        if not ctx.text[m.start()].islower():
            return []  # "the Anchorage Daily News", "the L.A. Weekly"
        value = _ADVERBS[m["adverb"].lower()]
    elif m["perunit"]:
        value = _duration_value(1, m["perunit"])
    else:
        num = " ".join(m["num"].lower().split())
        amount = 2.0 if num == "other" else (None if num in ("few",) else _amount(num or "1"))
        value = _duration_value(amount, m["unit"])
    return [Timex(m.start(), m.end(), "SET", value)]
