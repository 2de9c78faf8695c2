"""Page furniture gives no claims: captions, "Related:" lists, credits (own sentences)."""

from __future__ import annotations

from datetime import date

import pytest

from storyledger.extract.boilerplate import is_furniture
from storyledger.extract.pipeline import extract


@pytest.mark.parametrize(
    "sentence",
    [
        "Related: Floods kill 40 in the north, 12 missing",
        "READ MORE » 3 dead as storm hits the coast",
        "2 of 5 | Rescuers carry a survivor from the rubble in Karachi.",
        "Photo by Staff/AFP via Getty Images",
        "Image: a flooded street in the valley",
        "Credit: Reuters",
        "Advertisement",
        "4 min read",
    ],
)
def test_page_furniture(sentence: str) -> None:
    assert is_furniture(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Rescuers said 40 people were killed in the north.",
        "A photo of the bridge showed 12 cars swept away.",
        "Related talks will resume on Monday, the ministry said.",
    ],
)
def test_the_report_is_no_furniture(sentence: str) -> None:
    assert not is_furniture(sentence)


def test_a_caption_gives_no_claims() -> None:
    text = (
        "Floods killed 84 people in the Swat valley, officials said.\n\n"
        "2 of 5 | Rescuers carry 3 survivors from the rubble.\n\n"
        "Related: Storm kills 12 in the south"
    )
    extraction = extract(text, date(2025, 3, 5))
    stated = {
        extraction.quantities[c.quantity].value for c in extraction.claims if c.quantity is not None
    }
    assert stated == {84}


def test_a_long_paragraph_is_the_report_whatever_its_first_words() -> None:
    text = "2 min read " + "Floods killed 84 people in the Swat valley, officials said. " * 5
    extraction = extract(text, date(2025, 3, 5))
    assert any(c.quantity is not None for c in extraction.claims)
