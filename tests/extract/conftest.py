"""The spaCy pipeline, loaded once for every extraction test."""

from __future__ import annotations

import pytest
from spacy.language import Language

from storyledger.extract.pipeline import load_nlp


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()
