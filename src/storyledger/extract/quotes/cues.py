"""Cues: the verbs of saying and of stance and "according to", the reported speech they
govern in the parse ("X said (that) ...", "..., Ruto said", "according to X, ...", "X
accused Y of Z"), and the cue a direct quote depends on or stands nearest to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyledger.extract.parse import climb
from storyledger.extract.quotes.context import Context, Reported
from storyledger.extract.quotes.speakers import speaker_from, subject_of, token_before_quote
from storyledger.extract.quotes.words import (
    COMPLEMENTS,
    DIRECT_CUES,
    SPEECH_VERBS,
    STANCE_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def find_reported(context: Context) -> list[Reported]:
    found: list[Reported] = []
    for token in context.doc:
        if token.lower_ == "according":
            found += according_to(context, token)
        elif is_cue_verb(token, SPEECH_VERBS) and not is_infinitive(token):
            content = said_content(token)
            subject = subject_of(token)
            if content is not None and subject is not None:
                attribution = speaker_from(context, subject, token)
                found.append(Reported(*content, token, attribution))
    return found


def outermost(reported: list[Reported]) -> list[Reported]:
    """Reported speech whose cue is not inside the content of other reported speech (the
    outer report holds the inner one: "X said many factors could explain ...")."""
    return [
        r for r in reported if not any(o is not r and o.start <= r.cue.i < o.end for o in reported)
    ]


def is_infinitive(verb: Token) -> bool:
    """ "declined to say", "is expected to announce": no report of what was said."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def is_cue_verb(token: Token, lemmas: frozenset[str]) -> bool:
    if token.pos_ not in {"VERB", "AUX"} or token.lemma_.lower() not in lemmas:
        return False
    if token.dep_ == "amod" or is_passive_participle(token):
        return False
    if token.lemma_.lower() == "point" and not any(c.dep_ == "prt" for c in token.children):
        return False
    return not any(c.dep_ == "neg" for c in token.children)


def is_passive_participle(verb: Token) -> bool:
    """ "Asked whether ..., Ruto said": the participle reports what was said to the subject."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in {"advcl", "acl"}
        and not any(c.dep_ in {"aux", "auxpass", "nsubj"} for c in verb.children)
    )


def said_content(verb: Token) -> tuple[int, int] | None:
    """Token span of what a verb of saying reports: its clause, or the accusation."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            return clause_span(child)
    if verb.lemma_.lower() == "accuse" and any(c.dep_ == "dobj" for c in verb.children):
        return accusation(verb)  # active "accused Y of Z", not the participle "accused of Z"
    if is_parenthetical(verb):
        return clause_around(verb)
    return None


def is_parenthetical(verb: Token) -> bool:
    """A cue set off from the clause it reports: "The plan, he said, would fail", "The
    mission is urgent, Ruto said" (parsed as parataxis, or as a complement of the clause)."""
    if verb.head.pos_ not in {"VERB", "AUX"} or verb.head.i == verb.i:
        return False
    if verb.dep_ == "parataxis":
        return True
    left = verb.left_edge.i
    return (
        verb.dep_ == "ccomp"
        and verb.i > verb.head.i
        and left > 0
        and verb.doc[left - 1].is_punct
        and not any(c.dep_ in COMPLEMENTS for c in verb.children)
    )


def clause_around(verb: Token) -> tuple[int, int] | None:
    """The clause a parenthetical cue follows or interrupts: "The plan, he said, would fail"."""
    cue_phrase = range(verb.left_edge.i, verb.right_edge.i + 1)
    rest = [t.i for t in verb.head.subtree if t.i not in cue_phrase]
    return edge_trimmed(verb.doc, min(rest), max(rest) + 1) if rest else None


def clause_span(head: Token) -> tuple[int, int] | None:
    """The clause under ``head`` without a leading "that", edge punctuation, or a trailing
    participle of saying that the parser hung on it (", calling it a mission ...")."""
    end = head.right_edge.i + 1
    for child in head.rights:
        if child.dep_ == "advcl" and child.tag_ == "VBG" and is_any_cue(child):
            end = min(end, child.left_edge.i)
    return edge_trimmed(head.doc, head.left_edge.i, end)


