"""Quantities: values, bounds, units, changes, the thing counted and the governing verb.

The stages, one module each: ``scanner`` finds amounts in the text (with ``numbers``
for their values and ``units``, the pint and babel registry, for their units);
``judge`` drops what is no quantity and reads ages; ``change`` tells a change from a
level; ``syntax`` reads what is counted and the governing verb from the parse. The
word lists of all of them are in ``lexicon``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyledger.extract.parse import sentence_of_token
from storyledger.extract.quantities import units
from storyledger.extract.quantities.change import change_of
from storyledger.extract.quantities.judge import (
    as_age,
    not_an_amount,
    overlaps_any,
    part_of_name_or_date,
)
from storyledger.extract.quantities.scanner import Amount, scan
from storyledger.extract.quantities.syntax import (
    counted_noun,
    counted_thing,
    governing_verb,
    reduced_relative_subject,
    subject_of,
)
from storyledger.model import QuantityMention, TimeMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = [
    "counted_noun",
    "find_quantities",
    "governing_verb",
    "reduced_relative_subject",
    "subject_of",
]

PLACE_LABELS = frozenset({"GPE", "LOC"})


def find_quantities(doc: Doc, times: list[TimeMention]) -> list[QuantityMention]:
    """The quantities of an article, in text order."""
    time_spans = sorted((t.start, t.end) for t in times)
    countries = frozenset(e.text for e in doc.ents if e.label_ in PLACE_LABELS)
    text = doc.text  # built anew on each access
    found = []
    for scanned in scan(text, countries):
        age = as_age(doc, text, scanned)  # an age wins over the duration the times read in it
        amount = age or scanned
        if age is None and (overlaps_any(amount, time_spans) or not_an_amount(text, amount)):
            continue
        span = doc.char_span(amount.start, amount.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if age is None and part_of_name_or_date(doc, span, amount, time_spans):
            continue
        found.append(mention_of(doc, text, span, amount))
    return found


def mention_of(doc: Doc, text: str, span: Span, amount: Amount) -> QuantityMention:
    verb = governing_verb(span)
    money = amount.unit.dimension == units.CURRENCY
    counted_span = span
    if amount.unit == units.PERCENT and amount.number_start > amount.start:
        # a share's whole is read from the share, not its bound: "up to a quarter of the city"
        counted_span = (
            doc.char_span(amount.number_start, amount.end, alignment_mode="expand") or span
        )
    return QuantityMention(
        start=amount.start,
        end=amount.end,
        text=text[amount.start : amount.end],
        value=amount.value,
        low=amount.low,
        high=amount.high,
        approx=amount.approx,
        unit=amount.unit.name,
        counted=counted_thing(counted_span, money, verb),
        predicate=verb.lemma_.lower() if verb is not None else None,
        sentence=sentence_of_token(doc)[span.root.i],
        unit_text=amount.unit_text,
        dimension=amount.unit.dimension,
        change=change_of(span, amount.unit != units.COUNT),
    )
