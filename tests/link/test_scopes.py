"""Scopes: a number gets a place of its own only where the report sets it apart."""

from __future__ import annotations

from datetime import date

from storyledger.extract.pipeline import extract
from storyledger.link.figure_keys import claim_key
from storyledger.link.scopes import ELSEWHERE, scopes_of
from storyledger.model import Extraction


def scoped(text: str) -> dict[str, str | None]:
    """Each amount of the text -> the key of its scope (None: the story's main scope)."""
    extraction = extract(text, date(2025, 3, 2))
    scopes = scopes_of(extraction)
    return {
        extraction.quantities[claim.quantity].text: (s.key if (s := scopes.get(i)) else None)
        for i, claim in enumerate(extraction.claims)
        if claim.quantity is not None
    }


def keys(text: str) -> dict[str, list[str]]:
    extraction: Extraction = extract(text, date(2025, 3, 2))
    scopes = scopes_of(extraction)
    return {
        extraction.quantities[c.quantity].text: claim_key(
            c, extraction.quantities[c.quantity], extraction, scopes.get(i)
        ).words
        for i, c in enumerate(extraction.claims)
        if c.quantity is not None
    }


def test_a_breakdown_by_place_scopes_each_number() -> None:
    found = scoped(
        "Officials reported deaths in several provinces, including 311 in Sindh, 95 in"
        " Balochistan and 12 in Punjab."
    )
    assert found == {"311": "sindh", "95": "balochistan", "12": "punjab"}


def test_a_breakdown_in_brackets_and_its_measure() -> None:
    words = keys("Most casualties were recorded in the provinces of Sindh (311) and Punjab (12).")
    assert words == {"311": ["#sindh", "@deaths"], "12": ["#punjab", "@deaths"]}


def test_one_place_named_with_the_toll_is_the_main_scope() -> None:
    assert scoped("The floods killed 402 people in Sindh, officials said.") == {"402": None}


def test_every_exclusion_is_one_scope_elsewhere() -> None:
    for text in (
        "A further 40 people died outside Karachi, the agency said.",
        "The storm also killed 40 people elsewhere in the country.",
        "About 40 people lost their lives in other parts of the province.",
    ):
        assert scoped(text) == {next(iter(scoped(text))): ELSEWHERE}, text


def test_a_further_toll_elsewhere_is_a_level_of_its_own_place() -> None:
    extraction = extract("A further 40 people died outside Karachi, the agency said.", None)
    claim = next(c for c in extraction.claims if c.quantity is not None)
    key = claim_key(claim, extraction.quantities[0], extraction, scopes_of(extraction).get(0))
    assert key.change is False and key.scope == "outside Karachi"
