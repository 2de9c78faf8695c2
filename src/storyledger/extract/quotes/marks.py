"""Quotation marks: the character spans of direct quotes in a text (no parse needed).

Curly double and single marks, straight double marks and guillemets; an apostrophe
inside a word closes nothing; a quote inside a quote stays part of the outer one; a
quote that runs over paragraphs, reopened at each paragraph, is one quote.
"""

from __future__ import annotations

import re

from storyledger.extract.quotes.words import APOSTROPHE, QUOTE_PAIRS

NEXT_WORD = re.compile(r"\S")
LOOKAHEAD_LINES = 3
EDGE_TRIM = " \t\n,;:"


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the content of each direct quote (inside the marks)."""
    spans: list[tuple[int, int]] = []
    position = 0
    while position < len(text):
        opening = text[position]
        if opening not in QUOTE_PAIRS or not opens_quote(text, position):
            position += 1
            continue
        end = closing_mark(text, position + 1, opening)
        content = trimmed_chars(text, position + 1, end)
        if content is not None:
            spans.append(content)
        position = end + 1
    return spans


def closing_mark(text: str, position: int, opening: str) -> int:
    """Index of the mark closing the quote opened just before ``position`` (or line end).

    A quote of the same kind inside it nests. At a line break inside the quote,
    the quote goes on when the next line reopens it (a quote running over
    paragraphs) or when one of the next lines closes it before any other mark
    (wrapped lines, one sentence per line); otherwise it ends at the break.
    """
    closing = QUOTE_PAIRS[opening]
    depth = 1
    while position < len(text):
        char = text[position]
        if char == "\n":
            lines = following_lines(text, position)
            if lines and lines[0][1].startswith(opening):
                position = lines[0][0]
            elif not closed_later(lines, opening, closing):
                return position
        elif char == closing and not inside_word(text, position):
            depth -= 1
            if depth == 0:
                return position
        elif char == opening:
            depth += 1
        position += 1
    return position


def opens_quote(text: str, position: int) -> bool:
    """A single opening mark opens a quote only before a letter (not in "the ‘90s")."""
    return text[position] != "‘" or text[position + 1 : position + 2].isalpha()


def inside_word(text: str, position: int) -> bool:
    """Whether a closing single mark at ``position`` is an apostrophe: don’t, Kenya’s."""
    return (
        text[position] == APOSTROPHE
        and 0 < position < len(text) - 1
        and text[position - 1].isalnum()
        and text[position + 1].isalnum()
    )


def following_lines(text: str, position: int) -> list[tuple[int, str]]:
    """The next few non-empty lines after the line break at ``position``, with their starts."""
    lines: list[tuple[int, str]] = []
    while len(lines) < LOOKAHEAD_LINES:
        found = NEXT_WORD.search(text, position)
        if found is None:
            break
        end = text.find("\n", found.start())
        end = len(text) if end < 0 else end
        lines.append((found.start(), text[found.start() : end]))
        position = end
    return lines


def closed_later(lines: list[tuple[int, str]], opening: str, closing: str) -> bool:
    """Whether the first of these lines with a mark of this kind closes the open quote."""
    for _, line in lines:
        if opening in line or closing in line:
            return closes_on_line(line, opening, closing)
    return False


def closes_on_line(line: str, opening: str, closing: str) -> bool:
    """Whether a line closes a quote opened on an earlier line."""
    if opening == closing:
        return line.count(closing) % 2 == 1
    close_at = line.find(closing)
    return close_at >= 0 and not 0 <= line.find(opening) < close_at


def trimmed_chars(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without surrounding white space and commas, or None when nothing is left."""
    while start < end and text[start] in EDGE_TRIM:
        start += 1
    while end > start and text[end - 1] in EDGE_TRIM:
        end -= 1
    return (start, end) if start < end else None
