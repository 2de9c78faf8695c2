"""Time expressions normalised to TIMEX3, resolved against the publication date.

One scan of the article text per compiled pattern (``times.grammar``) yields candidate
spans; overlapping candidates are settled longest first; each kept candidate is
normalised by its handler (``times.dates``, ``times.periods``, ``times.spans``) with the
spaCy parse used only where a decision needs it (tense direction, "May" the modal verb,
names such as "Sunday Times"). Expressions that count from another time of the article
("the week after", "at 9:30") are normalised in a second pass, once the others are known.

Without a publication date, relative expressions stay unresolved (value None or a
TIMEX3 form with X placeholders, ``resolved`` False): they are never guessed.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from storyledger.extract.parse import sentence_of_token
from storyledger.extract.times import dates, periods, spans
from storyledger.extract.times.context import Handler, Timex, TimexContext, TimexMatch
from storyledger.extract.times.grammar import PATTERNS, PREFIX_REACH, Pattern
from storyledger.model import TimeMention
from storyledger.timex import timex_interval

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["find_times", "timex_interval"]

HANDLERS: dict[str, Handler] = {
    "iso_date": dates.iso_date,
    "numeric_date": dates.numeric_date,
    "month_day": dates.month_day,
    "day_month": dates.month_day,
    "day_word_month": dates.day_word_month,
    "month_year": dates.month_year,
    "month_relative_year": dates.month_relative_year,
    "relative_month": dates.relative_month,
    "month": dates.month_alone,
    "weekday": dates.weekday,
    "day_relative": dates.day_relative,
    "part_of_day": dates.part_of_day,
    "relative_period": periods.relative_period,
    "period_end": periods.period_end,
    "weekend": periods.weekend,
    "quarter": periods.quarter,
    "quarter_code": periods.quarter_code,
    "season": periods.season,
    "decade": periods.decade,
    "century": periods.century,
    "year": periods.year,
    "fiscal_code": periods.fiscal_code,
    "year_range_short": periods.year_range_short,
    "ago": spans.ago,
    "duration": spans.duration,
    "vague_duration": spans.vague_duration,
    "present_ref": spans.reference("PRESENT_REF"),
    "past_ref": spans.reference("PAST_REF"),
    "future_ref": spans.reference("FUTURE_REF"),
    "time_of_day": spans.time_of_day,
    "anchored_period": spans.anchored_period,
    "same_period": spans.same_period,
    "set": spans.recurrence,
    "holiday": dates.holiday,
}
# Normalised after the others: they count from a time found elsewhere in the article.
SECOND_PASS = frozenset({"time_of_day", "anchored_period", "same_period"})

URL_MARKERS = ("://", "www.", ".html", ".htm", ".php", ".aspx")
Candidate = tuple[int, int, int, str, TimexMatch]  # start, end, priority, pattern name, match


def lower_case(text: str) -> str:
    """The text in lower case with its character offsets kept."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _inside_url(text: str, start: int, end: int) -> bool:
    """ "example.com/2008/12/story.html": dates inside a web address are not time expressions."""
    chunk_start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    left = text[chunk_start:start]
    rest = text[end : end + 120]
    right = "" if not rest or rest[0].isspace() else rest.split(maxsplit=1)[0]
    if left.endswith("/") and right.startswith("/"):
        return True  # a segment of a path
    return any(marker in left or marker in right for marker in URL_MARKERS)


def _matches(pattern: Pattern, text: str, lowered: str) -> list[TimexMatch]:
    found = []
    for core in pattern.core.finditer(lowered if pattern.lowered else text):
        prefix = None
        if pattern.prefix is not None:
            start = core.start()
            prefix = pattern.prefix.search(text, max(0, start - PREFIX_REACH), start)
        match = TimexMatch(core, prefix)
        if match.prefix is None and pattern.prefix_required:
            continue
        if _inside_url(text, match.start(), match.end()):
            continue
        if match.end() > match.start():
            found.append(match)
    return found


def _candidates(text: str) -> tuple[list[Candidate], list[Candidate]]:
    lowered = lower_case(text)
    first: list[Candidate] = []
    second: list[Candidate] = []
    for pattern in PATTERNS:
        bucket = second if pattern.name in SECOND_PASS else first
        for match in _matches(pattern, text, lowered):
            bucket.append((match.start(), match.end(), pattern.priority, pattern.name, match))
    return first, second


def _longest_first(candidates: list[Candidate]) -> list[Candidate]:
    return sorted(candidates, key=lambda c: (c[0] - c[1], -c[2], c[0]))


class _Occupied:
    """Character spans already taken by accepted matches."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.spans, (start, start))
        neighbours = self.spans[max(0, index - 1) : index + 1]
        return any(s < end and start < e for s, e in neighbours)

    def add(self, start: int, end: int) -> None:
        bisect.insort(self.spans, (start, end))


def _accept(candidates: list[Candidate], ctx: TimexContext, occupied: _Occupied) -> None:
    for start, end, _, name, match in _longest_first(candidates):
        if occupied.overlaps(start, end):
            continue
        found = HANDLERS[name](match, ctx)
        if found:
            occupied.add(start, end)
            ctx.accepted.extend(found)
            ctx.accepted.sort(key=lambda t: t.start)


def _mention(timex: Timex, ctx: TimexContext) -> TimeMention:
    interval = timex_interval(timex.value)
    return TimeMention(
        start=timex.start,
        end=timex.end,
        text=ctx.text[timex.start : timex.end],
        type=timex.type,
        value=timex.value,
        mod=timex.mod,
        interval_start=interval[0].isoformat() if interval else None,
        interval_end=interval[1].isoformat() if interval else None,
        resolved=timex.resolved,
        sentence=max(ctx.sentence_at(timex.start), 0),
    )


def find_times(
    doc: Doc, published: date | None, published_last: date | None = None
) -> list[TimeMention]:
    """Every time expression of the article, normalised to TIMEX3 (in text order).

    A publication date known only to its month or year ("2024-09") is given as its first
    day ``published`` and its last day ``published_last``: an expression resolved the same
    against both keeps its value ("last year"), one that depends on the unknown day ("on
    Monday") stays unresolved.
    """
    found = _times_against(doc, published)
    if published is None or published_last is None or published_last == published:
        return found
    late = {(m.start, m.end): m for m in _times_against(doc, published_last)}
    return [_honest(mention, late.get((mention.start, mention.end))) for mention in found]


def _honest(early: TimeMention, late: TimeMention | None) -> TimeMention:
    """The mention resolved against the first day, or unresolved where the last day differs."""
    if not early.resolved or (late is not None and late.value == early.value):
        return early
    return replace(early, value=None, interval_start=None, interval_end=None, resolved=False)


def _times_against(doc: Doc, published: date | None) -> list[TimeMention]:
    text = doc.text
    ctx = TimexContext(doc, text, published, sentence_of_token(doc))
    first, second = _candidates(text)
    occupied = _Occupied()
    _accept(first, ctx, occupied)
    _accept(second, ctx, occupied)
    dates.anchor_to_written_dates(ctx)
    dates.weekdays_named_by_their_date(ctx)
    return [_mention(timex, ctx) for timex in ctx.accepted]
