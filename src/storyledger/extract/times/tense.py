"""Tense direction of a time expression: does its statement look back or forward?

Read from the spaCy parse: the verb that governs the expression (else the sentence's
root), its morphology (Tense=Past), its auxiliaries ("will", "would", "'ll") and the
predicates it hangs from ("is due to", "is expected to", "plans to", "is set to").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

Direction = Literal["past", "future"]

FUTURE_AUXILIARIES = frozenset({"will", "wo", "'ll", "ll", "shall", "would", "'d"})
# Predicates whose complement lies ahead: "is due to arrive", "plans to send", "set to depart".
FUTURE_PREDICATES = frozenset(
    {
        "due", "expect", "plan", "set", "schedule", "slate", "intend", "aim", "hope", "going",
        "prepare", "poise", "promise", "pledge", "vow", "threaten", "want", "propose", "likely",
    }
)  # fmt: skip
# Verbs that move something to a later date: "was penciled in for October",
# "adjourned until Monday" (but "was postponed on Monday" looks back).
SCHEDULING_VERBS = frozenset(
    {"schedule", "slate", "pencil", "postpone", "delay", "adjourn", "reschedule", "defer", "set"}
)
SCHEDULING_PREPOSITIONS = frozenset({"for", "until", "till", "to"})
# Phrasal verbs that move a date: "put off until", "pushed back to", "brought forward to".
SCHEDULING_PHRASALS = frozenset(
    {("put", "off"), ("push", "back"), ("move", "back"), ("bring", "forward"), ("pull", "forward")}
)
# Words between a scheduling preposition and a later time of the same list: "until Wednesday
# and Thursday, the first to second of November".
TIME_LIST_WORDS = frozenset({"and", "or", ",", "the", "of", "-", "–"})
_TIME_LIST_REACH = 10
# Nouns that name something still ahead: "a May 10 deadline".
FUTURE_NOUNS = frozenset({"deadline", "target"})
# Present-tense reporting verbs: "Ruto says" in a lead or a headline reports the past.
REPORTING_VERBS = frozenset(
    {"say", "tell", "report", "announce", "confirm", "add", "note", "write", "state", "claim"}
)
# Nouns of events that are usually scheduled ahead: "the election in March" is not
# taken for a past event by the rule for event nouns below.
SCHEDULED_EVENT_NOUNS = frozenset(
    {
        "election", "meeting", "summit", "hearing", "session", "conference", "convention",
        "inauguration", "competition", "tournament", "launch", "vote", "referendum", "poll",
        "talks", "visit", "deadline", "target",
    }
)  # fmt: skip
# Suffixes of nouns that name an event or an act: "ruling", "decision", "deployment".
EVENT_NOUN_SUFFIXES = ("ing", "tion", "sion", "ment", "ure", "al")
EVENT_NOUNS = frozenset(
    {"verdict", "attack", "death", "ambush", "raid", "coup", "crash", "arrest", "invasion"}
    | {"strike", "protest", "deal", "move", "order", "win", "defeat", "murder", "riot"}
)
# Words on an event noun that put it ahead: "the upcoming ruling in January".
FUTURE_MODIFIERS = frozenset(
    {"upcoming", "next", "coming", "planned", "scheduled", "expected", "forthcoming", "future"}
)
EVENT_PREPOSITIONS = frozenset({"in", "on", "of"})
_MAX_CLIMB = 6


def _is_verb(token: Token, span: Span) -> bool:
    if token.pos_ not in ("VERB", "AUX") or span.start <= token.i < span.end:
        return False
    return not _is_clock_am(token)


def _is_clock_am(token: Token) -> bool:
    """ "08: 30 am" parsed with "am" as a verb."""
    return token.lower_ == "am" and token.i > 0 and token.nbor(-1).like_num


def _attached_directly(span: Span, verb: Token) -> bool:
    """Whether the expression modifies the verb itself, not a noun on the way ("a May
    announcement", "the injury report for Wednesday")."""
    token = span.root
    for _ in range(_MAX_CLIMB):
        if token.i == verb.i or token.head.i == token.i:
            break
        token = token.head
        if token.i != verb.i and token.pos_ in ("NOUN", "PROPN", "PRON"):
            return False
    return token.i == verb.i


def governing_verb(span: Span) -> Token:
    """The verb the time expression hangs from; when the parse gives none (a verbless
    fragment, a misparse), the verb nearest to it in its sentence, else the sentence root."""
    token = span.root
    for _ in range(_MAX_CLIMB):
        if _is_verb(token, span):
            return token
        if token.head.i == token.i:
            break
        token = token.head
    verbs = [t for t in span.sent if _is_verb(t, span) and t.dep_ not in ("aux", "auxpass")]
    if verbs:
        return min(verbs, key=lambda t: abs(t.i - span.start))
    return span.sent.root


def _has_future_auxiliary(verb: Token) -> bool:
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in FUTURE_AUXILIARIES:
            return True
        if child.dep_ == "aux" and child.lower_ == "to" and _is_going_or_is_to(verb):
            return True
    return False


def _is_going_or_is_to(verb: Token) -> bool:
    """ "going to send" or "is to send": an infinitive whose head is "going" or a form of be."""
    head = verb.head
    return head.i != verb.i and (head.lower_ == "going" or head.lemma_ == "be")


def _future_by_predicate(verb: Token) -> bool:
    """True when a predicate above the verb (up an xcomp chain) points ahead: "due to arrive"."""
    token = verb
    for _ in range(3):
        if token.dep_ not in ("xcomp", "ccomp", "acomp", "advcl") or token.head.i == token.i:
            return False
        token = token.head
        if token.lemma_.lower() in FUTURE_PREDICATES or token.lower_ in FUTURE_PREDICATES:
            return True
        if _has_future_auxiliary(token):
            return True
    return False


def _scheduled_ahead(span: Span, verb: Token) -> bool:
    """ "penciled in for October", "adjourned until Monday", "put off until Wednesday and
    Thursday, the first to second of November": a scheduling verb + for/until before the
    time, or before the list of times it belongs to."""
    if not _is_scheduling(verb):
        return False
    for token in reversed(span.doc[max(0, span.start - _TIME_LIST_REACH) : span.start]):
        if token.lower_ in SCHEDULING_PREPOSITIONS:
            return True
        if not (token.lower_ in TIME_LIST_WORDS or token.like_num or token.ent_type_ == "DATE"):
            return False
    return False


def _is_scheduling(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod")}
    return lemma in SCHEDULING_VERBS or any((lemma, p) in SCHEDULING_PHRASALS for p in particles)


def _is_past(verb: Token) -> bool:
    if "Past" in verb.morph.get("Tense", []) and verb.tag_ != "VBN":
        return True
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    for child in auxiliaries:
        if "Past" in child.morph.get("Tense", []):
            return True
        if child.dep_ == "aux" and child.lemma_ == "have":  # present perfect looks back
            return True
    if verb.tag_ == "VBN" and not auxiliaries:  # "Lohan rear-ended a truck": a mistagged VBD
        return any(c.dep_ == "nsubj" for c in verb.children)
    return verb.tag_ == "VBD"


def _past_participle_clause(verb: Token) -> bool:
    """ "Constable Kaetuai, killed in February, ...", "the officers deployed in May": a past
    participle with no auxiliary that modifies a noun or a clause tells a past event (unless
    it is itself a scheduling or a forward-looking predicate: "a vote scheduled for May")."""
    if verb.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    if verb.dep_ not in ("acl", "relcl", "advcl"):
        return False
    lemma = verb.lemma_.lower()
    return lemma not in FUTURE_PREDICATES and lemma not in SCHEDULING_VERBS


def _is_event_noun(token: Token) -> bool:
    if token.pos_ != "NOUN":
        return False
    lemma = token.lemma_.lower()
    if lemma in SCHEDULED_EVENT_NOUNS:
        return False
    return lemma in EVENT_NOUNS or (len(lemma) > 5 and lemma.endswith(EVENT_NOUN_SUFFIXES))


def _after_event_noun(span: Span) -> bool:
    """ "despite the ruling in January": the expression dates an event noun written right
    before it (whatever verb the parse hangs it from), with no word putting it ahead."""
    if span.start < 2:
        return False
    preposition, noun = span.doc[span.start - 1], span.doc[span.start - 2]
    if preposition.lower_ not in EVENT_PREPOSITIONS or not _is_event_noun(noun):
        return False
    return not any(t.lower_ in FUTURE_MODIFIERS for t in noun.lefts)


def _present_looking_ahead(verb: Token) -> bool:
    """ "The law takes effect in January", "Elections are planned for March", "he is leaving
    on Monday": a present tense with a time names a scheduled future. Not the reporting verbs
    of headlines ("Ruto says ...") nor a present perfect (handled as past)."""
    if verb.lemma_.lower() in REPORTING_VERBS:
        return False
    finite = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    return any("Pres" in t.morph.get("Tense", []) and t.tag_ in ("VBZ", "VBP") for t in finite)


def tense_direction(span: Span) -> Direction | None:
    """ "past", "future", or None when the statement gives no direction."""
    if any(t.lower_ in FUTURE_NOUNS for t in span.root.ancestors if t.pos_ == "NOUN"):
        return "future"
    verb = governing_verb(span)
    if _has_future_auxiliary(verb) or _future_by_predicate(verb) or _scheduled_ahead(span, verb):
        return "future"
    if _is_past(verb) or _past_participle_clause(verb):
        return "past"
    if _after_event_noun(span):
        return "past"
    if _present_looking_ahead(verb) and _attached_directly(span, verb):
        return "future"
    return None
