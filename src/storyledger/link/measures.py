"""Measures: what a number is a count of, however the report words it.

"1,200 people were killed", "the death toll rose to 1,200", "1,200 dead",
"lives lost", "fatalities": one measure, deaths. A careful analyst puts them in
one series; this module names the measure a quantity claim states, from the
lemmas (lemminflect) of these places, most telling first:

1. the verb that governs the amount ("killed", "injured", "displaced");
2. what the amount counts ("death toll", "fatalities", "injuries"), or the subject of
   a verb that gives it its level ("the death toll ... has risen to 2,854 people");
3. the words right after it in its clause ("1,200 dead", "10,000 are missing"),
   then those right before it ("put the number of fatalities at 212").

A number written next to "magnitude" or "Richter" is the size of a quake,
whatever its clause counts ("thousands injured following the magnitude 6.8
earthquake").

The lexicon holds concepts, not inflections: one lemma per sense, each word
form found through its lemma. Words that only count who ("people", "persons",
"others") say nothing of the measure. A part of a measure stays a part:
"children killed" keeps "child" as a modifier, and bodies recovered are a
measure of their own (a count of bodies is not the death toll).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getLemma

from storyledger.model import Claim, QuantityMention

# measure -> the lemmas (nouns, verbs, adjectives) that state it
MEASURE_LEMMAS: dict[str, frozenset[str]] = {
    "deaths": frozenset(
        {"die", "death", "dead", "kill", "fatality", "perish", "toll", "victim", "fatal"}
        | {"drown", "casualty"}
    ),
    "injured": frozenset({"injure", "injured", "injury", "wound", "wounded", "hurt"}),
    "missing": frozenset({"missing", "miss", "unaccounted", "disappear", "disappeared"}),
    "displaced": frozenset({"displace", "displaced", "homeless", "flee", "uproot"}),
    "bodies": frozenset({"body", "corpse"}),
    "rescued": frozenset({"rescue"}),
    "arrested": frozenset({"arrest", "detain", "detention"}),
    "evacuated": frozenset({"evacuate", "evacuation", "evacuee"}),
}
# "lives" are deaths when they were lost, claimed or taken: "claimed 2,000 lives".
LIVES = "life"
LIVES_VERBS = frozenset({"claim", "lose", "take", "cost"})
# Buildings are one measure whatever befell them (damaged, destroyed, collapsed), as tallies
# of a disaster's housing losses mix the three.
BUILDING_LEMMAS = frozenset({"house", "home", "building", "dwelling", "housing", "structure"})
BUILDING_HARM = frozenset({"damage", "destroy", "collapse", "flatten", "raze", "affect"})
LABELS = {
    "deaths": "Deaths",
    "injured": "People injured",
    "missing": "People missing",
    "displaced": "People displaced",
    "bodies": "Bodies recovered",
    "rescued": "People rescued",
    "arrested": "People arrested",
    "evacuated": "People evacuated",
    "buildings": "Buildings damaged or destroyed",
    "magnitude": "Magnitude",
}
# Verbs that give a measure its new level: its subject names the measure ("the death toll
# from the quake that hit the region has risen to 2,854 people").
LEVEL_VERBS = frozenset(
    {"rise", "reach", "climb", "stand", "increase", "hit", "pass", "top", "exceed", "surpass"}
    | {"jump", "grow", "soar", "mount", "swell", "fall", "drop"}
)
# A number next to these is the size of a quake, whatever the clause around it counts.
SCALE_LEMMAS = frozenset({"magnitude", "richter"})
# A word after the amount that ends its clause: the next clause states its own measure.
CLAUSE_END = re.compile(
    r"[,;:()\[\]–—]|\b(?:and|while|but|with|as|when|after|before|because|since|which|who|that"
    r"|if|where)\b|\d"
)
WINDOW_WORDS = 4
# What a vague amount counts follows it: "of people", "of the town's residents".
OF = re.compile(r"\s*of\s")
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
COUNTED_WORDS = 4
# Subjects that are only a number of something: "the number of deaths", "the total of".
RELATIONAL_SUBJECTS = frozenset({"number", "total", "tally", "count", "figure"})
# What says a toll's number is an addition: "increased by 400", "new deaths", "overnight".
GREW_BY = re.compile(r"\b(?:increas|ris|rose|climb|grew|grow|jump|add)\w*\s+by\b", re.IGNORECASE)
OVER_A_TIME = re.compile(
    r"\b(?:new|overnight|since|in the (?:past|last)|over the (?:past|last))\b", re.IGNORECASE
)
# What says a number is a projection: a modal or a verb of expectation before it.
PROJECTION = re.compile(
    r"\b(?:could|may|might|will|would|expect\w*|fear\w*|likely|project\w*|forecast\w*)\b"
)


@dataclass(frozen=True)
class Measure:
    name: str  # "deaths", "injured", ... (its label: LABELS[name])


@lru_cache(maxsize=65536)
def lemmas(word: str) -> frozenset[str]:
    """Every lemma a word may have, its part of speech unknown: "lives" -> live, life."""
    lower = word.lower()
    found = {form for upos in ("VERB", "NOUN", "ADJ") for form in getLemma(lower, upos=upos)}
    return frozenset(found or {lower})


def words_of(text: str) -> list[str]:
    return re.findall(r"[A-Za-z][A-Za-z'-]*", text)


def measure_of(claim: Claim, quantity: QuantityMention) -> Measure | None:
    """The measure a quantity claim states, or None when its words name none of them."""
    if quantity.unit != "count":
        return None
    predicate = (quantity.predicate or claim.predicate or "").lower()
    counted = lemmas_of(words_of(quantity.counted or ""))
    after_words, before_words = words_after(claim, quantity), words_before(claim, quantity)
    if lemmas_of(before_words[-2:] + after_words[:3]) & SCALE_LEMMAS:
        return Measure("magnitude")  # "magnitude 6.8", "7.0 on the Richter"
    after, before = lemmas_of(after_words), lemmas_of(before_words)
    subject = lemmas_of(subject_words(claim)) if predicate in LEVEL_VERBS else set()
    context = counted | after | before | subject | {predicate}
    for found in ({predicate}, counted, subject, after, before):
        name = measure_in(found, context)
        if name:
            return Measure(name)
    return None


def states(word: str, measure: Measure) -> bool:
    """Whether a word names the measure itself: "missing" of missing people is no part of
    them, as "children" of deaths is."""
    return bool(lemmas(word) & MEASURE_LEMMAS.get(measure.name, frozenset()))


def subject_words(claim: Claim) -> list[str]:
    """The words of the claim's subject, and those of what a subject that is only a number
    is the number of: "the number of deaths in Derna ... exceeded 5,300 people"."""
    words = words_of(claim.subject or "")
    if words and words[-1].lower() in RELATIONAL_SUBJECTS:
        of = re.search(
            rf"\b{re.escape(words[-1])}\s+of\s+((?:[A-Za-z][\w'-]*\s*){{1,3}})", claim.text
        )
        words += words_of(of.group(1)) if of else []
    return words


def sentence_measure(claim: Claim) -> Measure | None:
    """The measure its sentence names anywhere: that of a list of places whose numbers name
    none ("deaths were reported in villages, including 1,452 in Al Haouz, 764 in ...")."""
    found = lemmas_of(words_of(claim.text))
    name = measure_in(found, found)
    return Measure(name) if name else None


def lemmas_of(words: list[str]) -> set[str]:
    return {form for word in words for form in lemmas(word)}


def measure_in(found: set[str], around: set[str]) -> str | None:
    """The measure some of the lemmas ``found`` name, read with the claim's other words."""
    if found & BUILDING_LEMMAS and around & BUILDING_HARM:
        return "buildings"
    if LIVES in found and around & LIVES_VERBS:
        return "deaths"
    return next((name for name, words in MEASURE_LEMMAS.items() if found & words), None)


