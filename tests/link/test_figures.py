"""Figures and observation relations on the mission corpus, in real SQLite ledgers."""

from __future__ import annotations

import random
import tempfile
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from bench.gold import load_seeds
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.link.mission_corpus import (
    STORY,
    article_of,
    extraction_of,
    link_by_hand,
    records,
)
from tests.report.ledger_builder import Draft, store

from storyledger.ingest.pipeline import ingest_articles
from storyledger.link.figure_keys import counted_words, figure_label, participle
from storyledger.link.figures import link_figures, obs_of_row, observation_rows
from storyledger.link.relations import Obs, assign_relations
from storyledger.model import (
    Article,
    content_id,
)
from storyledger.report.facts import facts_data
from storyledger.store.sqlite import Ledger, open_ledger

ALL = [r["id"] for r in records()]


@pytest.fixture
def ledger(ledger_db: str) -> Iterator[Ledger]:
    """A fresh ledger, on each backend."""
    with open_ledger(ledger_db) as ledger:
        yield ledger


def figure_with(figures: list[dict[str, Any]], value: float, **fields: Any) -> dict[str, Any]:
    """The one figure that has an observation of ``value`` and the given fields."""
    found = [
        f
        for f in figures
        if any(o["value"] == value for o in f["observations"])
        and all(f[k] == v for k, v in fields.items())
    ]
    assert len(found) == 1, f"{len(found)} figures with {value} and {fields}"
    return found[0]


def relations(figure: dict[str, Any], ids: dict[str, str]) -> list[tuple[str, float, str]]:
    key_of = {article_id: key for key, article_id in ids.items()}
    return [(key_of[o["article"]], o["value"], o["relation"]) for o in figure["observations"]]


def test_pledge_corroborated_by_an_independent_outlet_not_by_a_copy(ledger: Ledger) -> None:
    ids = link_by_hand(ledger, ALL)
    pledge = figure_with(facts_data(ledger), 1000, modality="pledged")
    assert relations(pledge, ids) == [
        ("m01", 1000, "first"),
        ("m02", 1000, "first"),  # the copy reprints the original: not a corroboration
        ("m03", 1000, "corroborates"),
        ("m05", 1000, "corroborates"),
    ]
    assert pledge["observations"][1]["duplicate_of"] == ids["m01"]
    assert pledge["unit"] == "count" and not pledge["change"]


def test_copies_are_one_source(ledger: Ledger) -> None:
    ids = link_by_hand(ledger, ["m01", "m02"])
    pledge = figure_with(facts_data(ledger), 1000, modality="pledged")
    assert [o["relation"] for o in pledge["observations"]] == ["first", "first"]
    assert pledge["sources"] == 1
    assert pledge["latest"]["article"] == ids["m01"]


def test_pledge_and_actual_count_are_separate_figures_never_a_conflict(ledger: Ledger) -> None:
    link_by_hand(ledger, ALL)
    figures = facts_data(ledger)
    pledge = figure_with(figures, 1000, modality="pledged")
    actual = figure_with(figures, 400, modality="asserted", change=False)
    assert pledge["id"] != actual["id"]
    assert {o["value"] for o in pledge["observations"]} == {1000}
    assert 1000 not in {o["value"] for o in actual["observations"]}  # the negative claim


def test_cumulative_count_updates_and_conflict_settled(ledger: Ledger) -> None:
    ids = link_by_hand(ledger, ALL)
    actual = figure_with(facts_data(ledger), 400, modality="asserted", change=False)
    assert relations(actual, ids) == [
        ("m05", 400, "first"),
        ("m06", 200, "conflicts"),
        ("m07", 400, "corroborates"),
        ("m08", 600, "updates"),
        ("m09", 744, "updates"),  # "Kenyan police" aligned with "police officers"
    ]
    assert actual["latest"]["value"] == 744 and actual["latest"]["as_of"] == "2025-01-18"
    assert actual["conflicts"] == []  # m07 sided with 400
    [settled] = actual["settled_conflicts"]
    assert [v["value"] for v in settled["values"]] == [400, 200]
    assert settled["settled_by"]["article"] == ids["m07"]


