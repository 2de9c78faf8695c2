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

from lemminflect import getInflection, getLemma

from storyledger.extract.claims import NOUN_MODALITY
from storyledger.link.measures import LABELS as MEASURE_LABELS
from storyledger.link.measures import (
    Measure,
    measure_change,
    measure_modality,
    measure_of,
    sentence_measure,
    states,
)
from storyledger.link.scopes import ELSEWHERE, Scope
from storyledger.model import Claim, Extraction, QuantityMention

# Asserted and reported statements are both statements of what is (or was) the case.
MODALITY_CLASS = {"reported": "asserted"}
# Words that say how a number relates to others, not what it counts.
NOT_COUNTED = frozenset(
    {"a", "an", "the", "of", "more", "additional", "another", "extra", "further", "new"}
    | {"other", "some", "about", "total", "first", "second", "third", "last", "fresh"}
    | {"latest", "initial", "annual", "yearly", "monthly", "weekly", "daily", "estimated"}
    | {"original", "current", "overall", "whole", "remaining"}
)
# Modifiers that pick out a part of what their head counts: "24 women officers were among
# the 144" is no value of the officers.
SUBSET_MODIFIERS = frozenset(
    {"woman", "women", "man", "men", "female", "male", "child", "children", "girl", "boy"}
    | {"civilian", "senior", "junior", "injured", "wounded", "dead", "missing"}
)
# Verbs of one movement of people or goods: "400 officers landed" adds 400 to those there,
# unless it is the first ("the first 400 landed": the level was 0).
FLOW_VERBS = frozenset({"arrive", "land", "fly", "send", "dispatch", "ship", "airlift"})
# "the 400 officers who arrived on June 25": a group already known, not a new arrival.
DEFINITE_BEFORE = re.compile(r"\bthe\s+(?:about\s+|some\s+)?$", re.IGNORECASE)
FIRST_BEFORE = re.compile(r"\b(?:first|initial)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
# Verbs that only say a value is a level: "has 744 officers", "the fund held $21m".
LEVEL_PREDICATES = frozenset(
    {"have", "be", "hold", "number", "bring", "reach", "total", "amount", "stand", "remain"}
    | {"take", "push", "rise", "fall", "grow", "climb", "serve", "estimate", "put", "value"}
)
NO_PREDICATE = frozenset({"be", "have", "say", "do"})
# Nouns that count as their own plural ("20 staff"), where the lemmatizer offers "staffs".
COLLECTIVE_NOUNS = frozenset({"staff"})
MODALITY_WORDS = {
    "pledged": "pledged",
    "planned": "planned",
    "estimated": "(estimated)",
    "needed": "needed",
}
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})
PRONOUNS = frozenset({"it", "they", "we", "he", "she", "which", "who", "that", "this", "i", "you"})
# Events that make their own count of what they happen to: "two officers died" are deaths.
EVENT_PREDICATES = frozenset(
    {"die", "kill", "injure", "wound", "arrest", "kidnap", "abduct", "displace", "flee"}
    | {"lose", "detain", "murder", "shoot", "rescue", "release", "evacuate", "dismiss"}
)


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
    measure: str | None = None  # "deaths", "injured", ... (see link.measures)
    scope: str | None = None  # the place the report sets the number apart for (link.scopes)

    @property
    def head(self) -> str:
        return self.words[-1] if self.words else ""

    @property
    def keyless(self) -> bool:
        """Nothing says what the number counts ("The first 400 landed in June")."""
        return is_keyless(self.words)

    def blocks(self) -> list[str]:
        """Blocking keys: unit, modality, level-vs-change and one word each."""
        prefix = f"{self.unit}|{self.modality}|{int(self.change)}|"
        return [prefix + word for word in dict.fromkeys(self.words or [""])]


def is_keyless(words: list[str]) -> bool:
    return all(w.startswith("~") for w in words)


def is_measure(words: list[str]) -> bool:
    """The key of a measure ("@deaths"): its subjects are not part of it."""
    return any(w.startswith("@") for w in words)


def revised_daily(words: list[str]) -> bool:
    """A toll of a happening (deaths, injured, missing): revised from one report to the next.
    A quake's magnitude is a fact of a moment: agencies that disagree on it conflict."""
    return is_measure(words) and "@magnitude" not in words


def weak_alignment(words: list[str], figure_words: list[str]) -> bool:
    """Nothing known on one side, or nothing at all, or different verbs of nothing known:
    such a claim may join a figure only to agree with a value it holds."""
    if not words or not figure_words:
        return True
    if is_keyless(words) and is_keyless(figure_words):
        return set(words) != set(figure_words)
    return is_keyless(words) or is_keyless(figure_words)


