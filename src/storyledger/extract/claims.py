"""Claims: one per statement carrying a quantity, a time or an attribution (stub)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyledger.model import Claim, EntityMention, QuantityMention, QuoteMention, TimeMention

if TYPE_CHECKING:
    from spacy.tokens import Doc


def find_claims(
    doc: Doc,
    entities: list[EntityMention],
    times: list[TimeMention],
    quantities: list[QuantityMention],
    quotes: list[QuoteMention],
) -> list[Claim]:
    return []