def test_conflict_is_open_until_a_later_report_settles_it(ledger: Ledger) -> None:
    link_by_hand(ledger, ["m05", "m06"])
    actual = figure_with(facts_data(ledger), 400, modality="asserted")
    [conflict] = actual["conflicts"]
    assert conflict["as_of"] == "2024-06-25"
    assert {v["outlet"] for v in conflict["values"]} == {"Atlantic Wire", "Island Herald"}


def test_additions_are_a_figure_of_their_own(ledger: Ledger) -> None:
    ids = link_by_hand(ledger, ALL)
    figures = facts_data(ledger)
    additions = figure_with(figures, 200, change=True)
    assert relations(additions, ids) == [("m08", 200, "first"), ("m09", 144, "updates")]
    assert additions["label"].startswith("Additional Kenyan police officers")
    level = figure_with(figures, 600, change=False)
    assert 200 not in {o["value"] for o in level["observations"] if o["article"] == ids["m08"]}


def test_bound_refined_and_money_figures_separate(ledger: Ledger) -> None:
    ids = link_by_hand(ledger, ALL)
    figures = facts_data(ledger)
    needed = figure_with(figures, 5000, modality="needed")
    assert relations(needed, ids) == [("m04", 5000, "first"), ("m10", 5550, "refines")]
    fund = figure_with(figures, 21e6, unit="USD", modality="asserted")
    assert relations(fund, ids) == [("m04", 21e6, "first"), ("m10", 110e6, "updates")]
    assert fund["observations"][0]["as_of"] == "2024-05"
    us = figure_with(figures, 300e6, unit="USD", modality="pledged")
    assert len(us["observations"]) == 1 and us["label"].endswith("United States")
    assert len({f["id"] for f in (needed, fund, us)}) == 3


def test_negative_claims_are_not_observations(ledger: Ledger) -> None:
    ids = link_by_hand(ledger, ["m07"])
    values = [(o["article"], o["value"]) for f in facts_data(ledger) for o in f["observations"]]
    assert values == [(ids["m07"], 400)]


def test_out_of_order_arrival_gives_the_same_relations(tmp_path: Path) -> None:
    def ledger_relations(order: list[str], name: str) -> set[frozenset[tuple[str, float, str]]]:
        """Each figure as the set of its (article, value, relation)."""
        with open_ledger(tmp_path / name) as ledger:
            ids = link_by_hand(ledger, order)
            return {frozenset(relations(f, ids)) for f in facts_data(ledger)}

    in_order = ledger_relations(ALL, "in-order.db")
    shuffled = ALL[:]
    random.Random(7).shuffle(shuffled)
    shuffled.remove("m02")
    shuffled.insert(shuffled.index("m01") + 1, "m02")  # a copy comes after its original
    assert ledger_relations(list(reversed(ALL[2:])) + ALL[:2], "reversed.db") == in_order
    assert ledger_relations(shuffled, "shuffled.db") == in_order


def test_the_same_value_twice_in_one_article_is_one_observation(ledger: Ledger) -> None:
    ids = link_by_hand(ledger, ["m05"])
    observations = [o for f in facts_data(ledger) for o in f["observations"]]
    assert len(observations) == 3 and {o["article"] for o in observations} == {ids["m05"]}


def test_figures_of_other_stories_are_never_candidates(ledger: Ledger) -> None:
    link_by_hand(ledger, ["m05"], story="s-a")
    link_by_hand(ledger, ["m06"], story="s-b")
    figures = facts_data(ledger)
    assert all(f["conflicts"] == [] for f in figures)
    assert {f["story"] for f in figures} == {"s-a", "s-b"}
    assert len(facts_data(ledger, "s-b")) == 1


