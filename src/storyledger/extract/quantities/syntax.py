"""The parse around a quantity: what it counts and the verb that governs it.

"1,000 Kenyan police officers" counts "Kenyan police officer"; for money, what the money
is ("deposited in the trust" -> "trust deposit", "is estimated to cost" -> "project
cost"); "the 1,000 Kenya pledged" belongs to "pledged". Word lists are in ``lexicon``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyledger.extract.quantities import lexicon as lex
from storyledger.extract.quantities.units import currencies

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def counted_noun(span: Span) -> Token | None:
    """The noun an amount counts: "400 officers", "400 of the officers", "a contingent of 400"."""
    root = span.root
    head = root.head
    modifies_noun = root.dep_ in ("nummod", "compound", "amod", "quantmod", "nmod")
    if modifies_noun and head.i >= span.end and head.pos_ in lex.NOUN_POS:
        return None if reduced_relative_verb(span) is not None else head
    if root.dep_ == "appos" and head.i < span.start and head.pos_ == "NOUN":
        return head  # "their officers, 744 after the last reinforcements, ..."
    if root.dep_ == "predet" and head.pos_ in lex.NOUN_POS:
        return head  # "half the buildings"
    for child in root.children:
        # "400 of the officers"; a preposition inside the amount: "one in five households"
        inside = span.start <= child.i < span.end
        if child.dep_ == "prep" and (child.lower_ == "of" or inside):
            preps = [child, *(c for c in child.children if c.dep_ == "prep")]  # "out of"
            objects = [
                c for p in preps for c in p.children if c.dep_ == "pobj" and c.pos_ in lex.NOUN_POS
            ]
            if objects and objects[0].i < span.end:  # "up to a quarter of the city"
                return of_object(objects[0])
            if objects:
                return objects[0]
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in lex.NOUN_POS:
        return head.head
    return None


def of_object(noun: Token) -> Token | None:
    """The noun after "of" of a noun: "quarter of the city" -> "city"."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objects = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ in lex.NOUN_POS]
            if objects:
                return objects[0]
    return None


def counted_thing(span: Span, money: bool, verb: Token | None) -> str | None:
    if money:
        return money_purpose(span, verb)
    noun = counted_noun(span)
    if noun is not None and not (
        noun.lemma_.lower() in lex.COLLECTIVE_HEADS and noun.i < span.start
    ):  # "a contingent of 400" counts its members, said elsewhere
        return noun_phrase_lemma(noun, span)
    if noun is not None:
        return None
    level = level_subject(span, verb)
    if level is not None and level.split()[-1] in lex.COLLECTIVE_HEADS:
        return None  # "bringing the contingent to 600" counts its members, said elsewhere
    return level


def money_purpose(span: Span, verb: Token | None) -> str | None:
    """What an amount of money is, always a noun or nothing: "a $600m budget", "$300m in
    support", "deposited in the trust" -> "trust deposit", "is estimated to cost" ->
    "project cost", "brings the US contribution to $300m" -> "US contribution". A verb with
    no noun of its own ("receive", "bring") says nothing of what the money is."""
    noun = counted_noun(span)
    if noun is not None and noun.lemma_.lower() not in currencies().by_name:
        return noun_phrase_lemma(noun, span)
    for child in span.root.children:
        if child.dep_ == "prep" and child.lower_ in lex.PURPOSE_PREPS:
            objects = [
                c
                for c in child.children
                if c.dep_ == "pobj"
                and c.pos_ in lex.NOUN_POS
                and not names_time(c)
                and c.lemma_.lower() not in currencies().by_name  # "billions of dollars"
            ]
            if objects:
                return noun_phrase_lemma(objects[0], span)
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    if lemma == "cost":
        subject = subject_of(verb)
        usable = subject is not None and subject.pos_ == "NOUN" and span.root not in subject.subtree
        return f"{subject.lemma_.lower()} cost" if usable and subject is not None else "cost"
    level = level_subject(span, verb)
    if level is not None:
        return level
    containers = [
        c
        for prep in verb.children
        if prep.dep_ == "prep"
        and prep.lower_ in lex.CONTAINER_PREPS
        and span.root not in prep.subtree
        for c in prep.children
        if c.dep_ == "pobj" and c.pos_ in lex.NOUN_POS and not names_time(c)
    ]
    words = [noun_phrase_lemma(containers[0], span)] if containers else []
    nominal = lex.MONEY_NOUNS.get(lemma)
    return " ".join([*words, nominal] if nominal else words) or None


