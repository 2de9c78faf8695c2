"""Change or level, on news-style sentences of our own: a change carries its direction,
the level it moved to or from carries none."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from storyledger.extract.quantities import find_quantities
from storyledger.extract.times import find_times

PUBLISHED = date(2024, 6, 24)


def changes(nlp: Language, text: str) -> list[tuple[float, str, str | None]]:
    doc = nlp(text)
    return [(q.value, q.unit, q.change) for q in find_quantities(doc, find_times(doc, PUBLISHED))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Shares in the miner rose 4.2% to 212p.",
            [(4.2, "percent", "up"), (212, "GBX", None)],
        ),
        (
            "Brent crude was up 31 cents at US$71.05 a barrel.",
            [(31, "cent", "up"), (71.05, "USD per barrel", None)],
        ),
        ("The pound fell 1.7% against the dollar.", [(1.7, "percent", "down")]),
        ("Exports dropped by 12% in the year to March.", [(12, "percent", "down")]),
        ("The firm reported a 9% rise in quarterly revenue.", [(9, "percent", "up")]),
        ("Officials announced an increase of 5% in fuel prices.", [(5, "percent", "up")]),
        (
            "The carrier's shares tumbled $3.40 to close at $18.20.",
            [(3.40, "USD", "down"), (18.20, "USD", None)],
        ),
        ("The euro, down 0.4 cents, traded near its low.", [(0.4, "cent", "down")]),
        ("Unemployment stood at 6.1% in May.", [(6.1, "percent", None)]),
        ("The toll reached 2,900 on Monday.", [(2900, "count", None)]),
        ("The company racked up $40 million in sales.", [(40e6, "USD", None)]),
        ("Five more losses were reported.", [(5, "count", None)]),
    ],
)
def test_change_and_level(
    nlp: Language, text: str, expected: list[tuple[float, str, str | None]]
) -> None:
    assert changes(nlp, text) == expected