def link_sentence(
    ledger: Ledger, text: str, outlet: str, published: str, quantities: list[dict[str, Any]]
) -> None:
    """Store and link a one-sentence article whose quantity claims are given by hand."""
    record = {"id": text[:8], "text": text, "outlet": outlet, "published": published,
              "url": f"https://{outlet.lower().replace(' ', '')}.example/{published}",
              "title": text[:20]}  # fmt: skip
    base = {"sentence": text, "low": None, "high": None, "approx": None, "unit": "count",
            "counted": None, "predicate": None, "modality": "asserted", "change": False,
            "polarity": "positive", "time": None, "entities": [], "subject": None,
            "speaker": None}  # fmt: skip
    claims = [{**base, **q} for q in quantities]
    article, extraction = article_of(record), extraction_of(record, claims)
    ledger.add_article(article, extraction)
    with ledger.transaction():
        link_figures(ledger, ledger.get_article(article.id), extraction, STORY)


def test_a_part_and_its_whole_in_one_sentence_are_two_figures(ledger: Ledger) -> None:
    """'400 officers, the first contingent out of 1,000': the 1,000 seen before keeps its
    figure, the 400 starts one (one report does not contradict itself)."""
    link_by_hand(ledger, ["m01"])
    kenya = {"entities": [["Kenya", "GPE", "kenya", "Kenya"]], "subject": "Kenya",
             "modality": "pledged", "predicate": "send"}  # fmt: skip
    link_sentence(
        ledger,
        "Ruto saw off 400 officers, the first contingent out of 1,000 police Kenya will send.",
        "Other Daily",
        "2023-10-03",
        [
            {"quantity": "400 officers", "value": 400, "counted": "officer", **kenya},
            {"quantity": "1,000 police", "value": 1000, "counted": "police", **kenya},
        ],
    )
    figures = facts_data(ledger)
    pledge = figure_with(figures, 1000, modality="pledged")
    assert [o["value"] for o in pledge["observations"]] == [1000, 1000]
    assert pledge["observations"][1]["relation"] == "corroborates"
    part = figure_with(figures, 400, modality="pledged")
    assert [o["value"] for o in part["observations"]] == [400]


def test_a_number_of_nothing_known_only_joins_a_figure_to_agree(ledger: Ledger) -> None:
    """Without a counted thing or a verb, two amounts are never taken for one figure's
    conflicting values; the same amount is still a corroboration."""
    for outlet, amount in (("A", 21e6), ("B", 600e6), ("C", 21e6)):
        link_sentence(
            ledger,
            f"It was ${amount / 1e6:.0f} million, {outlet} said.",
            outlet,
            "2024-06-09",
            [{"quantity": f"${amount / 1e6:.0f} million", "value": amount, "unit": "USD"}],
        )
    figures = facts_data(ledger)
    assert len(figures) == 2
    small = figure_with(figures, 21e6)
    assert [o["relation"] for o in small["observations"]] == ["first", "corroborates"]
    assert all(f["conflicts"] == [] for f in figures)


def test_the_same_verb_of_nothing_known_joins_only_near_a_value(ledger: Ledger) -> None:
    """ "Gangs control 80%", then "90%": one figure; "partners need $71.4 million" and "need
    $1.8 billion" are an appeal and a reconstruction bill, two figures."""
    for outlet, amount in (("A", 80), ("B", 90)):
        link_sentence(ledger, f"Gangs control {amount}%.", outlet, "2024-06-09",
                      [{"quantity": f"{amount}%", "value": amount, "unit": "percent",
                        "predicate": "control"}])  # fmt: skip
    for outlet, amount in (("C", 71.4e6), ("D", 1.8e9)):
        link_sentence(ledger, f"Partners need ${amount:,.0f}.", outlet, "2024-06-10",
                      [{"quantity": f"${amount:,.0f}", "value": amount, "unit": "USD",
                        "predicate": "need", "modality": "needed"}])  # fmt: skip
    figures = facts_data(ledger)
    assert figure_with(figures, 80) is figure_with(figures, 90)
    assert figure_with(figures, 71.4e6) is not figure_with(figures, 1.8e9)