def names_time(noun: Token) -> bool:
    """ "in May", "in 2024", "in the first week": a time, not a purpose or a container."""
    return (
        noun.lower_.rstrip(".") in lex.MONTHS
        or noun.lemma_.lower() in lex.TIME_NOUNS
        or noun.like_num
    )


def level_subject(span: Span, verb: Token | None) -> str | None:
    """The thing whose level an amount gives: "brings the US contribution to $300m" (the
    object of a moving verb), "inflation rose to 5.4%", "the fund reached $110m", "the
    budget is $1.2bn" (the subject of a level verb or of "be"). Words that only say a
    number is a total ("bringing the total to 600") name nothing."""
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    root = span.root
    if lemma in lex.MOVING_VERBS and (
        any(c.dep_ == "prep" and c.lower_ == "to" and root in c.subtree for c in verb.children)
        or (root.head.lower_ == "to" and root in verb.subtree)
    ):
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
        return phrase_unless_relational(objects[0], span) if objects else None
    if lemma in lex.MOVING_VERBS and any(
        c.dep_ == "nsubj" and root in c.subtree for c in verb.children
    ):  # "$100 million brings the contribution to $300 million": a change of the same thing
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
        has_to = any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)
        return phrase_unless_relational(objects[0], span) if objects and has_to else None
    if lemma in lex.LEVEL_VERBS or lemma == "be" or (lemma in lex.HOLDING_VERBS and is_money(span)):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and subjects[0].pos_ == "NOUN" and root not in subjects[0].subtree:
            return phrase_unless_relational(subjects[0], span)
    if lemma in lex.VALUING_VERBS and root.head.lower_ == "at" and root.head.head.i == verb.i:
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and c.pos_ == "NOUN"]
        return phrase_unless_relational(subjects[0], span) if subjects else None
    return None


def is_money(span: Span) -> bool:
    return any(t.tag_ == "$" or t.lower_ in currencies().by_name for t in span)


def phrase_unless_relational(noun: Token, span: Span) -> str | None:
    """The noun phrase, or what a relational head is "of": "the number of Kenyan officers"
    counts Kenyan officers; "the total" alone names nothing."""
    if noun.lemma_.lower() in lex.RELATIONAL_HEADS:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objects = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ in lex.NOUN_POS]
                if objects and not (span.start <= objects[0].i < span.end):
                    return noun_phrase_lemma(objects[0], span)
        return None
    return noun_phrase_lemma(noun, span)


def noun_phrase_lemma(noun: Token, amount: Span) -> str:
    """ "1,000 Kenyan police officers" -> "Kenyan police officer": modifiers, head lemma."""
    words = [
        t.text if t.pos_ == "PROPN" or t.text[:1].isupper() else t.lower_
        for t in modifiers(noun)
        if not (amount.start <= t.i < amount.end)
    ]
    head = noun.text if noun.pos_ == "PROPN" else noun.lemma_.lower()
    return " ".join([*words, head])


def modifiers(noun: Token) -> list[Token]:
    """The compound and adjective modifiers left of a noun, with their own compounds."""
    found: list[Token] = []
    for child in noun.lefts:
        if child.dep_ in ("compound", "amod", "nmod") and child.pos_ in ("NOUN", "PROPN", "ADJ"):
            if child.lower_ in lex.RELATIONAL or child.like_num:
                continue
            found.extend(t for t in child.lefts if t.dep_ == "compound" and t.pos_ in lex.NOUN_POS)
            found.append(child)
    return found