def edge_trimmed(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Token span without a leading "that", or punctuation or white space at its edges;
    quotation marks are kept when their partner is inside."""
    while start < end and (skippable_edge(doc[start]) or is_that_mark(doc[start])):
        start += 1
    while end > start and skippable_edge(doc[end - 1]):
        end -= 1
    if start < end and sum(t.is_quote for t in doc[start:end]) % 2 == 1:
        if doc[start].is_quote:
            return edge_trimmed(doc, start + 1, end)
        if doc[end - 1].is_quote:
            return edge_trimmed(doc, start, end - 1)
    return (start, end) if start < end else None


def is_that_mark(token: Token) -> bool:
    return token.dep_ == "mark" and token.lower_ == "that"


def skippable_edge(token: Token) -> bool:
    return token.is_space or (token.is_punct and not token.is_quote)


def accusation(verb: Token) -> tuple[int, int] | None:
    """ "accused the government of an insult to justice" -> "an insult to justice"."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objects = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
                if objects:
                    return edge_trimmed(
                        verb.doc, objects[0].left_edge.i, objects[0].right_edge.i + 1
                    )
    return None


def according_to(context: Context, according: Token) -> list[Reported]:
    """ "According to X, ..." / "..., according to X": the clause, attributed to X."""
    source = according_source(according)
    if source is None:
        return []
    clause = climb(according.head, lambda t: t.pos_ not in {"VERB", "AUX"})
    phrase = range(according.left_edge.i, according.right_edge.i + 1)
    tokens = [t.i for t in clause.subtree if t.i not in phrase and not skippable_edge(t)]
    if not tokens:
        return []
    start, end = min(tokens), max(tokens) + 1
    span = edge_trimmed(context.doc, start, end)
    if span is None:
        return []
    return [Reported(*span, according, speaker_from(context, source, according))]


def according_source(according: Token) -> Token | None:
    """X in "according to X"."""
    to = next((c for c in according.children if c.lower_ == "to"), None)
    return next((c for c in to.children if c.dep_ == "pobj"), None) if to else None


def is_any_cue(token: Token) -> bool:
    return is_cue_verb(token, SPEECH_VERBS) or is_cue_verb(token, STANCE_VERBS)


def governing_cue(doc: Doc, inside: range) -> Token | None:
    """The verb of saying or stance the quoted words depend on (a partial quote)."""
    for token in doc[inside.start : inside.stop]:
        if token.head.i in inside:
            continue
        for ancestor in token.ancestors:
            if ancestor.i not in inside and is_any_cue(ancestor):
                return ancestor
    return None


def nearest_cue(context: Context, inside: range, quoted: set[int]) -> Token | None:
    """The verb of saying (or "according") closest to the quote in the sentences it spans,
    in the sentence going on after it on the same line (`"Why?" he asked.`) and in the
    sentence that introduces it with a colon."""
    doc, sentence = context.doc, context.sentence
    first, last = sentence[inside.start], sentence[inside.stop - 1]
    introducing = token_before_quote(doc, inside.start)
    if introducing is not None and introducing.text == ":":  # Ruto said:\n"We are ready."
        first = sentence[introducing.i]
    following = next((t for t in doc[inside.stop :] if not (t.is_punct or t.is_space)), None)
    if following is not None and "\n" not in context.text[doc[inside.stop - 1].idx : following.idx]:
        last = sentence[following.i]
    best: tuple[int, Token] | None = None
    for token in doc[context.bounds[first][0] : context.bounds[last][1]]:
        if token.i in quoted or not (
            is_cue_verb(token, SPEECH_VERBS | DIRECT_CUES) or token.lower_ == "according"
        ):
            continue
        distance = token.i - inside.stop if token.i >= inside.stop else inside.start - token.i
        if best is None or distance < best[0]:
            best = (distance, token)
    return best[1] if best else None