# -- pure rules ---------------------------------------------------------------------------


def obs(id: int, value: float, outlet: str, day: str, **extra: Any) -> Obs:
    when = date.fromisoformat(day)
    fields: dict[str, Any] = {
        "article": f"a{id}",
        "source": f"a{id}",
        "outlet": outlet,
        "copy": False,
        "value": value,
        "low": None,
        "high": None,
        "approx": None,
        "start": when,
        "end": when,
        "reported": day,
    }
    return Obs(id=id, **{**fields, **extra})


def test_tolls_of_reports_dated_only_by_their_day_update_one_another() -> None:
    """Undated statements are as of their report's day or the day before: Monday's toll and
    Tuesday's overlap on Monday, yet the later report updates the earlier, never contradicts
    it, for a toll revised from report to report. Two reports of the same day giving two
    values do conflict."""

    def published(id: int, value: float, outlet: str, day: str) -> Obs:
        when = date.fromisoformat(day)
        return obs(id, value, outlet, day, start=when - timedelta(days=1), revised_daily=True)

    result = assign_relations(
        [
            published(1, 84, "A", "2025-03-02"),
            published(2, 131, "B", "2025-03-03"),
            published(3, 150, "C", "2025-03-03"),
        ]
    )
    assert [(o.id, o.relation) for o in result] == [(1, "first"), (2, "updates"), (3, "conflicts")]


def test_an_unchanged_value_said_again_by_its_source_restates_it() -> None:
    """744 on Monday, 744 from the same outlet on Friday: nothing was updated; from another
    outlet, a corroboration."""
    result = assign_relations(
        [
            obs(1, 744, "A", "2025-03-03"),
            obs(2, 744, "A", "2025-03-07"),
            obs(3, 744, "B", "2025-03-08"),
        ]
    )
    assert [(o.relation, o.relation_to) for o in result] == [
        ("first", None), ("restates", 1), ("corroborates", 2)
    ]  # fmt: skip


def test_a_conflict_is_shown_against_the_nearest_rival_value() -> None:
    """Three counts of one day: 3,283 disagrees most directly with 3,958, not with 11,300."""
    result = assign_relations(
        [
            obs(1, 11300, "A", "2025-03-02"),
            obs(2, 3958, "B", "2025-03-02"),
            obs(3, 3283, "C", "2025-03-02"),
        ]
    )
    assert (result[2].relation, result[2].relation_to) == ("conflicts", 2)

    # of two as near, the value more outlets gave
    magnitudes = [obs(1, 6.8, "A", "2025-03-02"), obs(2, 7.2, "B", "2025-03-02"),
                  obs(3, 6.8, "C", "2025-03-02"), obs(4, 7.0, "D", "2025-03-02")]  # fmt: skip
    last = assign_relations(magnitudes)[-1]
    assert (last.id, last.relation, last.relation_to) in {(4, "conflicts", 1), (4, "conflicts", 3)}


def test_of_two_rivals_as_near_the_one_shown_is_the_value_more_reports_gave_before() -> None:
    """6.8 in three earlier reports of other days, then one day's 6.8, 7.2 and 7.0: the 7.0
    disagrees with the 6.8 most reports gave, though only one of that day did."""
    earlier = [obs(i, 6.8, f"E{i}", f"2025-03-0{i}") for i in (1, 2, 3)]
    day = [obs(4, 6.8, "A", "2025-03-05"), obs(5, 7.2, "B", "2025-03-05"),
           obs(6, 7.0, "C", "2025-03-05")]  # fmt: skip
    last = assign_relations([*earlier, *day])[-1]
    assert (last.id, last.relation, last.relation_to) == (6, "conflicts", 4)


