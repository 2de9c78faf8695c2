"""What a time-expression handler may look at: the article text, its parse, the publication
date, and the time mentions already accepted (the anchors of "the week after")."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from storyledger.extract.times.tense import Direction, tense_direction

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_WORD_BEFORE = re.compile(r"([\w'’]+)\W*$")
_WORD_AFTER = re.compile(r"^\W*?([\w'’]+)")
LOOKING_BACK = frozenset({"since", "ago"})

Handler = Callable[["TimexMatch", "TimexContext"], list["Timex"]]


class TimexMatch:
    """A core match joined with the prefix matched before it; reads like ``re.Match``."""

    def __init__(self, core: re.Match[str], prefix: re.Match[str] | None) -> None:
        self.core = core
        self.prefix = prefix if prefix is not None and prefix.end() > prefix.start() else None
        groups = dict(self.prefix.groupdict()) if self.prefix is not None else {}
        groups.update({k: v for k, v in core.groupdict().items() if v is not None})
        self.groups = groups

    def __getitem__(self, name: str) -> str:
        """The text of a named group, "" when it did not take part in the match."""
        return self.groups.get(name) or ""

    def _owner(self, name: str | None) -> re.Match[str]:
        if name is None:
            return self.prefix if self.prefix is not None else self.core
        if self.core.groupdict().get(name) is None and self.prefix is not None:
            return self.prefix
        return self.core

    def start(self, name: str | None = None) -> int:
        return self._owner(name).start(name or 0)

    def end(self, name: str | None = None) -> int:
        return self.core.end() if name is None else self._owner(name).end(name)


@dataclass
class Timex:
    """A normalised time expression before it becomes a ``TimeMention``."""

    start: int
    end: int
    type: str
    value: str | None
    mod: str | None = None
    resolved: bool = False
    # (month, day or 0) of a date written without its year in a statement looking back:
    # a year written earlier in the same sentence takes precedence over the publication date.
    partial: tuple[int, int] | None = None


@dataclass
class TimexContext:
    doc: Doc
    text: str
    published: date | None
    sentence_of: list[int]  # the sentence number of each token
    accepted: list[Timex] = field(default_factory=list)

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

    def sentence_at(self, char: int) -> int:
        token = self.token_at(char)
        return self.sentence_of[token.i] if token is not None else -1

    def same_sentence(self, a: int, b: int) -> bool:
        return self.sentence_at(a) == self.sentence_at(b) != -1
