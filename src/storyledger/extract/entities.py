"""Entity mentions with canonical keys (stub: to be written)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyledger.model import EntityMention

if TYPE_CHECKING:
    from spacy.tokens import Doc


def find_entities(doc: Doc) -> list[EntityMention]:
    return []