def words_after(claim: Claim, quantity: QuantityMention) -> list[str]:
    """The first words of the clause after the amount: "1,200 dead", "9,000 were missing";
    after what a vague amount counts, which is read apart: "thousands of people were
    rendered homeless"."""
    offset = quantity.end - claim.start
    rest = claim.text[offset:] if 0 <= offset <= len(claim.text) else ""
    rest = past_counted(rest, quantity.counted)
    end = CLAUSE_END.search(rest)
    return words_of(rest[: end.start()] if end else rest)[:WINDOW_WORDS]


def past_counted(rest: str, counted: str | None) -> str:
    """The text after "of" and the words of what is counted, if it begins with them."""
    head = words_of(counted or "")[-1:]
    of = OF.match(rest)
    if not head or of is None:
        return rest
    for word in list(WORD.finditer(rest, of.end()))[:COUNTED_WORDS]:
        if lemmas(head[0]) & lemmas(word.group()):
            return rest[word.end() :]
    return rest


def words_before(claim: Claim, quantity: QuantityMention) -> list[str]:
    """The last words of the clause before the amount: "put the number of fatalities at"."""
    offset = quantity.start - claim.start
    head = claim.text[:offset] if 0 <= offset <= len(claim.text) else ""
    ends = list(CLAUSE_END.finditer(head))
    return words_of(head[ends[-1].end() :] if ends else head)[-WINDOW_WORDS - 1 :]


def measure_modality(claim: Claim, quantity: QuantityMention, modality: str) -> str:
    """A toll is counted or projected, never pledged or planned: "could reach 20,000",
    "is expected to rise to 250" project it ("estimated"); "the Red Crescent estimates that
    11,000 have died" counts what happened ("asserted")."""
    if modality not in ("planned", "estimated"):
        return "asserted"
    offset = quantity.start - claim.start
    clause = claim.text[: max(0, offset)].lower()
    return "estimated" if PROJECTION.search(clause) else "asserted"


def measure_change(claim: Claim, quantity: QuantityMention, change: bool) -> bool:
    """Whether a toll's number is an addition. "Another 329 were injured" after the deaths,
    "2,421 others were injured", "a further 153" add people, not time: a level. An addition
    says it grew ("rose by 400") or over what time ("18 further deaths overnight", "12 new
    deaths since Monday")."""
    if not change:
        return False
    return bool(GREW_BY.search(claim.text) or OVER_A_TIME.search(claim.text))