def test_a_bound_reaches_twice_its_number_and_no_further() -> None:
    """ "More than 2,000" and 2,497 of the same day agree (a count rounded down); "at least 150"
    and 2,000 are two counts; "fewer than 100" and 60 agree, "fewer than 100" and 30 do not."""

    def pair(bound: Obs, value: float) -> str:
        return assign_relations([bound, obs(2, value, "B", "2025-03-02")])[-1].relation

    at_least = obs(1, 2000, "A", "2025-03-02", low=2000, approx="more than")
    assert pair(at_least, 2497) == "refines"
    assert pair(at_least, 3900) == "refines"
    assert pair(obs(1, 150, "A", "2025-03-02", low=150, approx="at least"), 2000) == "conflicts"
    fewer = obs(1, 100, "A", "2025-03-02", high=100, approx="fewer than")
    assert pair(fewer, 60) == "refines"
    assert pair(fewer, 30) == "conflicts"


def test_relations_rules() -> None:
    result = assign_relations(
        [
            obs(4, 5300, "C", "2024-06-03"),  # the same outlet corrects itself
            obs(1, 5000, "A", "2024-06-01", low=5000, approx="at least"),
            obs(2, 5000, "B", "2024-06-01", low=5000, approx="at least"),
            obs(3, 5200, "C", "2024-06-03", reported="2024-06-02"),
            obs(5, 5400, "D", "2024-06-03", reported="2024-06-04"),
            obs(6, 6000, "D", "2024-07-01"),
        ]
    )
    assert [(o.id, o.relation, o.relation_to) for o in result] == [
        (1, "first", None),
        (2, "corroborates", 1),
        (3, "refines", 2),
        (4, "updates", 3),
        (5, "conflicts", 4),
        (6, "updates", 5),
    ]
    approx = assign_relations(
        [obs(1, 1000, "A", "2024-06-01"), obs(2, 1020, "B", "2024-06-01", approx="about")]
    )
    assert approx[1].relation == "corroborates"
    copy = assign_relations(
        [obs(1, 400, "A", "2024-06-25"), obs(2, 400, "B", "2024-06-25", source="a1", copy=True)]
    )
    assert [(o.relation, o.relation_to) for o in copy] == [("first", None), ("first", 1)]


def test_counted_words_and_labels() -> None:
    assert counted_words("additional Kenyan police officers") == ["police", "officer"]
    assert counted_words("UN peacekeepers") == ["peacekeeper"]
    assert counted_words(None) == []
    assert participle("send") == "sent" and participle("deploy") == "deployed"
    assert participle("control") == "controlled" and participle("speak") == "spoken"
    assert figure_label("count", "woman", "include", "asserted", False, []) == "Women included"
    assert figure_label("count", "Kenya", "pledge", "pledged", False, []) == "Kenya pledged"
    assert (
        figure_label("count", "police officer", "deploy", "asserted", False, ["Kenya", "Haiti"])
        == "Police officers deployed — Kenya, Haiti"
    )
    assert figure_label("USD", None, "pledge", "pledged", False, ["United States"]) == (
        "Pledged (USD) — United States"
    )


# -- through the real pipeline (extraction, stories, figures) -----------------------------


def values_by_figure(figures: list[dict[str, Any]]) -> dict[float, set[str]]:
    """Each value -> the ids of the figures it is observed in."""
    found: dict[float, set[str]] = {}
    for figure in figures:
        for o in figure["observations"]:
            found.setdefault(o["value"], set()).add(figure["id"])
    return found


def ingest_with_claims(ledger: Ledger, articles: list[Article]) -> list[dict[str, Any]]:
    """The figures of the articles, which must give quantity claims (a regression if not)."""
    report = ingest_articles(ledger, articles)
    assert report.ok, report.failed
    figures = facts_data(ledger)
    assert figures, "the articles gave no figures: the claims extractor found no quantity claims"
    return figures


