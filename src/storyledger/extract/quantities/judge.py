"""The judge: which scanned amounts are no quantity, and which are ages.

Times of day, phone- or ID-like strings, leading zeros, days of the month, years, scores
and numbers that are part of a name ("Resolution 2699", "Boeing 737") are not
quantities. An age ("61 years old", "a 45-year-old man", "Smith, 61, has") is a quantity
of unit year and dimension age, never the hectares or the count it would otherwise be.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from storyledger.extract.quantities import lexicon as lex
from storyledger.extract.quantities import units
from storyledger.extract.quantities.scanner import Amount
from storyledger.extract.quantities.units import Unit

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

TIME_OF_DAY_AFTER = re.compile(
    r"\s?(?:[ap]\.?m\b\.?|h\b|hrs\b|o'clock|(?-i:GMT|UTC|EAT|CET|EST|EDT|BST|PST|PT|ET)\b)",
    re.IGNORECASE,
)
AGE_AFTER = re.compile(
    r"(?:[\s-]*(?P<unit>year|month|week|day)s?[\s-]*olds?\b|\s+(?P<unit2>year|month|week|day)s?"
    r"\s+of\s+age\b|\s?yo\b)",
    re.IGNORECASE,
)
AGE_BEFORE = re.compile(r"(?:\baged|\bage|\bages)\s+$", re.IGNORECASE)
AGE_TAIL = re.compile(r"[\s-]*olds?\b|\s+of\s+age\b", re.IGNORECASE)
AGE_UNITS = frozenset({"year", "month", "week", "day"})
AGE = "age"
YEARS = (1000, 2199)  # the years a report may write without a comma


def overlaps_any(amount: Amount, spans: list[tuple[int, int]]) -> bool:
    return any(s < amount.number_end and amount.number_start < e for s, e in spans)


def not_an_amount(text: str, amount: Amount) -> bool:
    """Times of day, ages, phone numbers and IDs, leading zeros, sequences of digit groups."""
    after = text[amount.number_end : amount.number_end + 16]
    before = text[max(0, amount.number_start - 12) : amount.number_start]
    raw = amount.raw
    count = amount.unit == units.COUNT
    if count and TIME_OF_DAY_AFTER.match(after):
        return True
    if raw[:1] == "0" and len(raw) > 1 and raw[1:2].isdigit():
        return True
    if raw.isdigit() and len(raw) >= 7:
        return True
    if re.match(r"\s\d", after):
        return True
    # a run of digit groups ("555 0199") is no amount; a number with its unit may follow
    # another number ("in 2006 95% of them")
    if re.search(r"\d[\s-]$", before) and (count or before[-1] == "-"):
        return True
    if count and is_list_marker(text, amount):
        return True
    words = before.lower().split()
    if re.fullmatch(r"\d+/\d+", raw) and words and words[-1] in lex.DATE_PREPOSITIONS:
        return True  # "on 3/4": a date written as month and day
    return bool(words) and (words[-1] in lex.NAME_NUMBER_WORDS or names_by_number(words, amount))


def names_by_number(words: list[str], amount: Amount) -> bool:
    """ "highway 35", "exit 436", "flight 370": a noun that a number names, not counts
    (in text of any case; ``names_with_number`` reads title-case names from the parse)."""
    return amount.unit == units.COUNT and amount.raw.isdigit() and words[-1] in lex.NUMBERED_NOUNS


def is_list_marker(text: str, amount: Amount) -> bool:
    """ "1 ) explains ...; 2 ) cautions", "(1) chose and (2) left": a number closing a
    bracket that none opened, or alone in brackets. A number in brackets after a name is
    that name's value: "the provinces of Al Haouz (1,452) and Taroudant (764)"."""
    if not re.match(r"\s?\)", text[amount.number_end : amount.number_end + 2]):
        return False
    before = text[max(0, amount.number_start - 200) : amount.number_start]
    if before.rstrip().endswith("("):
        return not re.search(r"[A-Z][\w'’-]*\s*\(\s*$", before)
    return before.rfind("(") <= before.rfind(")")


def part_of_name_or_date(
    doc: Doc, span: Span, amount: Amount, time_spans: list[tuple[int, int]]
) -> bool:
    """Day numbers next to a month, years, "Resolution 2699", "one of", scores."""
    if amount.unit != units.COUNT:
        return False  # a score is a count: "lost tens of millions of dollars" is money
    if amount.approx or "," in amount.raw:
        return is_score_context(doc, span) if amount.low is not None else False
    number = number_token(span, amount)
    previous = doc[span.start - 1] if span.start > 0 else None
    following = doc[span.end] if span.end < len(doc) else None
    if amount.value <= 31 and (is_month(previous, False) or is_month(following, True)):
        return True
    if following is not None and is_address(doc, span.end):
        return True
    if amount.raw.isdigit() and len(amount.raw) == 4 and not counts_plural_noun(number):
        return could_be_year(amount) or names_a_thing(number) or in_digit_chain(doc, span)
    if previous is not None and names_with_number(previous, time_spans):
        return True
    if amount.raw.lower() in ("one", "a", "an") and number.dep_ != "nummod":
        return True
    if following is not None and following.lemma_.lower() in lex.TIME_NOUNS:
        return True
    return is_score_context(doc, span) if amount.low is not None else False