def singular(word: str) -> str:
    """The noun's lemma: 'officers' -> 'officer', 'women' -> 'woman' (lemminflect)."""
    forms = getLemma(word, upos="NOUN")
    return forms[0] if forms else word


def counted_words(counted: str | None) -> list[str]:
    """Lower-cased singular content words of what is counted, head last. Capitalised
    words ("Kenyan police officer") name who, not what: the entities say who."""
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", counted or "")
    found = (singular(w) for w in words if w[0].islower() and w not in NOT_COUNTED)
    return [w for w in found if w]


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


def claim_key(
    claim: Claim, quantity: QuantityMention, extraction: Extraction, scope: Scope | None = None
) -> FigureKey:
    """The key of a quantity claim; ``scope`` where the report sets its number apart (see
    ``link.scopes``)."""
    counted = counted_of(claim, quantity, extraction)
    modality = modality_class(claim.modality)
    # "the US pledge" of a pledge: the noun only repeats the modality
    words = [w for w in counted_words(counted) if NOUN_MODALITY.get(w) != modality]
    predicate = (quantity.predicate or claim.predicate or "").lower()
    measure = measure_of(claim, quantity)
    if measure is None and scope is not None and quantity.unit == "count":
        measure = sentence_measure(claim)  # "including 1,452 in Al Haouz, 764 in Taroudant"
    if measure is not None:  # "killed", "dead", "death toll": one measure, a part kept apart
        words = [w for w in words if w in SUBSET_MODIFIERS and not states(w, measure)]
        words.append("@" + measure.name)
        modality = measure_modality(claim, quantity, modality)
    elif not words and predicate and predicate not in NO_PREDICATE:
        words = ["~" + predicate]
    elif predicate in EVENT_PREDICATES:
        words = ["~" + predicate, *words]  # "two officers died": deaths, not officers
    if scope is not None:
        words = [*words[:-1], "#" + scope.key, *words[-1:]]
    before = claim.text[: max(0, quantity.start - claim.start)]
    arrival = (
        modality == "asserted"
        and predicate in FLOW_VERBS
        and not FIRST_BEFORE.search(before)
        and not DEFINITE_BEFORE.search(before)
    )
    return FigureKey(
        unit=quantity.unit,
        modality=modality,
        change=change_of(claim, quantity, measure, scope, arrival),
        words=words,
        # who caused or announced a toll is not what it counts: a measure has no actors
        actors=set()
        if measure
        else subject_entities(claim, extraction) or pledger(claim, quantity, modality),
        entities=key_entities(claim, extraction),
        counted=counted,
        measure=measure.name if measure else None,
        scope=scope.name if scope else None,
    )


def change_of(
    claim: Claim,
    quantity: QuantityMention,
    measure: Measure | None,
    scope: Scope | None,
    arrival: bool,
) -> bool:
    """An addition rather than a level. "A further 170 died outside Derna" is further in
    place, not in time; a toll is an addition only where it says so (``measure_change``)."""
    if scope is not None and scope.key == ELSEWHERE:
        return False
    if measure is not None:
        return measure_change(claim, quantity, claim.change)
    return claim.change or arrival


def pledger(claim: Claim, quantity: QuantityMention, modality: str) -> set[str]:
    """Who pledged, when the subject names no entity: "Donors had pledged $110m" is a pledge
    of donors ("~donor"), never the United States' pledge. Pronouns say nothing."""
    subject = (claim.subject or "").strip()
    if modality != "pledged" or not subject or quantity.text in subject:
        return set()
    words = re.findall(r"[A-Za-z]+", subject)
    if not words or words[-1].lower() in PRONOUNS:
        return set()
    return {"~" + singular(words[-1].lower())}


