"""Values a report retells: said before (undated), or denied (no value of the series)."""

from __future__ import annotations

from datetime import date

import pytest

from storyledger.extract.pipeline import extract
from storyledger.link.figures import candidates
from storyledger.link.retold import denied, revision_reason, said_before
from storyledger.model import Claim, QuantityMention

PUBLISHED = date(2025, 3, 2)


def claim_of(text: str, amount: str) -> tuple[Claim, QuantityMention]:
    extraction = extract(text, PUBLISHED)
    for claim in extraction.claims:
        if claim.quantity is not None and extraction.quantities[claim.quantity].text == amount:
            return claim, extraction.quantities[claim.quantity]
    raise AssertionError([q.text for q in extraction.quantities])


@pytest.mark.parametrize(
    ("text", "amount", "before"),
    [
        ("The agency had previously said that the landslide killed 640 people.", "640", True),
        ("Officials earlier reported 640 dead in the valley.", "640", True),
        ("The ministry initially put the toll at 640.", "640", True),
        ("The landslide killed 640 people, the ministry said.", "640", False),
        ("The toll rose to 640 after rescuers reached the valley.", "640", False),
        ("Rescuers reached the valley earlier and counted 640 dead.", "640", False),
    ],
)
def test_a_value_given_before_is_told_apart(text: str, amount: str, before: bool) -> None:
    claim, quantity = claim_of(text, amount)
    assert said_before(claim, quantity) is before


@pytest.mark.parametrize(
    ("text", "amount", "is_denied"),
    [
        ("The Red Cross denied reports that the ferry sinking killed 900 people.", "900", True),
        ("The governor refuted in a radio interview claims that 900 people died.", "900", True),
        ("The army dismissed the figures of 900 dead as propaganda.", "900", True),
        ("The border guards denied entry to 900 migrants on Sunday.", "900", False),
        ("The ferry sinking killed 900 people, the Red Cross said.", "900", False),
    ],
)
def test_a_denied_value_is_told_apart(text: str, amount: str, is_denied: bool) -> None:
    claim, quantity = claim_of(text, amount)
    assert denied(claim, quantity) is is_denied


def test_a_value_said_before_is_undated_and_a_denied_one_is_no_candidate() -> None:
    text = (
        "The agency now counts 3,100 dead. It had previously stated that the floods had "
        "killed 8,000 people. The coast guard denied reports that 5,000 had drowned."
    )
    found = {c.quantity.text: c.as_of for c in candidates(extract(text, PUBLISHED), PUBLISHED)}
    assert found["3,100"].start is not None  # the report's day
    assert found["8,000"].start is None and found["8,000"].value is None
    assert "5,000" not in found


@pytest.mark.parametrize(
    ("text", "amount", "reason"),
    [
        (
            "The agency amended the toll of the ferry sinking to 318 citing hospital records.",
            "318",
            "citing hospital records",
        ),
        (
            "The ministry lowered the toll to 212 after officials found that some victims had"
            " been counted twice.",
            "212",
            "after officials found that some victims had been counted twice",
        ),
        (
            "After a recount, the commission revised the tally to 4,100 votes.",
            "4,100",
            "After a recount",
        ),
        ("The toll rose to 212 after the second landslide hit the valley.", "212", None),
        ("The ministry revised the toll to 212.", "212", None),
    ],
)
def test_the_reason_of_a_revision_is_the_one_its_sentence_gives(
    text: str, amount: str, reason: str | None
) -> None:
    claim, quantity = claim_of(text, amount)
    assert revision_reason(claim, quantity) == reason
