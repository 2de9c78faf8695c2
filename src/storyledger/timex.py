"""TIMEX3 values: building them from calendar units and reading back the days they denote.

Pure functions over ``datetime.date``; no spaCy, no regular expressions of the text.
Value forms (TimeML TIMEX3): ``2024-01-26``, ``2024-05``, ``2024``, ``2024-W26``,
``2024-W26-WE``, ``2024-Q2``, ``2024-H1``, ``2024-SU``, ``197`` (the 1970s, also
written ``197X`` or ``1970s``), ``18`` (the 19th century), ``2024-06-24TMO``,
``2024-06-24T14:30``.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
SEASON_OF_MONTH = {
    1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU",
    7: "SU", 8: "SU", 9: "FA", 10: "FA", 11: "FA", 12: "WI",
}  # fmt: skip
SEASON_ORDER = ("SP", "SU", "FA", "WI")

DAY_VALUE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T.*)?$")
MONTH_VALUE = re.compile(r"^(\d{4})-(\d\d)$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)(-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
SEASON_VALUE = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_DECADE = re.compile(r"^(\d{3})(?:X|0s)?$")
_CENTURY = re.compile(r"^(\d{2})(?:XX)?$")


def day_value(day: date) -> str:
    return day.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(day: date) -> str:
    """The ISO week holding ``day``: 2024-12-30 -> 2025-W01."""
    iso = day.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def weekend_value(day: date) -> str:
    return week_value(day) + "-WE"


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def quarter_value(year: int, quarter: int) -> str:
    return f"{year:04d}-Q{quarter}"


def season_of(day: date) -> tuple[int, str]:
    """The (year, season) holding ``day``; January and February belong to last year's winter."""
    season = SEASON_OF_MONTH[day.month]
    return (day.year - 1 if day.month < 3 else day.year), season


def season_value(year: int, season: str) -> str:
    return f"{year:04d}-{season}"


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def monday_of_week(iso_year: int, week: int) -> date:
    return date.fromisocalendar(iso_year, week, 1)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _calendar_interval(value: str) -> tuple[date, date] | None:
    if m := DAY_VALUE.match(value):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        return day, day
    if m := MONTH_VALUE.match(value):
        year, month = int(m[1]), int(m[2])
        return date(year, month, 1), _month_end(year, month)
    if m := _YEAR.match(value):
        year = int(m[1])
        return date(year, 1, 1), date(year, 12, 31)
    if m := _WEEK.match(value):
        monday = monday_of_week(int(m[1]), int(m[2]))
        if m[3]:
            return monday + timedelta(days=5), monday + timedelta(days=6)
        return monday, monday + timedelta(days=6)
    return None


def _period_interval(value: str) -> tuple[date, date] | None:
    if m := _QUARTER.match(value):
        year, first = int(m[1]), (int(m[2]) - 1) * 3 + 1
        return date(year, first, 1), _month_end(year, first + 2)
    if m := _HALF.match(value):
        year, first = int(m[1]), (int(m[2]) - 1) * 6 + 1
        return date(year, first, 1), _month_end(year, first + 5)
    if m := SEASON_VALUE.match(value):
        year, first = int(m[1]), SEASON_START_MONTH[m[2]]
        last_year, last = add_months(year, first, 2)
        return date(year, first, 1), _month_end(last_year, last)
    if m := _DECADE.match(value):
        start = int(m[1]) * 10
        return date(start, 1, 1), date(start + 9, 12, 31)
    if m := _CENTURY.match(value):
        start = int(m[1]) * 100
        return date(max(start, 1), 1, 1), date(start + 99, 12, 31)
    return None


def timex_interval(value: str | None) -> tuple[date, date] | None:
    """The first and last day a TIMEX3 value denotes, or None (durations, refs, unknown parts).

    "2024-05" -> (2024-05-01, 2024-05-31); "2024-W26" -> Monday..Sunday of that ISO week;
    "2024-SU" -> June 1 .. August 31; "202X", "202" and "2020s" -> the 2020s.
    """
    if not value:
        return None
    try:
        return _calendar_interval(value) or _period_interval(value)
    except ValueError:  # a month 13, a week 54, a day 31 of a short month ...
        return None
