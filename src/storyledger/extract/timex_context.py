"""What a time-expression handler may look at: the article text, its parse, the publication
date, and the time mentions already accepted (the anchors of "the week after")."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from storyledger.extract.timex_tense import Direction, tense_direction

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_WORD_BEFORE = re.compile(r"([\w'’]+)\W*$")
_WORD_AFTER = re.compile(r"^\W*?([\w'’]+)")
LOOKING_BACK = frozenset({"since", "ago"})

Handler = Callable[[re.Match[str], "TimexContext"], list["Timex"]]


@dataclass
class Timex:
    """A normalised time expression before it becomes a ``TimeMention``."""

    start: int
    end: int
    type: str
    value: str | None
    mod: str | None = None
    resolved: bool = False


@dataclass
class TimexContext:
    doc: Doc
    published: date | None
    accepted: list[Timex] = field(default_factory=list)

    @property
    def text(self) -> str:
        return str(self.doc.text)

    def span(self, start: int, end: int) -> Span | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span if span is not None and len(span) else None

    def token_at(self, start: int) -> Token | None:
        span = self.span(start, start + 1)
        return span[0] if span is not None else None

    def word_before(self, start: int) -> str:
        found = _WORD_BEFORE.search(self.text, max(0, start - 40), start)
        return found.group(1).lower() if found else ""

    def word_after(self, end: int) -> str:
        found = _WORD_AFTER.search(self.text[end : end + 40])
        return found.group(1).lower() if found else ""

    def direction(self, start: int, end: int) -> Direction | None:
        """Past or future for the statement the expression belongs to (None: no tense)."""
        if self.word_before(start) in LOOKING_BACK:
            return "past"
        span = self.span(start, end)
        return tense_direction(span) if span is not None else None

    def same_sentence(self, a: int, b: int) -> bool:
        first, second = self.token_at(a), self.token_at(b)
        return first is not None and second is not None and first.sent == second.sent
