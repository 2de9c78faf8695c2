"""Change or level: whether an amount states a change, and its direction.

"rose 4.2% to 212p" states a change (4.2%, up) and a level (212p); "was up 31 cents at
US$71.05" a change of 31 cents and a level of $71.05; "fell 1.7%" a change down; "a 5%
rise" and "an increase of 5%" changes up. An amount after "to", "at" or "from" is the
level the change moved from or to, and has no direction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyledger.extract.quantities import lexicon as lex

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

UP, DOWN = "up", "down"


def change_of(span: Span, counts_nothing: bool) -> str | None:
    """ "up", "down" or None for the amount that ``span`` covers; ``counts_nothing`` when
    its unit is no count (a count before "losses" counts them, it is no change)."""
    token = role_token(span)
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in lex.LEVEL_PREPS:
        return None
    if token.dep_ == "pobj" and head.lower_ in lex.CHANGE_PREPS:
        return direction(head.head)
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        return noun_direction(head.head)  # "an increase of 5%"
    if token.dep_ in ("compound", "nummod", "amod", "nmod") and head.pos_ == "NOUN":
        measures = counts_nothing and head.i >= span.end
        return noun_direction(head) if measures else None  # "a 5% rise", not "five losses"
    word_before = span.doc[span.start - 1] if span.start > 0 else None
    if (
        word_before is not None
        and word_before.lower_ in ("up", "down")
        and word_before.dep_ != "prt"
    ):
        return UP if word_before.lower_ == "up" else DOWN  # "Nasdaq, down 34 cents"
    if token.dep_ in ("dobj", "npadvmod", "advmod", "attr", "obj"):
        return direction(head) if head.i != token.i else None
    return None


def role_token(span: Span) -> Token:
    """The token whose dependency tells the amount's role: the root, or the first of a
    coordination ("fell 2%, or $1.40 a share" gives $1.40 the role of 2%)."""
    token = span.root
    while token.dep_ in ("conj", "appos") and token.head.i < token.i:
        token = token.head
    return token


def direction(word: Token) -> str | None:
    for candidate in (word.lemma_.lower(), word.lower_):
        if candidate in lex.UP_WORDS:
            return UP
        if candidate in lex.DOWN_WORDS:
            return DOWN
    return None


def noun_direction(noun: Token) -> str | None:
    lemma = noun.lemma_.lower()
    if lemma in lex.UP_NOUNS:
        return UP
    if lemma in lex.DOWN_NOUNS:
        return DOWN
    return None