def governing_verb(span: Span) -> Token | None:
    """The verb a quantity belongs to: a clause on the counted noun, else the nearest verb above.

    A number stands in its own clause: "the 1,000 Kenya pledged" belongs to "pledged" (a
    relative clause without a pronoun, which the parse often takes for the main verb), "of
    whom about 600 are in Haiti" is no clause of the 1,000 before it, and "their officers,
    744 after the last reinforcements, will stay" says 744 of no verb at all."""
    reduced = reduced_relative_verb(span)
    if reduced is not None:
        return reduced
    if span.root.dep_ == "appos":
        return None
    for child in span.root.rights:  # "out of the 1,000 it pledged"
        if child.dep_ == "relcl" and child.pos_ in lex.VERB_POS:
            return deepest_xcomp(child)
    noun = counted_noun(span)
    if noun is not None:
        for child in noun.rights:
            if (
                child.dep_ in ("relcl", "acl")
                and child.pos_ in lex.VERB_POS
                and not partitive_clause(child)
            ):
                return deepest_xcomp(child)
    token = span.root
    while token.head.i != token.i:
        token = token.head
        if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ not in ("aux", "auxpass")):
            return moved_by(token, span) or token
    return token if token.pos_ in lex.VERB_POS else None


def reduced_relative_verb(span: Span) -> Token | None:
    """ "out of the 1,000 Kenya has pledged": a number on a singular proper noun followed by
    a verb counts what that noun's verb did, not the noun: the verb, else None."""
    root, head = span.root, span.root.head
    if root.dep_ != "nummod" or head.tag_ not in ("NNP", "PRP") or head.i + 1 >= len(head.doc):
        return None
    following = head.doc[head.i + 1]
    if following.pos_ == "VERB":
        return following
    if following.pos_ == "AUX" and following.dep_ in ("aux", "auxpass"):
        verb = following.head
        return verb if verb.pos_ == "VERB" and verb.i > following.i else None
    return None


def reduced_relative_subject(span: Span) -> Token | None:
    """The proper noun that is the subject of a reduced relative ("the 1,000 Kenya pledged")."""
    return span.root.head if reduced_relative_verb(span) is not None else None


def partitive_clause(clause: Token) -> bool:
    """ "officers, of whom about 600 are in Haiti": a clause about a part of the noun."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and any(t.tag_ in ("WP", "WDT") and t.head.dep_ == "prep" for t in c.subtree)
        for c in clause.children
    )


def moved_by(verb: Token, span: Span) -> Token | None:
    """ "bringing the number of officers serving with the mission to 744": the parse hangs
    "to 744" from the participle on the moved noun; the amount belongs to the moving verb."""
    if verb.dep_ != "acl" or span.root.head.lower_ != "to" or span.root.head.head.i != verb.i:
        return None
    token = verb.head
    while token.head.i != token.i and token.pos_ not in lex.VERB_POS:
        token = token.head
    if token.lemma_.lower() in lex.MOVING_VERBS and not any(
        c.lower_ == "to" and c.dep_ == "prep" for c in token.children
    ):
        return token
    return None


def deepest_xcomp(verb: Token) -> Token:
    """ "set to be deployed" -> "deployed", "expects to send" -> "send"."""
    while True:
        nxt = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in lex.VERB_POS]
        if not nxt:
            return verb
        verb = nxt[0]


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, or of the verbs it complements ("Kenya expects to send")."""
    token = verb
    while True:
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        if token.dep_ not in ("xcomp", "conj", "advcl", "relcl", "acl") or token.head.i == token.i:
            return None
        if token.dep_ in ("relcl", "acl") and token.head.pos_ in lex.NOUN_POS:
            return None if token.dep_ == "relcl" else token.head
        token = token.head
