"""Numbers as news writes them: digits, number words, scale words and vague plurals.

Pure parsers over the word lists of ``lexicon``; no spaCy, no units.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from storyledger.extract.quantities import lexicon as lex


def words_alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so "mln" wins over "m"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def parse_digits(text: str) -> float:
    """ "1,000" -> 1000.0, "1.5" -> 1.5."""
    return float(text.replace(",", ""))


def parse_number_words(text: str) -> float | None:
    """ "four hundred" -> 400, "a thousand" -> 1000, "two dozen" -> 24, "half a million" -> 5e5."""
    total, current = 0.0, 0.0
    words = re.split(r"[\s-]+", text.lower().strip())
    if words[:2] in (["half", "a"], ["half", "an"]):
        words = words[2:]
        current = 0.5
    for word in words:
        if word in ("a", "an"):
            current = current or 1.0
        elif word == "and":
            continue
        elif word in lex.UNITS:
            current += lex.UNITS[word]
        elif word in lex.TENS:
            current += lex.TENS[word]
        elif word in lex.MULTIPLIERS:
            current = (current or 1.0) * lex.MULTIPLIERS[word]
        elif word in lex.SCALES:
            total += (current or 1.0) * lex.SCALES[word]
            current = 0.0
        else:
            return None
    return total + current


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or words."""
    text = text.strip()
    if text[:1].isdigit():
        return parse_digits(text)
    return parse_number_words(text)


def has_counting_word(words: str) -> bool:
    """ "thousand" alone is no number; "a thousand", "two dozen" and "ten" are."""
    parts = re.split(r"[\s-]+", words.lower())
    return any(p in lex.UNITS or p in lex.TENS or p in ("a", "an") for p in parts)


def scale_of(word: str | None, with_currency: bool) -> float | None:
    """The factor of a scale word or abbreviation ("million", "bn", "m" next to a currency)."""
    if not word:
        return 1.0
    word = word.strip().lower()
    if word in lex.SCALES:
        return lex.SCALES[word]
    if word in lex.CURRENCY_ONLY_SCALES and not with_currency:
        return None
    return lex.ABBREVIATED_SCALES.get(word)


def vague_amount(words: str) -> tuple[float, float] | None:
    """ "hundreds" -> (200, 1000), "tens of thousands" -> (20000, 100000): low and high."""
    parts = [p for p in re.split(r"\s+", words.lower()) if p != "of"]
    factor = 1.0
    for part in parts:
        if part not in lex.VAGUE_PLURALS:
            return None
        factor *= lex.VAGUE_PLURALS[part]
    return 2 * factor, 10 * factor
