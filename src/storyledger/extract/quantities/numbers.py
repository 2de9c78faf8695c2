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


FRACTION_WORD = words_alternation(lex.FRACTIONS)
# "two and a half million": a whole number, a fraction that adds to it, a scale.
AND_A_FRACTION = re.compile(
    rf"(?P<whole>.+?)\s+and\s+(?:an?|one)\s+(?P<fraction>{FRACTION_WORD})(?:\s+(?P<scale>\w+))?"
)
# "half a million", "a quarter million", "three quarters", "two-thirds", "half a dozen".
LEADING_FRACTION = re.compile(
    rf"(?:(?P<numerator>{words_alternation(lex.FRACTION_NUMERATORS)})[\s-]+)?"
    rf"(?P<fraction>{FRACTION_WORD})(?:\s+an?)?(?:\s+(?P<scale>\w+))?"
)


def parse_digits(text: str) -> float | None:
    """ "1,000" -> 1000.0, "1.5" -> 1.5, "12,34,567" (lakh grouping) -> 1234567.0; the
    fractions "1/4" -> 0.25, "10 1/2" -> 10.5, "10½" -> 10.5 (None for "3/2")."""
    text = re.sub(r",\s?", "", text)
    if text[-1:] in lex.VULGAR_FRACTIONS:
        return float(text[:-1].strip() or 0) + lex.VULGAR_FRACTIONS[text[-1]]
    if "/" in text:
        whole, _, fraction = text.rpartition(" ")
        numerator, denominator = (int(x) for x in fraction.split("/"))
        if numerator >= denominator:
            return None
        return float(whole or 0) + numerator / denominator
    return float(text)


def scale_factor(word: str | None) -> float | None:
    """The factor of a scale word after a fraction ("million", "dozen"); 1 for none."""
    if word is None:
        return 1.0
    return lex.SCALES.get(word) or lex.MULTIPLIERS.get(word)


def parse_fraction_words(text: str) -> float | None:
    """ "two and a half million" -> 2.5e6, "a quarter million" -> 2.5e5, "three quarters"
    -> 0.75, "half a dozen" -> 6; None when the words hold no fraction."""
    with_whole = AND_A_FRACTION.fullmatch(text)
    if with_whole is not None:
        whole = parse_number_words(with_whole["whole"])
        factor = scale_factor(with_whole["scale"])
        if whole is None or factor is None:
            return None
        return (whole + 1 / lex.FRACTIONS[with_whole["fraction"]]) * factor
    leading = LEADING_FRACTION.fullmatch(text)
    if leading is None:
        return None
    factor = scale_factor(leading["scale"])
    if factor is None:
        return None
    numerator = lex.FRACTION_NUMERATORS.get(leading["numerator"] or "a", 1)
    return numerator / lex.FRACTIONS[leading["fraction"]] * factor


def is_bare_fraction(text: str) -> bool:
    """ "a third", "half a", "two-thirds": a fraction of no number."""
    words = " ".join(re.split(r"[\s-]+", text.lower().strip()))
    leading = LEADING_FRACTION.fullmatch(words)
    return leading is not None and leading["scale"] is None


def parse_number_words(text: str) -> float | None:
    """ "four hundred" -> 400, "a thousand" -> 1000, "two dozen" -> 24, "half a million" ->
    5e5, "two and a half million" -> 2.5e6."""
    total, current = 0.0, 0.0
    text = " ".join(re.split(r"[\s-]+", text.lower().strip()))
    if any(w in lex.FRACTIONS for w in text.split()):
        return parse_fraction_words(text)
    words = text.split()
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


def dotted_thousands(digits: str) -> bool:
    """ "4.000", "12.500": one to three digits, a dot, then three digits (a thousands
    separator where the decimal mark is a comma)."""
    return re.fullmatch(r"[1-9]\d{0,2}\.\d{3}", digits) is not None


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or words."""
    text = text.strip()
    if text[:1].isdigit() or text[:1] in lex.VULGAR_FRACTIONS:
        return parse_digits(text)
    return parse_number_words(text)


def has_counting_word(words: str) -> bool:
    """ "thousand" alone is no number; "a thousand", "two dozen", "half a million" and
    "ten" are."""
    parts = re.split(r"[\s-]+", words.lower())
    return any(
        p in lex.UNITS or p in lex.TENS or p in ("a", "an") or p in lex.FRACTIONS for p in parts
    )


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