def could_be_year(amount: Amount) -> bool:
    """Four digits in the years reports write ("in 2023", "by 2150"); "the toll had risen
    to 2862" is no year."""
    return YEARS[0] <= amount.value <= YEARS[1]


def names_a_thing(number: Token) -> bool:
    """Four digits before a noun in the singular name it: "the 8088 chip"."""
    following = number.nbor(1) if number.i + 1 < len(number.doc) else None
    return following is not None and following.tag_ in ("NN", "NNP")


def in_digit_chain(doc: Doc, span: Span) -> bool:
    """Four digits in a chain of digits joined by hyphens: an account or a phone number."""
    start, end = span.start_char, span.end_char
    before, after = doc.text[max(0, start - 2) : start], doc.text[end : end + 2]
    return bool(re.fullmatch(r"\d-", before) or re.fullmatch(r"-\d", after))


def number_token(span: Span, amount: Amount) -> Token:
    inside = [t for t in span if amount.number_start <= t.idx < amount.number_end]
    return inside[-1] if inside else span.root


def is_month(token: Token | None, after_number: bool) -> bool:
    """A month name next to a number. In lower-cased text too ("on december 1"), where
    "may" and "march" are a month after the number ("1 may") or after a preposition of
    time ("since may 19")."""
    if token is None or token.lower_.rstrip(".") not in lex.MONTHS:
        return False
    if token.is_title or token.lower_ not in lex.MONTHS_THAT_ARE_WORDS:
        return True
    if after_number:
        return True
    previous = token.nbor(-1) if token.i > 0 else None
    return previous is not None and previous.lower_ in lex.TIME_PREPOSITIONS


def is_address(doc: Doc, start: int) -> bool:
    """ "10 Downing Street", "123 Random Street": a number before a street name."""
    for token in doc[start : start + 4]:
        if token.lower_.rstrip(".") in lex.STREET_NOUNS and token.is_title:
            return token.i > start
        if not token.is_title:
            return False
    return False


def counts_plural_noun(token: Token) -> bool:
    return token.dep_ == "nummod" and token.head.tag_ in ("NNS", "NNPS")


def names_with_number(previous: Token, time_spans: list[tuple[int, int]]) -> bool:
    """ "Resolution 2699", "Boeing 737", "Article 5": a name word right before the number."""
    if previous.is_sent_start or previous.lower_ in lex.MONTHS:
        return False
    if any(s <= previous.idx < e for s, e in time_spans):
        return False
    return previous.pos_ == "PROPN" or (previous.is_title and previous.pos_ == "NOUN")


def is_score_context(doc: Doc, span: Span) -> bool:
    following = doc[span.end] if span.end < len(doc) else None
    if following is not None and following.lemma_.lower() in lex.SCORE_NOUNS:
        return True
    return span.root.head.lemma_.lower() in lex.SCORE_VERBS


# -- the parse: what is counted and the governing verb -----------------------------------


def as_age(doc: Doc, text: str, amount: Amount) -> Amount | None:
    """The amount as an age, when it is one: "61 years old", "a 45-year-old", "aged 61",
    "three months of age", "Smith, 61, has" (a number between commas after a person)."""
    if amount.unit.name in AGE_UNITS:
        tail = AGE_TAIL.match(text, amount.end)
        if tail is None:
            return None
        written = f"{amount.unit_text or ''}{tail.group()}".strip(" -")
        return replace(amount, end=tail.end(), unit=Unit(amount.unit.name, AGE), unit_text=written)
    if amount.unit != units.COUNT:
        return None
    after = AGE_AFTER.match(text, amount.end)
    if after is not None:
        word = (after.group("unit") or after.group("unit2") or "year").lower()
        return replace(
            amount, end=after.end(), unit=Unit(word, AGE), unit_text=after.group().strip(" -")
        )
    before = text[max(0, amount.start - 6) : amount.start]
    if AGE_BEFORE.search(before) or between_commas_after_name(doc, text, amount):
        return replace(amount, unit=Unit("year", AGE), unit_text=None)
    return None


def between_commas_after_name(doc: Doc, text: str, amount: Amount) -> bool:
    """ "Smith, 61, has": a bare whole number set off by commas between a name and a verb
    (the small model often takes the surname for an ORG or a GPE)."""
    if amount.unit != units.COUNT or not amount.raw.isdigit():
        return False
    if (
        text[max(0, amount.start - 2) : amount.start] != ", "
        or text[amount.end : amount.end + 1] != ","
    ):
        return False
    comma = doc.char_span(amount.start - 2, amount.start - 1, alignment_mode="expand")
    closing = doc.char_span(amount.end, amount.end + 1, alignment_mode="expand")
    if comma is None or closing is None or comma.start == 0 or closing.end >= len(doc):
        return False
    name, following = doc[comma.start - 1], doc[closing.end]
    return (
        name.pos_ == "PROPN"
        and name.is_title
        and (following.pos_ in ("VERB", "AUX") or following.lower_ == "who")
    )