@pytest.fixture(scope="module")
def seed_figures(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """The facts of the two seed reports, extracted and linked by the real pipeline."""
    if not load_seeds():
        pytest.skip("../shared is absent: the seed reports live there")
    articles = [
        Article(
            id=content_id(seed.text),
            text=seed.text,
            outlet=seed.outlet,
            title=seed.title,
            published=seed.published,
            published_source="metadata",
        )
        for seed in load_seeds()
    ]
    with open_ledger(tmp_path_factory.mktemp("seeds") / "seeds.db") as ledger:
        return ingest_with_claims(ledger, articles)


def test_seed_figures_of_their_own_and_no_conflict(seed_figures: list[dict[str, Any]]) -> None:
    where = values_by_figure(seed_figures)
    by_id = {f["id"]: f for f in seed_figures}
    assert not where.get(400, set()) & where[1000], "400 shares a figure with 1,000"
    for value in (21e6, 600e6, 300e6, 5000, 80):
        assert where.get(value), f"no figure holds {value}"
        for figure_id in where[value]:
            assert {o["value"] for o in by_id[figure_id]["observations"]} == {value}
    assert [
        o for f in seed_figures for o in f["observations"] if o["relation"] == "conflicts"
    ] == []


def test_seed_pledge_corroborated_by_both_outlets(seed_figures: list[dict[str, Any]]) -> None:
    """'will lead the mission ..., deploying 1,000 police officers', '1,000 police that Kenya
    expects to send' and '1,000 Kenyan police officers set to be deployed' are one plan."""
    by_id = {f["id"]: f for f in seed_figures}
    pledged = [by_id[i] for i in values_by_figure(seed_figures).get(1000, set())]
    assert any(
        {o["outlet"] for o in f["observations"] if o["value"] == 1000} == {"outlet-a", "outlet-b"}
        and any(o["relation"] == "corroborates" for o in f["observations"])
        for f in pledged
    ), f"1,000 is not corroborated by both outlets in one figure: {pledged}"


def test_mission_corpus_through_the_pipeline(tmp_path: Path) -> None:
    """The same articles, extracted by the real extractor and linked by the real stages."""
    with open_ledger(tmp_path / "mission.db") as ledger:
        figures = ingest_with_claims(ledger, [article_of(r) for r in records()])
        ids = {r["id"]: article_of(r).id for r in records()}
    key_of = {article_id: key for key, article_id in ids.items()}
    seen = {(key_of[o["article"]], o["value"]): (f, o) for f in figures for o in f["observations"]}
    copy_figure, copy = seen[("m02", 1000)]
    assert copy["duplicate_of"] == ids["m01"] and copy["relation"] == "first"
    assert seen[("m01", 1000)][0]["id"] == copy_figure["id"]
    level, conflict = seen[("m06", 200)]
    assert conflict["relation"] == "conflicts"
    assert seen[("m05", 400)][0]["id"] == level["id"]
    assert seen[("m07", 400)][1]["relation"] == "corroborates"
    assert seen[("m08", 600)][0]["id"] == level["id"]
    assert seen[("m08", 600)][1]["relation"] == "updates"
    assert seen[("m08", 200)][0]["id"] != level["id"]  # an addition, not a level
    pledge_figures = {seen[(k, 1000)][0]["id"] for k in ("m01", "m03", "m05") if (k, 1000) in seen}
    assert level["id"] not in pledge_figures


# -- arrival order, with days, weeks, months and years -------------------------------------

TIMES = [
    None,  # undated: the day it was published
    ("on June 10", "2024-06-10", "2024-06-10", "2024-06-10"),
    ("on June 24", "2024-06-24", "2024-06-24", "2024-06-24"),
    ("on June 25", "2024-06-25", "2024-06-25", "2024-06-25"),
    ("that week", "2024-W26", "2024-06-24", "2024-06-30"),
    ("in June", "2024-06", "2024-06-01", "2024-06-30"),
    ("on July 2", "2024-07-02", "2024-07-02", "2024-07-02"),
    ("in July", "2024-07", "2024-07-01", "2024-07-31"),
    ("in 2024", "2024", "2024-01-01", "2024-12-31"),
]
PUBLISHED = ["2024-06-25", "2024-06-26", "2024-07-03", "2024-08-01", "2025-01-05"]
OUTLETS = ["Wire", "Daily", "Times"]
Report = tuple[int, int, int, int]  # time, value, outlet, publication (indices)


def police_draft(n: int, report: Report, outlet: str | None = None) -> Draft:
    time, value, outlet_index, published = report
    when = TIMES[time]
    text = f"Report {n}: Kenya had {value} police officers in Haiti"
    text += f" {when[0]}." if when else "."
    return Draft(
        text=text,
        outlet=outlet or OUTLETS[outlet_index],
        published=PUBLISHED[published],
        times=[(when[0], when[1], when[2], when[3], None)] if when else [],
        entities=[("Kenya", "GPE", "kenya", "Kenya"), ("Haiti", "GPE", "haiti", "Haiti")],
        quantities=[(f"{value} police officers", value, "count", "police officer")],
    )


def relations_after(
    reports: list[Report], order: list[int], copy_after: int | None, copy_edit: int = 0
) -> Any:
    """Each figure's observations as (report, relation, report related to), after storing
    the reports in ``order`` (a copy of report 0, by another outlet, after the
    ``copy_after``-th stored, its value changed by ``copy_edit``: an edited reprint has no
    original value to echo); checked against relations computed over the whole figure."""
    with tempfile.TemporaryDirectory() as folder, open_ledger(Path(folder) / "l.db") as ledger:
        ids: dict[str, int] = {}
        if copy_after is not None:  # a copy comes after its original
            copy_after = max(copy_after, order.index(0) + 1)
        for stored, n in enumerate(order, start=1):
            ids[store(ledger, police_draft(n, reports[n]))] = n
            if stored == copy_after:
                original = next(a for a, k in ids.items() if k == 0)
                time, value, outlet, published = reports[0]
                copy = police_draft(0, (time, value + copy_edit, outlet, published), "Copier")
                ids[store(ledger, copy, duplicate_of=original)] = -1
        figures = facts_data(ledger)
        for figure in figures:
            assert_relations_of_the_whole_figure(ledger, figure)
            assert_relations_point_back(figure["observations"])
        report_of = {o["id"]: ids[o["article"]] for f in figures for o in f["observations"]}
        return sorted(
            (
                sorted(
                    (
                        (report_of[o["id"]], o["relation"], report_of.get(o["relation_to"]))
                        for o in f["observations"]
                    ),
                    key=repr,
                )
                for f in figures
            ),
            key=repr,
        )


def assert_relations_of_the_whole_figure(ledger: Ledger, figure: dict[str, Any]) -> None:
    """The stored relations, listed in order, are those computed over the whole figure."""
    rows = observation_rows(ledger.conn, figure["id"], None)
    whole = assign_relations([obs_of_row(row) for row in rows])
    listed = [(o["id"], o["relation"], o["relation_to"]) for o in figure["observations"]]
    assert listed == [(o.id, o.relation, o.relation_to) for o in whole]


def assert_relations_point_back(observations: list[dict[str, Any]]) -> None:
    seen: set[int] = set()
    for o in observations:
        assert o["relation_to"] is None or o["relation_to"] in seen, o
        seen.add(o["id"])


REPORTS = st.lists(
    st.tuples(
        st.integers(0, len(TIMES) - 1),
        st.sampled_from([380, 400, 420, 600]),
        st.integers(0, len(OUTLETS) - 1),
        st.integers(0, len(PUBLISHED) - 1),
    ),
    min_size=2,
    max_size=7,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), reports=REPORTS, copy=st.sampled_from(["none", "verbatim", "edited"]))
