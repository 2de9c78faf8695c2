"""Time expressions normalised to TIMEX3 (stub: to be written)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from storyledger.model import TimeMention

if TYPE_CHECKING:
    from spacy.tokens import Doc


def find_times(doc: Doc, published: date | None) -> list[TimeMention]:
    return []
