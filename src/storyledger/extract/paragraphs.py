"""A page's paragraphs as sentence boundaries, set before the parser runs.

A news page copied as text puts its headline, a kicker, captions and credits in
paragraphs of their own, often without a full stop: the parser reads them into the
report's first sentence ("Libya floods: aid arrives  The first convoy reached
Derna ..."), and that sentence's claims and dates mix the headline with the lead. A
blank line always ends a sentence (the parser keeps a sentence start it is given).

A single line break is left to the parser: a headline on a line of its own cannot be
told from text wrapped at a fixed width by the line alone, and splitting there cost
the story benchmark (ECB+, one sentence per line, titles without a full stop: B-cubed
F1 0.898 against 0.901).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

if TYPE_CHECKING:
    from spacy.tokens import Doc

COMPONENT = "storyledger_paragraphs"


@Language.component(COMPONENT)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line."""
    for token in doc[:-1]:
        if token.is_space and is_blank_line(token.text):
            doc[token.i + 1].is_sent_start = True
    return doc


def is_blank_line(whitespace: str) -> bool:
    """The whitespace holds an empty line: two line breaks with only spaces between."""
    return "\n\n" in whitespace.replace(" ", "").replace("\t", "").replace("\r", "")
