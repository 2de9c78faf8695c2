"""Scopes: the part of the world a number is about, where the report sets it apart.

Most numbers of a story have no scope of their own: "the death toll rose to
2,497" is the story's main toll, whatever place the sentence also names
("... in Morocco", "... in Derna alone"). A number gets a scope of its own
only where the report sets it apart:

- a breakdown: one sentence gives the same measure for two or more places
  ("1,452 in Al Haouz, 764 in Taroudant", "the provinces of Al Haouz (1,452)
  and Taroudant (764)"); each number is the count of its place, and one that
  names no measure takes the measure of its list ("including 1,452 in ...");
- an exclusion: "170 people have died outside Derna", "elsewhere in the
  country", "in other parts of eastern Libya" is not the main toll. All
  exclusions are one scope, "elsewhere": the rest of the story's area.

Pure: it reads an extraction's claims, quantities and entities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyledger.model import Claim, Extraction

PLACE = r"((?:(?:Al|El|Ad|As|An|Ar)[- ])?[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+))*)"
PLACE_NOUNS = r"(?:province|region|city|town|district|prefecture|state|county|village|area)s?"
# "1,452 in Al Haouz", "764 people in the province of Taroudant", "41 from Ouarzazate"
PLACE_AFTER = re.compile(
    rf"^\s*(?:[a-z]+\s+){{0,3}}?(?:in|at|from)\s+(?:the\s+)?(?:{PLACE_NOUNS}\s+of\s+)?{PLACE}"
)
# "Al Haouz (1,452", "Taroudant: 764", "Al Haouz province (1,452"
PLACE_BEFORE = re.compile(rf"{PLACE}(?:\s+{PLACE_NOUNS})?\s*[(:]\s*$")
# "170 people have died outside Derna", "outside of the city of Derna", "elsewhere in the
# country", "in other parts of eastern Libya"
OUTSIDE = re.compile(
    rf"\boutside\s+(?:of\s+)?(?:the\s+)?(?:{PLACE_NOUNS}\s+of\s+)?{PLACE}"
    rf"|\belsewhere\b|\bin\s+other\s+(?:parts|{PLACE_NOUNS}|cities|countries)\b"
)
ELSEWHERE = "elsewhere"
BREAKDOWN_PLACES = 2  # distinct places in one sentence that make a breakdown


@dataclass(frozen=True)
class Scope:
    key: str  # "al_haouz", "outside:derna"
    name: str  # "Al Haouz", "outside Derna"


@dataclass
class Placed:
    """A quantity claim of a sentence, with the place written next to its number."""

    claim: int  # index into Extraction.claims
    place: Scope | None
    outside: Scope | None


def scopes_of(extraction: Extraction) -> dict[int, Scope]:
    """The claims (by index) whose number the report sets apart, with their scope."""
    by_sentence: dict[int, list[Placed]] = {}
    for idx, claim in enumerate(extraction.claims):
        if claim.quantity is not None:
            placed = placed_claim(idx, claim, extraction)
            by_sentence.setdefault(claim.sentence, []).append(placed)
    scopes: dict[int, Scope] = {}
    for sentence in by_sentence.values():
        places = {p.place.key for p in sentence if p.place is not None}
        for p in sentence:
            if p.outside is not None:
                scopes[p.claim] = p.outside
            elif p.place is not None and len(places) >= BREAKDOWN_PLACES:
                scopes[p.claim] = p.place
    return scopes


def placed_claim(idx: int, claim: Claim, extraction: Extraction) -> Placed:
    quantity = extraction.quantities[claim.quantity or 0]
    start, end = quantity.start - claim.start, quantity.end - claim.start
    before, after = neighbourhood(claim, extraction, start, end)
    outside = OUTSIDE.search(after)
    found = PLACE_AFTER.match(after) or PLACE_BEFORE.search(before)
    return Placed(
        idx,
        scope_named(found.group(1), extraction) if found else None,
        outside_scope(outside.group(1), extraction) if outside else None,
    )


def neighbourhood(claim: Claim, extraction: Extraction, start: int, end: int) -> tuple[str, str]:
    """The sentence's text from the amount before this one to it, and from it to the next."""
    others = sorted(
        (q.start - claim.start, q.end - claim.start)
        for q in extraction.quantities
        if claim.start <= q.start < claim.end and q.start - claim.start != start
    )
    previous_end = max((e for s, e in others if e <= start), default=0)
    next_start = min((s for s, _e in others if s >= end), default=len(claim.text))
    return claim.text[previous_end:start], claim.text[end:next_start]


def scope_named(name: str, extraction: Extraction) -> Scope:
    """The place's entity key where the extractor found it as an entity, else its words."""
    entity = next((e for e in extraction.entities if e.text == name), None)
    key = entity.key if entity else re.sub(r"\W+", "_", name.lower()).strip("_")
    return Scope(key, entity.name if entity else name)


def outside_scope(name: str | None, extraction: Extraction) -> Scope:
    """The one scope of every exclusion, named as the report words it."""
    if name is None:
        return Scope(ELSEWHERE, ELSEWHERE)
    return Scope(ELSEWHERE, "outside " + scope_named(name, extraction).name)
