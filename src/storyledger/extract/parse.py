"""Parse helpers shared by every extractor: sentence numbering (computed once per Doc) and
walks over the parse tree."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def sentence_of_token(doc: Doc) -> list[int]:
    """For each token index, the index of its sentence (cached on the Doc)."""
    cached = doc.user_data.get("storyledger.sentence_of_token")
    if cached is None:
        cached = [0] * len(doc)
        for number, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                cached[i] = number
        doc.user_data["storyledger.sentence_of_token"] = cached
    return cached


def sentence_at_char(doc: Doc, char: int) -> int:
    """The index of the sentence holding character offset ``char``."""
    token = doc.char_span(char, char + 1, alignment_mode="expand")
    if token is None or len(token) == 0:
        return 0
    return sentence_of_token(doc)[token.start]


def climb(token: Token, go_on: Callable[[Token], bool]) -> Token:
    """Walk up the parse tree from ``token`` while ``go_on(token)`` holds, stopping at the
    root. Heads are compared by index: spaCy makes a new Token object on every access, so an
    identity test never sees the root, and a walk bounded by the sentence length always ends."""
    for _ in range(len(token.doc)):
        if token.head.i == token.i or not go_on(token):
            return token
        token = token.head
    return token
