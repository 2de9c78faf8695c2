"""Reading the quantities of a test sentence, as the quantity and unit tests do."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from storyledger.extract.quantities import find_quantities
from storyledger.extract.times import find_times
from storyledger.model import QuantityMention

PUBLISHED = date(2024, 6, 24)


def quantities(nlp: Language, text: str) -> list[QuantityMention]:
    doc = nlp(text)
    return find_quantities(doc, find_times(doc, PUBLISHED))


def only(nlp: Language, text: str) -> QuantityMention:
    """The one quantity of the sentence (the test fails, listing them, if it has more)."""
    found = quantities(nlp, text)
    assert len(found) == 1, [(q.text, q.value, q.unit, q.counted) for q in found]
    return found[0]
