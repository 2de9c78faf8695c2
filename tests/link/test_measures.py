"""Measures: one measure however a report words it, a part kept apart (own sentences)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storyledger.extract.pipeline import extract
from storyledger.ingest.pipeline import ingest_articles
from storyledger.link.figure_keys import claim_key, figure_label
from storyledger.link.measures import lemmas, measure_of
from storyledger.model import Article, Claim, Extraction, QuantityMention, content_id
from storyledger.report.facts import facts_data
from storyledger.store.sqlite import open_ledger

PUBLISHED = date(2025, 3, 2)


def claim_of(text: str, amount: str) -> tuple[Claim, QuantityMention, Extraction]:
    extraction = extract(text, PUBLISHED)
    for claim in extraction.claims:
        if claim.quantity is not None and extraction.quantities[claim.quantity].text == amount:
            return claim, extraction.quantities[claim.quantity], extraction
    raise AssertionError([q.text for q in extraction.quantities])


@pytest.mark.parametrize(
    ("text", "amount", "measure"),
    [
        ("The landslide killed 212 people in the hill villages.", "212", "deaths"),
        ("At least 212 people died when the ferry capsized.", "At least 212", "deaths"),
        ("The death toll climbed to 212 on Sunday.", "212", "deaths"),
        ("Officials counted 212 dead after the blast.", "212", "deaths"),
        ("Local media put the number of fatalities at 212.", "212", "deaths"),
        ("The cyclone claimed 212 lives along the coast.", "212", "deaths"),
        ("Another 75 residents were injured by falling debris.", "75", "injured"),
        ("The blast left 75 people wounded.", "75", "injured"),
        ("Rescuers said 40 hikers were still missing.", "40", "missing"),
        ("Some 3,100 families have fled their homes.", "Some 3,100", "displaced"),
        ("The storm left 3,100 people homeless.", "3,100", "displaced"),
        ("Crews recovered 58 bodies from the mud.", "58", "bodies"),
        ("The tremor damaged 4,200 houses in the district.", "4,200", "buildings"),
        ("Nearly 4,200 buildings collapsed in the old town.", "Nearly 4,200", "buildings"),
        ("Police arrested 31 protesters outside parliament.", "31", "arrested"),
        ("The council hired 31 new teachers.", "31", None),
        (
            "The death toll from the storm that battered the coast on Friday has risen to"
            " 212 people.",
            "212",
            "deaths",
        ),
        ("The number of visitors to the old town has risen to 212 people.", "212", None),
        (
            "Officials said the number of deaths in the valley as a result of the storm"
            " exceeded 212 people.",
            "212",
            "deaths",
        ),
        ("The tally of missing hikers climbed to 40 by Sunday.", "40", "missing"),
        ("The number of people in the shelters has climbed to 3,100.", "3,100", None),
        ("Thousands of people were rendered homeless by the floods.", "Thousands", "displaced"),
        (
            "Tens of thousands of residents were left homeless by the storm.",
            "Tens of thousands",
            "displaced",
        ),
        ("Dozens of volunteers arrived in the valley on Monday.", "Dozens", None),
    ],
)
def test_the_measure_of_a_wording(text: str, amount: str, measure: str | None) -> None:
    claim, quantity, _ = claim_of(text, amount)
    found = measure_of(claim, quantity)
    assert (found.name if found else None) == measure


def test_each_clause_states_its_own_measure() -> None:
    text = "The quake killed 2,946 people and injured 5,674 others, the ministry said."
    deaths, injured = (measure_of(*claim_of(text, a)[:2]) for a in ("2,946", "5,674"))
    assert deaths is not None and deaths.name == "deaths"
    assert injured is not None and injured.name == "injured"
    text = "Officials counted 1,200 dead and 9,000 missing in the city."
    dead, missing = (measure_of(*claim_of(text, a)[:2]) for a in ("1,200", "9,000"))
    assert dead is not None and dead.name == "deaths"
    assert missing is not None and missing.name == "missing"


def test_wordings_of_one_measure_share_a_key_and_a_part_stays_apart() -> None:
    keys = [
        claim_key(*claim_of(text, amount))
        for text, amount in [
            ("The floods killed 320 people across the province.", "320"),
            ("The death toll from the floods reached 340 on Monday.", "340"),
            ("Officials said 355 had died in the floods.", "355"),
        ]
    ]
    assert {tuple(k.words) for k in keys} == {("@deaths",)}
    children = claim_key(*claim_of("The floods killed 41 children at a school.", "41"))
    assert children.words == ["child", "@deaths"]


def test_a_word_naming_the_measure_is_no_part_of_it() -> None:
    key = claim_key(*claim_of("The total of missing people rose to 40 on Sunday.", "40"))
    assert key.words == ["@missing"]
    injured = claim_key(*claim_of("Twelve injured children were taken to hospital.", "Twelve"))
    assert injured.words == ["child", "@injured"]


def test_who_caused_a_toll_is_not_what_it_counts() -> None:
    key = claim_key(*claim_of("Cyclone Freddy killed 212 people in Malawi.", "212"))
    assert key.measure == "deaths" and key.actors == set()


def test_measure_labels_name_the_measure_never_a_verb() -> None:
    assert figure_label("count", "people", "kill", "asserted", False, [], "deaths") == "Deaths"
    assert figure_label("count", "people", "kill", "asserted", False, ["Malawi"], "deaths") == (
        "Deaths — Malawi"
    )
    assert figure_label("count", "people", "injure", "asserted", True, [], "injured") == (
        "Additional people injured"
    )
    assert figure_label("count", "children", "kill", "estimated", False, [], "deaths") == (
        "Deaths of children (estimated)"
    )


@pytest.mark.parametrize(
    ("word", "expected"),
    [("bodies", "body"), ("killed", "kill"), ("fatalities", "fatality"), ("lives", "life")],
)
def test_lemmas_come_from_the_lemmatizer(word: str, expected: str) -> None:
    assert expected in lemmas(word)


@pytest.mark.parametrize(
    ("text", "amount", "modality"),
    [
        ("The agency estimates that 640 people have died in the floods.", "640", "asserted"),
        ("The mayor said the toll could reach 2,000 in the port city.", "2,000", "estimated"),
        ("Officials expect the death toll to rise to 900.", "900", "estimated"),
        ("The toll will climb above 900, the governor warned.", "above 900", "estimated"),
    ],
)
def test_a_toll_is_counted_or_projected_never_planned(
    text: str, amount: str, modality: str
) -> None:
    claim, quantity, extraction = claim_of(text, amount)
    assert claim_key(claim, quantity, extraction).modality == modality


# -- through the real pipeline ------------------------------------------------------------

SETTING = (
    "Flash floods swept through Pakistan's Swat valley after record monsoon rain, washing"
    " away bridges, hotels and homes along the Swat River."
)
TOLL_REPORTS = [
    ("2025-03-02", "Wire A", "Flash floods in Pakistan's Swat valley killed 84 people."),
    (
        "2025-03-03",
        "Paper B",
        "The death toll from the Swat valley floods in Pakistan rose to 131 on Monday, the"
        " civil protection agency said.",
    ),
    (
        "2025-03-03",
        "Radio C",
        "The Red Crescent estimates that 150 people have died in the Swat valley floods in"
        " Pakistan, while the civil protection agency's count stands at 131 dead.",
    ),
    ("2025-03-04", "Site D", "Fatalities from the Swat valley floods in Pakistan reached 162."),
    (
        "2025-03-04",
        "Site E",
        "The Swat valley floods could leave as many as 400 dead in Pakistan, the governor warned.",
    ),
]


def test_one_toll_worded_and_counted_many_ways_is_one_figure(tmp_path: Path) -> None:
    articles = [
        Article(id=content_id(text), text=f"{SETTING} {text}", outlet=outlet, published=day)
        for day, outlet, text in TOLL_REPORTS
    ]
    with open_ledger(tmp_path / "toll.db") as ledger:
        report = ingest_articles(ledger, articles)
        assert report.ok, report.failed
        figures = facts_data(ledger)
    holding = {
        value: {f["label"] for f in figures if any(o["value"] == value for o in f["observations"])}
        for value in (84, 131, 150, 162, 400)
    }
    deaths = holding[84]
    assert len(deaths) == 1 and next(iter(deaths)).startswith("Deaths — ")
    assert holding[131] == holding[150] == holding[162] == deaths
    assert holding[400] == {"Deaths (estimated) — Pakistan"}  # a projection is not the count
    figure = next(f for f in figures if f["label"] in deaths)
    relation = {(o["outlet"], o["value"]): o["relation"] for o in figure["observations"]}
    # the next day's toll updates the day before's, it does not contradict it
    assert relation[("Site D", 162)] == "updates"
    assert "conflicts" not in {relation[("Paper B", 131)], relation[("Radio C", 131)]}


@pytest.mark.parametrize(
    ("text", "amount", "change"),
    [
        ("The quake killed 210 people and another 329 were injured.", "329", False),
        ("At least 2,121 others were injured, the ministry added.", "At least 2,121", False),
        ("The ministry reported 18 further deaths overnight.", "18", True),
        ("The number of injured increased by 400 in the last hours.", "400", True),
    ],
)
def test_a_toll_is_an_addition_only_where_it_says_it_grew(
    text: str, amount: str, change: bool
) -> None:
    claim, quantity, extraction = claim_of(text, amount)
    assert claim_key(claim, quantity, extraction).change is change


def test_a_later_clause_lends_its_measure_to_no_earlier_number() -> None:
    """ "hurt when the 6 quakes struck": the injured are not the quakes."""
    claim, quantity, _ = claim_of("Hundreds were hurt when the 6 quakes struck at night.", "6")
    assert measure_of(claim, quantity) is None


def test_the_toll_of_an_earlier_disaster_is_background(tmp_path: Path) -> None:
    text = (
        f"{SETTING} The floods killed 212 people this week, officials said. In 2010, floods"
        " in the same valley killed 1,985 people."
    )
    with open_ledger(tmp_path / "background.db") as ledger:
        ingest_articles(ledger, [Article(id=content_id(text), text=text, published="2025-03-04")])
        values = {o["value"] for f in facts_data(ledger) for o in f["observations"]}
    assert 212 in values and 1985 not in values


def test_a_number_next_to_magnitude_is_a_magnitude_whatever_its_clause_counts() -> None:
    text = "Hundreds were injured following the magnitude 6.4 earthquake that struck at dawn."
    claim, quantity, _ = claim_of(text, "6.4")
    found = measure_of(claim, quantity)
    assert found is not None and found.name == "magnitude"
