"""What a quantity claim is about: the key that decides which figure it belongs to.

A figure is one tracked variable of a story: the same counted thing, the same
unit, the same key entities, the same modality (an actual count is not a
pledge) and the same level-vs-change (a total is not an addition). This module
is pure: it reads claims and mentions, and compares keys; ``link.figures``
does the database work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storyledger.model import Claim, Extraction, QuantityMention

# Asserted and reported statements are both statements of what is (or was) the case.
MODALITY_CLASS = {"reported": "asserted"}
# Words that say how a number relates to others, not what it counts.
NOT_COUNTED = frozenset(
    {"a", "an", "the", "of", "more", "additional", "another", "extra", "further", "new"}
    | {"other", "some", "about", "total", "first", "second", "third", "last", "fresh"}
    | {"latest", "initial"}
)
UNINFLECTED = frozenset(
    {"police", "personnel", "staff", "people", "aid", "equipment", "funding", "money", "troops"}
)
NO_PREDICATE = frozenset({"be", "have", "say", "do"})
IRREGULAR_PARTICIPLES = {
    "send": "sent",
    "bring": "brought",
    "give": "given",
    "make": "made",
    "take": "taken",
    "hold": "held",
    "pay": "paid",
    "spend": "spent",
    "lose": "lost",
    "leave": "left",
    "set": "set",
    "put": "put",
    "cut": "cut",
    "find": "found",
    "fly": "flown",
    "fall": "fallen",
    "rise": "risen",
    "win": "won",
    "sell": "sold",
    "keep": "kept",
    "grow": "grown",
    "speak": "spoken",
    "write": "written",
    "see": "seen",
    "tell": "told",
    "build": "built",
    "buy": "bought",
    "meet": "met",
    "lead": "led",
    "run": "run",
    "begin": "begun",
    "drive": "driven",
    "hit": "hit",
    "shoot": "shot",
    "flee": "fled",
    "seek": "sought",
    "raise": "raised",
}
# Verbs that double their last consonant before -ed ("controlled", "planned").
DOUBLING_VERBS = frozenset(
    {"control", "commit", "admit", "patrol", "compel", "expel", "refer", "transfer", "plan"}
    | {"stop", "drop", "ship", "ban", "cap", "tap", "permit", "submit", "omit", "occur"}
)
IRREGULAR_PLURALS = {
    "man": "men",
    "woman": "women",
    "child": "children",
    "person": "people",
    "life": "lives",
    "policeman": "policemen",
    "policewoman": "policewomen",
}
MODALITY_WORDS = {
    "pledged": "pledged",
    "planned": "planned",
    "estimated": "estimated",
    "needed": "needed",
}


@dataclass
class FigureKey:
    """The alignment key of one quantity claim (or of a figure: the union of its claims)."""

    unit: str
    modality: str
    change: bool
    words: list[str]  # counted words, head last; "~verb" when nothing counted is known
    actors: set[str] = field(default_factory=set)  # entity keys in the claim's subject
    entities: set[str] = field(default_factory=set)  # entity keys in the claim's sentence
    counted: str | None = None  # the counted phrase, as written

    @property
    def head(self) -> str:
        return self.words[-1] if self.words else ""

    def blocks(self) -> list[str]:
        """Blocking keys: unit, modality, level-vs-change and one word each."""
        prefix = f"{self.unit}|{self.modality}|{int(self.change)}|"
        return [prefix + word for word in dict.fromkeys(self.words or [""])]


def singular(word: str) -> str:
    """A naive English singular, enough to equate 'officers' and 'officer'."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def counted_words(counted: str | None) -> list[str]:
    """Lower-cased singular content words of what is counted, head last. Capitalised
    words ("Kenyan police officer") name who, not what: the entities say who."""
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", counted or "")
    return [singular(w) for w in words if w[0].islower() and w not in NOT_COUNTED]


def modality_class(modality: str) -> str:
    return MODALITY_CLASS.get(modality, modality)


def subject_entities(claim: Claim, extraction: Extraction) -> set[str]:
    """Keys of the entities named in the claim's subject ("Kenya" in "Kenya pledged ...")."""
    if not claim.subject:
        return set()
    subject = claim.subject.lower()
    return {
        e.key
        for e in extraction.entities
        if claim.start <= e.start < claim.end and e.text.lower() in subject
    }


def claim_key(claim: Claim, quantity: QuantityMention, extraction: Extraction) -> FigureKey:
    counted = counted_of(claim, quantity, extraction)
    words = counted_words(counted)
    predicate = (quantity.predicate or claim.predicate or "").lower()
    if not words and predicate and predicate not in NO_PREDICATE:
        words = ["~" + predicate]
    return FigureKey(
        unit=quantity.unit,
        modality=modality_class(claim.modality),
        change=claim.change,
        words=words,
        actors=subject_entities(claim, extraction),
        entities=key_entities(claim, extraction),
        counted=counted,
    )


