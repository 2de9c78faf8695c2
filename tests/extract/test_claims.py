"""Claims: modality, polarity, level vs change, time and attribution of hand-written sentences."""

from __future__ import annotations

from datetime import date

import pytest

from storyledger.extract.pipeline import extract
from storyledger.model import Claim, Extraction

PUBLISHED = date(2024, 6, 24)


def quantity_claims(
    text: str, published: date | None = PUBLISHED
) -> tuple[Extraction, list[Claim]]:
    extraction = extract(text, published)
    return extraction, [c for c in extraction.claims if c.quantity is not None]


def claim_of(text: str, amount: str) -> Claim:
    extraction, claims = quantity_claims(text)
    found = [c for c in claims if extraction.quantities[c.quantity or 0].text == amount]
    assert len(found) == 1, [(extraction.quantities[c.quantity or 0].text) for c in claims]
    return found[0]


# --- modality ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount", "modality"),
    [
        ("Kenya pledged 1,000 officers to the mission.", "1,000", "pledged"),
        ("The US has promised $300 million.", "$300 million", "pledged"),
        ("Kenya will send 1,000 officers.", "1,000", "planned"),
        ("Kenya plans to send 1,000 officers.", "1,000", "planned"),
        ("1,000 Kenyan police officers are set to be deployed.", "1,000", "planned"),
        ("Officials announced plans to hire 500 teachers.", "500", "planned"),
        ("The mission is expected to cost $600 million.", "$600 million", "estimated"),
        ("The cost was estimated at $600 million.", "$600 million", "estimated"),
        ("At least 5,000 officers would be needed.", "At least 5,000", "needed"),
        ("400 officers landed in Port-au-Prince on Tuesday.", "400", "asserted"),
        ("Kenya led the mission, deploying 1,000 police officers.", "1,000", "asserted"),
    ],
)
def test_modality(text: str, amount: str, modality: str) -> None:
    assert claim_of(text, amount).modality == modality


def test_a_participle_clause_takes_the_future_of_its_clause() -> None:
    """'will lead the mission, deploying 1,000 officers': deploying is planned too."""
    text = (
        "Kenya will lead the mission, which was approved by the UN Security Council in"
        " October, deploying 1,000 police officers to the poorest Caribbean nation."
    )
    assert claim_of(text, "1,000").modality == "planned"


def test_expecting_ones_own_action_is_a_plan() -> None:
    text = "It is the first contingent out of 1,000 police that Kenya expects to send."
    assert claim_of(text, "1,000").modality == "planned"


def test_expecting_what_others_do_stays_an_estimate() -> None:
    assert claim_of("Kenya is expected to send 1,000 officers.", "1,000").modality == "estimated"
    text = "Analysts expect the bill to reach $2 billion."
    assert claim_of(text, "$2 billion").modality == "estimated"


def test_the_three_seed_wordings_of_the_pledge_share_a_modality() -> None:
    wordings = [
        ("Kenya will lead the mission, deploying 1,000 police officers to Haiti.", "1,000"),
        ("The first contingent out of 1,000 police that Kenya expects to send.", "1,000"),
        ("The plan covers the 1,000 Kenyan police officers set to be deployed.", "1,000"),
    ]
    assert {claim_of(text, amount).modality for text, amount in wordings} == {"planned"}


# --- polarity, change, time, attribution ------------------------------------------------


def test_a_verbless_sentence_ends() -> None:
    """No verb above the amount: the search for the governing verb stops at the root."""
    claim = claim_of("The total of 1,000 Kenyan police officers set to be deployed.", "1,000")
    assert claim.quantity is not None


def test_negation() -> None:
    assert claim_of("Kenya did not send 1,000 officers.", "1,000").polarity == "negative"
    assert claim_of("Kenya sent 1,000 officers.", "1,000").polarity == "positive"


def test_change_against_level() -> None:
    text = "Another 200 officers arrived on Tuesday, bringing the total to 600."
    assert claim_of(text, "200").change is True
    assert claim_of(text, "600").change is False
    assert claim_of("Kenya sent 144 additional officers.", "144").change is True


