"""What an article is about, as two weighted bags of features for story assignment.

- *words*: the stems of its content words (stop words dropped), so "killed",
  "kills" and "killing" count as one;
- *names*: what tells two events of the same kind apart: canonical entity keys
  from the extraction, capitalised words inside a sentence, years, numbers and
  the months its dates fall in.

Words in the lead (the headline and first lines) weigh more: news writing puts
who, what, where and when first. Everything here is a pure function of the
article and its extraction, so it costs the same however large the ledger is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer
from spacy.lang.en.stop_words import STOP_WORDS

from storyledger.model import Article, Extraction

WORDS, NAMES = 0, 1  # feature channels
LEAD_CHARS = 300  # the lead: headline and first lines
LEAD_WEIGHT = 3.0  # a feature in the lead counts this many times
NUMBER_WEIGHT = 1.0  # a number other than a year (a toll, a score, a version)
ENTITY_WEIGHT = 0.35  # entity keys add to the capitalised words they replace
CAPITALISED = True
MONTHS = True
SKIP_ENTITY_WORDS = True  # words inside an entity mention count as the entity only
SHORTEST_WORD = 3
TOKEN = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|\d+(?:[.,]\d+)*")
SENTENCE_OPENERS = set(".!?:;|\"“”'‘(\n")
YEAR = re.compile(r"^(1[89]|20)\d\d$")
MONTH_VALUE = re.compile(r"^\d{4}-\d{2}")


@dataclass
class Features:
    """Weighted counts per channel and a readable surface form of each feature."""

    words: dict[str, float] = field(default_factory=dict)
    names: dict[str, float] = field(default_factory=dict)
    surfaces: dict[tuple[int, str], str] = field(default_factory=dict)

    def channel(self, channel: int) -> dict[str, float]:
        return self.words if channel == WORDS else self.names

    def add(self, channel: int, term: str, weight: float, surface: str) -> None:
        counts = self.channel(channel)
        counts[term] = counts.get(term, 0.0) + weight
        self.surfaces.setdefault((channel, term), surface)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return str(_stemmer().stemWord(word))


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


def article_features(article: Article, extraction: Extraction) -> Features:
    """The features of one article: its title and text, its entities and its dates."""
    features = Features()
    title = (article.title or "").strip()
    if title and not article.text.lstrip().startswith(title):
        add_text(features, title, lead=True, entity_starts=set())
    starts = entity_token_starts(extraction) if SKIP_ENTITY_WORDS else set()
    add_text(features, article.text, lead=True, entity_starts=starts)
    add_entities(features, extraction)
    if MONTHS:
        add_months(features, extraction)
    return features


def entity_token_starts(extraction: Extraction) -> set[int]:
    return {i for m in extraction.entities for i in range(m.start, m.end)}


def add_text(features: Features, text: str, lead: bool, entity_starts: set[int]) -> None:
    """Content words, in-sentence capitalised words, years and numbers of a text."""
    for match in TOKEN.finditer(text):
        raw = match.group()
        weight = LEAD_WEIGHT if lead and match.start() < LEAD_CHARS else 1.0
        if raw[0].isdigit():
            add_number(features, raw, weight)
            continue
        word = normalise(raw)
        if len(word) < SHORTEST_WORD or word in STOP_WORDS:
            continue
        term = stem(word)
        features.add(WORDS, term, weight, word)
        if match.start() in entity_starts:
            continue
        if CAPITALISED and raw[0].isupper() and not opens_sentence(text, match.start()):
            features.add(NAMES, term, weight, raw.replace("’", "'").removesuffix("'s"))


def add_number(features: Features, raw: str, weight: float) -> None:
    if YEAR.match(raw):
        features.add(NAMES, f"y:{raw}", weight, raw)
    else:
        features.add(NAMES, f"n:{raw.replace(',', '')}", weight * NUMBER_WEIGHT, raw)


def add_entities(features: Features, extraction: Extraction) -> None:
    """Canonical entity keys: "Kenyan" and "Kenya" are one feature when the extraction says so."""
    for mention in extraction.entities:
        weight = LEAD_WEIGHT if mention.start < LEAD_CHARS else 1.0
        features.add(NAMES, f"e:{mention.key}", weight * ENTITY_WEIGHT, mention.name)


def add_months(features: Features, extraction: Extraction) -> None:
    """The calendar months of the article's dates: two events of one kind rarely share them."""
    for time in extraction.times:
        if time.value and MONTH_VALUE.match(time.value):
            month = time.value[:7]
            features.add(NAMES, f"t:{month}", 1.0, month)


def normalise(raw: str) -> str:
    word = raw.lower().replace("’", "'")
    return word.removesuffix("'s").strip("'-")


def opens_sentence(text: str, start: int) -> bool:
    """True when the token at ``start`` is the first of a sentence, line or quote."""
    window = text[max(0, start - 10) : start].rstrip(" \t")
    if not window:
        return start <= 10  # the start of the text
    return window[-1] in SENTENCE_OPENERS
