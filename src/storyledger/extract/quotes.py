"""Direct and reported quotes with their speakers (stub: to be written)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyledger.model import EntityMention, QuoteMention

if TYPE_CHECKING:
    from spacy.tokens import Doc


def find_quotes(doc: Doc, entities: list[EntityMention]) -> list[QuoteMention]:
    return []
