"""Quantities: values, bounds, units and the thing counted (stub: to be written)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyledger.model import QuantityMention, TimeMention

if TYPE_CHECKING:
    from spacy.tokens import Doc


def find_quantities(doc: Doc, times: list[TimeMention]) -> list[QuantityMention]:
    return []
