"""Speakers: the subject of a cue (or the agent of a passive one, or the subject it shares
with its head), keyed by the entity at its head; "he" and "she" take the latest person
whose gender agrees; a named apposition gives its key to an unnamed head; a name and a
colon introduce a quote (`Ruto: "..."`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyledger.extract.parse import climb
from storyledger.extract.quotes.context import Attribution, Context
from storyledger.extract.quotes.words import (
    INHERITS_SUBJECT,
    NOT_IN_SPEAKER,
    PERSONAL_PRONOUNS,
    SUBJECTS,
)
from storyledger.model import Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def attribution_of(context: Context, verb: Token, outside: range) -> Attribution:
    """Speaker and cue of a verb of saying for the direct quote over ``outside``; a subject
    inside the quote is the quote's own ("we will send ...," the head of state said)."""
    subject = subject_of(verb)
    if subject is None or subject.i in outside:
        subject = nearby_subject(verb, outside)
    if subject is None:
        return Attribution(None, None, cue_text(verb), verb.i)
    return speaker_from(context, subject, verb)


def cue_text(verb: Token) -> str:
    """The cue as written: the verb with its particle ("pointed out"), or "according to"."""
    if verb.lower_ == "according" and verb.i + 1 < len(verb.doc):
        return verb.doc[verb.i : verb.i + 2].text
    particle = next((c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1), None)
    return verb.doc[verb.i : particle.i + 1].text if particle else verb.text


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, the agent of a passive one, or the subject it shares with its head."""
    for child in verb.children:
        if child.dep_ in SUBJECTS and child.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
            return verb.head  # "Ruto, who called it ..." -> Ruto
        if child.dep_ in SUBJECTS and child.lower_ not in {"it", "there"}:
            return child
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if verb.dep_ in INHERITS_SUBJECT and verb.head.i != verb.i:
        return subject_of(verb.head)
    return None


def nearby_subject(verb: Token, outside: range) -> Token | None:
    """When the parse gives no usable subject: the noun phrase between the quote and the cue,
    or right after the cue ("...," said the minister)."""
    doc = verb.doc
    if outside.stop <= verb.i:
        gap = range(outside.stop, verb.i)
        candidates = [doc[i] for i in reversed(gap)]
    else:
        gap = range(verb.i + 1, min(len(doc), verb.i + 6))
        candidates = [doc[i] for i in gap]
    for token in candidates:
        if token.pos_ in {"NOUN", "PROPN", "PRON"} and token.i not in outside:
            return climb(
                token,
                lambda t: (
                    t.dep_ not in {"appos", "conj"}
                    and t.head.i in gap
                    and t.head.pos_ in {"NOUN", "PROPN", "ADP"}
                ),
            )
    return None


def speaker_from(context: Context, subject: Token, cue: Token) -> Attribution:
    """The speaker phrase of a subject token, keyed by the entity at its head: the subject's
    own, the latest person's for "he"/"she", or a named apposition's ("coach Bruce Arians")."""
    mention = context.entity_at.get(subject.i)
    if mention is None and subject.lower_ in PERSONAL_PRONOUNS:
        mention = context.latest_person_before(subject)
    tokens = speaker_tokens(subject)
    if mention is None:
        for appos in apposition_chain(subject):
            mention = context.entity_at.get(appos.i)
            if mention is not None and mention.label in {"PERSON", "ORG"}:
                tokens += [appos.i, *speaker_tokens(appos)]
                break
            mention = None
    doc = context.doc
    start, end = doc[min(tokens)], doc[max(tokens)]
    speaker = Speaker(context.text[start.idx : end.idx + len(end)], start.idx, end.idx + len(end))
    return Attribution(speaker, mention.key if mention else None, cue_text(cue), cue.i)


def speaker_tokens(subject: Token) -> list[int]:
    """The subject with its modifiers, without relative clauses and appositions."""
    tokens = [subject.i]
    for child in subject.children:
        if child.dep_ not in NOT_IN_SPEAKER and not child.is_quote:
            tokens += speaker_tokens(child)
    return tokens


def apposition_chain(token: Token) -> list[Token]:
    """Appositions of a token and of its appositions, nearest first."""
    chain: list[Token] = []
    frontier = [token]
    while frontier:
        current = frontier.pop(0)
        appositions = [c for c in current.children if c.dep_ == "appos"]
        chain += appositions
        frontier += appositions
    return chain


def token_before_quote(doc: Doc, start: int) -> Token | None:
    """The last token before the opening mark of a quote starting at token ``start``."""
    index = start - 1
    while index >= 0 and (doc[index].is_quote or doc[index].is_space):
        index -= 1
    return doc[index] if index >= 0 else None


def named_before_colon(context: Context, start: int) -> Attribution | None:
    """`Ruto: "We are ready."` - a name and a colon introduce the quote."""
    colon = token_before_quote(context.doc, start)
    if colon is None or colon.text != ":" or colon.i == 0:
        return None
    mention = context.entity_at.get(colon.i - 1)
    if mention is None or mention.label not in {"PERSON", "ORG"}:
        return None
    speaker = Speaker(mention.text, mention.start, mention.end)
    return Attribution(speaker, mention.key, None)
