"""The language of a text, detected offline with py3langid's bundled model.

The extractors read English only, so a report in another language is kept and
searchable but gives no mentions. Short or uncertain texts count as English:
a headline-sized excerpt or a list of figures is too little to tell, and
calling it foreign would lose what the extractors can read in it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

ENGLISH = "en"
MIN_LETTERS = 60  # fewer letters than this are too few to tell a language by
MIN_CONFIDENCE = 0.8  # the detector's normalised probability of its best language
SAMPLE_CHARS = 3000  # the head of a long text tells its language as well as the whole


@lru_cache(maxsize=1)
def identifier() -> LanguageIdentifier:
    """The detector, loaded once per process (about 2 s: its model is unpickled)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """The ISO 639-1 code of ``text``'s language; ``en`` when it is too short or unsure."""
    sample = text[:SAMPLE_CHARS]
    if sum(char.isalpha() for char in sample) < MIN_LETTERS:
        return ENGLISH
    language, confidence = identifier().classify(sample)
    return language if language != ENGLISH and confidence >= MIN_CONFIDENCE else ENGLISH