@pytest.mark.parametrize(
    ("text", "amount", "change"),
    [
        ("More than 2,400 people have been displaced by the fire.", "More than 2,400", False),
        ("The storm killed more than 90 people in the valley.", "more than 90", False),
        ("Rescuers said 40 more bodies were pulled from the river.", "40", True),
        ("The ministry gave a new death toll of 1,250 on Friday.", "1,250", False),
        ("The latest tally stands at 312 confirmed cases.", "312", False),
        ("Officials reported 18 further deaths overnight.", "18", True),
        ("The donors added $5 million more to the fund.", "$5 million", True),
    ],
)
def test_a_bound_or_a_toll_is_a_level_and_more_after_an_amount_a_change(
    text: str, amount: str, change: bool
) -> None:
    assert claim_of(text, amount).change is change


def test_time_is_the_date_the_statement_is_about() -> None:
    text = "Kenya sent an initial contingent of 400 in June."
    extraction, claims = quantity_claims(text, date(2024, 7, 17))
    time = extraction.times[claims[0].time or 0]
    assert claims[0].time is not None and time.value == "2024-06"


def test_a_plan_never_takes_the_time_of_a_past_clause() -> None:
    text = (
        "Ruto held a ceremony on Monday for 400 officers who will arrive later this week,"
        " the first of 1,000 police that Kenya expects to send."
    )
    extraction = extract(text, PUBLISHED)
    arrive, send = claim_of(text, "400"), claim_of(text, "1,000")
    assert arrive.time is not None and extraction.times[arrive.time].value == "2024-W26"
    assert send.modality == "planned" and send.time is None


@pytest.mark.parametrize(
    ("text", "amount", "value"),
    [  # published on Wednesday 2024-06-26
        (
            "The report was updated on Sunday morning by the agency, the UN has now put the"
            " toll at 3,958.",
            "3,958",
            "2024-06-23TMO",
        ),
        (
            "The ministry said on Monday that the toll has now risen to 3,000.",
            "3,000",
            "2024-06-24",
        ),
        ("Officials said on Sunday that 700 people are currently missing.", "700", "2024-06-23"),
        (
            "On Monday the toll stood at 2,000 and it has now risen to 3,000.",
            "3,000",
            "PRESENT_REF",
        ),
        (
            "The toll, which stood at 2,000 on Monday, has now risen to 3,000.",
            "3,000",
            "PRESENT_REF",
        ),
        (
            "After the meeting on Monday, donors now say 12 countries have pledged.",
            "12",
            "PRESENT_REF",
        ),
    ],
)
def test_now_is_the_time_of_the_statement_it_is_told_in(text: str, amount: str, value: str) -> None:
    extraction = extract(text, date(2024, 6, 26))
    found = [
        c
        for c in extraction.claims
        if c.quantity is not None and extraction.quantities[c.quantity].text == amount
    ]
    assert len(found) == 1 and found[0].time is not None
    assert extraction.times[found[0].time].value == value


def test_no_time_without_a_publication_date_for_a_relative_one() -> None:
    extraction, claims = quantity_claims("Kenya sent 400 officers on Monday.", None)
    time = extraction.times[claims[0].time] if claims[0].time is not None else None
    assert time is None or not time.resolved


def test_attribution_from_reported_speech() -> None:
    text = "A UN official said in March that at least 5,000 officers would be needed."
    claim = claim_of(text, "at least 5,000")
    assert claim.cue == "said" and claim.speaker is not None and "official" in claim.speaker


def test_a_sentence_with_a_time_but_no_quantity_is_a_claim() -> None:
    extraction = extract("The Security Council approved the mission in October.", PUBLISHED)
    assert len(extraction.claims) == 1
    claim = extraction.claims[0]
    assert claim.quantity is None and claim.time is not None
    assert extraction.times[claim.time].value == "2023-10"
