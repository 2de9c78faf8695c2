"""The report's own date lines: a publication date stated at the head of its text.

Ingest takes the date for reports whose metadata has none; the timeline takes no event
from a date line, which dates the report, not a happening (``dateline_spans``).

Only the head counts (``HEAD_CHARS``), and only a full date with its year, where the page
shows it as the report's own date: at the very start ("date 2023-09-16 ...", "Monday,
September 23, 2024 - 3:56 pm"), on a line of
its own ("15 September, 2023"), after a cue ("On: Sep 19, 2023", "Posted at Sep 14 2023"),
before a "·" ("Sep 12, 2023 ·"), or in a dateline ("Rabat, 20/09/2023 (MAP)"). A date in a
sentence of the story ("the quake of September 8, 2023 killed ...") is never taken, nor a
month without its day.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

HEAD_CHARS = 320  # the head of the text: a headline, a byline and a date line fit in it
# byline cues before a date; "On" only with its colon ("On: Sep 19, 2023"), never a sentence's "on"
CUES = r"(?:on|date|yayınlanma)\s*:|(?:posted|published|updated)(?:\s+(?:at|on))?\s*:?"

_MONTH_NUMBER = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
} | {"sept": 9}
_MONTH = r"(?:" + "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True)) + r")\.?"
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d(?!\d)"
_DATE = (
    "("
    + "|".join(
        (
            r"(?:19|20)\d\d-[01]\d-[0-3]\d(?![\d-])",  # 2023-09-16
            r"[0-3]?\d[./][01]?\d[./](?:19|20)\d\d(?!\d)",  # 20/09/2023, 20.09.2023
            rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}",  # Sep 19, 2023
            rf"{_DAY}\s+{_MONTH},?\s+{_YEAR}",  # 15 September, 2023
        )
    )
    + ")"
)
_CLOCK = r"(?:,?\s*(?:-\s*)?\d{1,2}[:.]\d\d(?:\s*[AaPp]\.?[Mm]\.?)?)?"
_WEEKDAY = r"(?:" + "|".join(calendar.day_name) + r"),?\s+"
_STATED = re.compile(
    rf"""\A\s*(?:date\s+|{_WEEKDAY})?{_DATE}{_CLOCK}  # the text starts with it
    |^[ \t]*{_DATE}{_CLOCK}[ \t]*$  # a line of its own
    |\b(?:{CUES})\s*{_DATE}{_CLOCK}  # after a cue
    |{_DATE}{_CLOCK}\s*·  # before a middle dot
    |^[A-Z][\w.'-]*(?:\ [\w.'-]+){{0,3}},\s*{_DATE}\s*\(  # a dateline: "Rabat, 20/09/2023 (MAP)"
    """,
    re.IGNORECASE | re.MULTILINE | re.VERBOSE,
)
_ISO = re.compile(r"\d{4}-\d\d-\d\d")
_NUMERIC = re.compile(r"(\d+)[./](\d+)[./](\d{4})")
_WORDS = re.compile(
    r"(?:(?P<m1>[a-z]+)\.?\s+(?P<d1>\d+)|(?P<d2>\d+)\D*?\s+(?P<m2>[a-z]+)\.?),?\s+(?P<y>\d{4})"
)


# Date lines that give no year, or a date in a credit: "Sept. 15 (UPI) --", "GENEVA, Sept
# 12 (Reuters) -", "Libya, Sept 19: ...", "| 5 December 2023, Tuesday |", "Derna, (APP -
# UrduPoint - 11th Sep, 2024)"
_DATE_LINES = re.compile(
    rf"""\b{_MONTH}\s+{_DAY}\s*\([A-Z][\w ]*\)\s*[-–—]  # a wire's
    |^[A-Z][\w.'-]*(?:\ [\w.'-]+){{0,3}},\s*{_MONTH}\s+{_DAY}\s*:  # a place's
    |\|\s*{_DATE}(?:,?\s*[A-Z][a-z]+day)?\s*\|  # between bars
    |\([^()]{{0,80}}?{_DATE}\s*\)  # at the end of a credit in brackets
    """,
    re.IGNORECASE | re.MULTILINE | re.VERBOSE,
)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Where the head of ``text`` states the report's own date: (start, end) offsets."""
    head = text[:HEAD_CHARS]
    found = [m.span() for m in _STATED.finditer(head) if _day_of(m) is not None]
    return found + [m.span() for m in _DATE_LINES.finditer(head)]


def date_at_head(text: str) -> str | None:
    """The ISO date the head of ``text`` states as the report's own, or None."""
    for match in _STATED.finditer(text[:HEAD_CHARS]):
        found = _day_of(match)
        if found is not None:
            return found.isoformat()
    return None


def _day_of(match: re.Match[str]) -> date | None:
    """The day of a stated date, or None when it is not a real day (31/02, a month 13)."""
    written = next(group for group in match.groups() if group).lower()
    try:
        if _ISO.fullmatch(written):
            return date.fromisoformat(written)
        if numeric := _NUMERIC.fullmatch(written):  # day first, as datelines write it
            return date(int(numeric[3]), int(numeric[2]), int(numeric[1]))
        words = _WORDS.fullmatch(written)
        if words is None:
            return None
        month = _MONTH_NUMBER[words["m1"] or words["m2"]]
        return date(int(words["y"]), month, int(words["d1"] or words["d2"]))
    except (KeyError, ValueError):
        return None
