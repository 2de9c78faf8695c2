"""Parse helpers shared by every extractor: sentence numbering (computed once per Doc) and walks over the parse tree."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc


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