def counted_of(claim: Claim, quantity: QuantityMention, extraction: Extraction) -> str | None:
    """What is counted; a total that does not say ("bringing the contingent to 600") counts
    what the other amounts of its sentence in the same unit count."""
    if quantity.counted:
        return quantity.counted
    siblings = (
        q.counted
        for q in extraction.quantities
        if q is not quantity and q.unit == quantity.unit and claim.start <= q.start < claim.end
    )
    return next((c for c in siblings if c), None)


def key_entities(claim: Claim, extraction: Extraction) -> set[str]:
    """The entities a claim is about: those of its sentence except people, who say or
    announce figures rather than being what they count (a person as subject is an actor)."""
    people = {
        e.key
        for e in extraction.entities
        if e.label == "PERSON" and claim.start <= e.start < claim.end
    }
    return set(claim.entities) - people - {claim.speaker_key}


def alignment(claim: FigureKey, figure: FigureKey) -> float | None:
    """How well a claim fits a figure (higher is better), or None when it cannot belong to it.

    Unit, modality and level-vs-change must be equal; what is counted must share
    its head with the figure (or be named by one of the figure's words, "police"
    for "police officers") without a contradicting modifier ("military" vs
    "police"); the subjects must not name different entities, and neither may
    the sentences when both name some.
    """
    if (claim.unit, claim.modality, claim.change) != (figure.unit, figure.modality, figure.change):
        return None
    word_score = words_alignment(claim.words, figure.words)
    if word_score is None:
        return None
    if claim.actors and figure.actors and not claim.actors & figure.actors:
        return None
    if claim.entities and figure.entities and not claim.entities & figure.entities:
        return None
    shared = len(claim.entities & figure.entities)
    union = len(claim.entities | figure.entities) or 1
    return word_score + shared / union + (1.0 if claim.actors & figure.actors else 0.0)


def words_alignment(words: list[str], figure_words: list[str]) -> float | None:
    if not words or not figure_words:
        return 1.0 if words == figure_words else None
    head, figure_head = words[-1], figure_words[-1]
    if head != figure_head and head not in figure_words and figure_head not in words:
        return None
    modifiers = set(words) - {head, figure_head}
    figure_modifiers = set(figure_words) - {head, figure_head}
    if modifiers and figure_modifiers and not modifiers & figure_modifiers:
        return None
    return 2.0 if head == figure_head else 1.0


# -- labels ------------------------------------------------------------------------------


def plural(phrase: str) -> str:
    """'police officer' -> 'police officers', 'woman' -> 'women'; proper names stay."""
    if not phrase or phrase.endswith("s") or phrase.split()[-1] in UNINFLECTED:
        return phrase
    *before, last = phrase.split(" ")
    if last[:1].isupper():
        return phrase
    if last in IRREGULAR_PLURALS:
        return " ".join([*before, IRREGULAR_PLURALS[last]])
    if phrase.endswith("y") and not phrase.endswith(("ay", "ey", "oy", "uy")):
        return phrase[:-1] + "ies"
    if phrase.endswith(("ch", "sh", "x")):
        return phrase + "es"
    return phrase + "s"


def participle(verb: str) -> str:
    """'deploy' -> 'deployed', 'send' -> 'sent' (regular rules and a few irregular verbs)."""
    if verb in IRREGULAR_PARTICIPLES:
        return IRREGULAR_PARTICIPLES[verb]
    if verb in DOUBLING_VERBS:
        return verb + verb[-1] + "ed"
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


def figure_label(
    unit: str,
    counted: str | None,
    predicate: str | None,
    modality: str,
    change: bool,
    names: list[str],
) -> str:
    """A readable name: 'Police officers deployed — Kenya, Haiti', 'Pledged (USD) — US'."""
    what = plural(counted) if counted and unit == "count" else (counted or "")
    says_verb = bool(predicate) and predicate not in NO_PREDICATE
    if predicate and counted_words(counted)[-1:] == [predicate]:
        says_verb = False  # "pledge" pledged
    verb = participle(predicate) if predicate and says_verb else ""
    parts = [p for p in ("additional" if change else "", what, verb) if p]
    modality_word = MODALITY_WORDS.get(modality)
    if modality_word and not any(modality_word.startswith(p.rstrip("s")) for p in parts):
        parts.append(f"({modality_word})" if parts else modality_word)
    if unit != "count":
        parts.append(f"({unit})")
    text = " ".join(parts) or "amount"
    label = text[0].upper() + text[1:]
    return f"{label} — {', '.join(names)}" if names else label