def counted_of(claim: Claim, quantity: QuantityMention, extraction: Extraction) -> str | None:
    """What is counted; a total that does not say ("bringing the contingent to 600") counts
    what the other amounts of its sentence in the same unit count."""
    if quantity.counted:
        return quantity.counted
    modality = {c.quantity: modality_class(c.modality) for c in extraction.claims}
    own = modality_class(claim.modality)
    siblings = (
        q.counted
        for i, q in enumerate(extraction.quantities)
        if q is not quantity
        and q.unit == quantity.unit
        and claim.start <= q.start < claim.end
        and modality.get(i) == own  # "5,000 would be needed, and a force of 2,500 ..."
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
    "police"); the subjects must not name different entities (a pledge by "donors" is not one by
    the United States). A number of nothing known
    (either side keyless) aligns weakly: the caller lets it join only a figure that
    already holds its value.
    """
    if (claim.unit, claim.modality, claim.change) != (figure.unit, figure.modality, figure.change):
        return None
    if weak_alignment(claim.words, figure.words):
        word_score: float | None = 0.5
    elif claim.keyless:
        word_score = 2.0  # the same verb of nothing known: "gangs control 80%", then "90%"
    else:
        word_score = words_alignment(claim.words, figure.words)
    if word_score is None:
        return None
    disjoint = claim.actors and figure.actors and not claim.actors & figure.actors
    if disjoint and not is_measure(figure.words):
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
    if (modifiers ^ figure_modifiers) & SUBSET_MODIFIERS:
        return None  # "women officers" are a part of the officers, not their number
    if {w for w in words if w[:1] in ("~", "#")} != {
        w for w in figure_words if w[:1] in ("~", "#")
    }:
        return None  # officers who died are not officers deployed, Al Haouz is not Taroudant
    return 2.0 if head == figure_head else 1.0


# -- labels ------------------------------------------------------------------------------


def plural(phrase: str) -> str:
    """'police officer' -> 'police officers', 'woman' -> 'women'; proper names and nouns
    that are their own plural ('personnel', 'aid') stay."""
    *before, last = phrase.split(" ") if phrase else [""]
    if not last or last[:1].isupper():
        return phrase
    forms = getInflection(last, tag="NNS")
    if not forms or last in COLLECTIVE_NOUNS or singular(last) != last:
        return phrase
    return " ".join([*before, forms[0]])


def participle(verb: str) -> str:
    """'deploy' -> 'deployed', 'send' -> 'sent' (lemminflect)."""
    forms = getInflection(verb, tag="VBN")
    return forms[0] if forms else verb


def figure_label(
    unit: str,
    counted: str | None,
    predicate: str | None,
    modality: str,
    change: bool,
    names: list[str],
    measure: str | None = None,
) -> str:
    """A readable name: 'Police officers deployed — Kenya, Haiti', 'Pledged (USD) — US',
    'Deaths — Libya'.

    A measure says its own name ("Deaths", "People missing"). A pledge, plan or need says
    so instead of its verb ("Police officers pledged", not "sent (pledged)"); a level says
    no verb ("UN trust fund (USD)", not "held")."""
    if measure is not None:
        return measure_label(measure, counted, modality, change, names)
    what = plural(counted) if counted and unit == "count" else (counted or "")
    says_verb = bool(predicate) and predicate not in NO_PREDICATE
    if predicate and counted_words(counted)[-1:] == [predicate]:
        says_verb = False  # "pledge" pledged
    if predicate in LEVEL_PREDICATES and what:
        says_verb = False  # "UN trust fund held" -> "UN trust fund"
    modality_word = MODALITY_WORDS.get(modality)
    if modality_word and not modality_word.startswith("("):
        says_verb = False  # "sent (pledged)" -> "pledged"
    verb = participle(predicate) if predicate and says_verb else ""
    if not what and verb and not modality_word and unit != "count":
        what = "amount"  # "Amount affected (USD)", not "Affected (USD)"
    parts = [p for p in ("additional" if change else "", what, verb) if p]
    if modality_word and not any(
        modality_word.strip("()").startswith(p.split()[-1].rstrip("s")) for p in parts
    ):
        parts.append(modality_word)
    if unit != "count":
        parts.append(f"({unit})")
    text = " ".join(parts) or "amount"
    label = text[0].upper() + text[1:]
    return f"{label} — {', '.join(names)}" if names else label


def measure_label(
    measure: str, counted: str | None, modality: str, change: bool, names: list[str]
) -> str:
    """'Deaths — Libya', 'Additional people injured', 'Deaths (estimated)', 'Deaths of
    children'."""
    parts = ["Additional " + MEASURE_LABELS[measure].lower() if change else MEASURE_LABELS[measure]]
    part_of = [plural(w) for w in counted_words(counted) if w in SUBSET_MODIFIERS]
    if part_of:
        parts.append("of " + " and ".join(dict.fromkeys(part_of)))
    if modality in MODALITY_WORDS:
        parts.append(f"({MODALITY_WORDS[modality].strip('()')})")
    label = " ".join(parts)
    return f"{label} — {', '.join(names)}" if names else label