def test_any_arrival_order_gives_the_relations_of_the_whole_figure(
    data: st.DataObject, reports: list[Report], copy: str
) -> None:
    """Days, a week, months and a year in any order of arrival: the same relations, the
    ones computed over each whole figure, each listed after the observation it refers to."""
    order = data.draw(st.permutations(range(len(reports))))
    copied = copy != "none"
    edit = 1000 if copy == "edited" else 0
    copy_after = data.draw(st.integers(1, len(reports))) if copied else None
    in_order = relations_after(reports, list(range(len(reports))), 1 if copied else None, edit)
    assert relations_after(reports, list(order), copy_after, edit) == in_order


def test_a_month_before_its_day_and_a_year_after() -> None:
    """The month arrives first, then the day inside it, then an earlier day: the month
    updates the day and the year's relation moves to the month."""
    reports = [(5, 400, 0, 3), (8, 600, 1, 4), (2, 380, 1, 0), (1, 350, 2, 0)]
    expected = [[(0, "updates", 2), (1, "updates", 0), (2, "updates", 3), (3, "first", None)]]
    assert relations_after(reports, [0, 1, 2, 3], None) == expected
    assert relations_after(reports, [3, 2, 1, 0], None) == expected


def test_a_reprint_that_stands_for_its_original_is_found_by_a_late_report() -> None:
    """Three edited reprints of one wire text whose own value is not in the figure: the
    first stands for the original, the second (same days) reprints it, the third (later
    days) stands alone. A report arriving last, with its context starting after the first
    reprint, must still see the second as a reprint and corroborate the third."""
    spans = {
        "wire": ("2024-06-10", "2024-06-10", 300),
        "first reprint": ("2024-06-22", "2024-06-23", 500),
        "second reprint": ("2024-06-23", "2024-06-24", 500),
        "rival": ("2024-06-24", "2024-06-25", 450),
        "third reprint": ("2024-06-24", "2024-06-25", 500),
        "late report": ("2024-06-25", "2024-06-26", 500),
    }
    outlets = {"wire": "Wire", "rival": "Daily", "late report": "Times"}

    def draft(name: str) -> Draft:
        first, last, value = spans[name]
        return Draft(
            text=f"The {name}: Kenya had {value} police officers in Haiti in those days.",
            outlet=outlets.get(name, f"Reprinter of the {name}"),
            published=last,
            times=[("in those days", last, first, last, None)],
            entities=[("Kenya", "GPE", "kenya", "Kenya"), ("Haiti", "GPE", "haiti", "Haiti")],
            quantities=[(f"{value} police officers", value, "count", "police officer")],
        )

    with tempfile.TemporaryDirectory() as folder, open_ledger(Path(folder) / "l.db") as ledger:
        wire = store(ledger, draft("wire"))
        ids = {"wire": wire}
        for name in ("first reprint", "second reprint", "rival", "third reprint"):
            ids[name] = store(ledger, draft(name), duplicate_of=wire if "reprint" in name else None)
        ids["late report"] = store(ledger, draft("late report"))
        (figure,) = facts_data(ledger)
        assert_relations_of_the_whole_figure(ledger, figure)
        report_of = {o["id"]: o["article"] for o in figure["observations"]}
        late = next(o for o in figure["observations"] if o["article"] == ids["late report"])
        assert late["relation"] == "corroborates"
        assert report_of[late["relation_to"]] == ids["third reprint"]


def test_an_undated_report_is_never_dated_the_day_it_was_ingested(ledger: Ledger) -> None:
    texts = {
        "undated": "Rescuers said 312 people were killed in the landslide.",
        "dated in its text": "By March 3, 2021, officials said 418 people were killed there.",
    }
    articles = [
        Article(id=content_id(t), text=t, outlet=f"Outlet {name}", published=None)
        for name, t in texts.items()
    ]
    ingest_articles(ledger, articles)
    as_of = {o["value"]: o["as_of"] for f in facts_data(ledger) for o in f["observations"]}
    assert as_of[312] is None
    assert as_of[418] == "2021-03-03"
