"""Story assignment, labels, syndicated copies and corrections on the story corpus."""

from __future__ import annotations

import json
from pathlib import Path

from tests.link.story_corpus import (
    COPY,
    ELECTION,
    HAITI,
    ORIGINAL,
    QUAKE,
    build_demo_ledger,
    build_ledger,
    story_of,
)
from typer.testing import CliRunner

from storyledger.cli import app
from storyledger.link.corrections import merge_stories, split_story
from storyledger.link.duplicates import is_copy
from storyledger.link.pipeline import relink_all
from storyledger.report.stories import stories_data


def test_stories_copies_and_corrections(ledger_db: str) -> None:
    ledger, ids = build_ledger(ledger_db)
    with ledger:
        haiti = {story_of(ledger, ids[k]) for k in (*HAITI, COPY)}
        quake = {story_of(ledger, ids[k]) for k in QUAKE}
        election = {story_of(ledger, ids[k]) for k in ELECTION}
        assert len(haiti) == len(quake) == len(election) == 1
        assert len(haiti | quake | election) == 3
        assert is_copy(ledger, ids[COPY]) == ids[ORIGINAL]
        assert is_copy(ledger, ids["h2"]) is None
        labels = {s["id"]: s["label"] for s in stories_data(ledger)}
        assert "Haiti" in labels[haiti.pop()]
        (q,), (e,) = quake, election
        merge_stories(ledger, q, e)
        relink_all(ledger)
        assert {story_of(ledger, ids[k]) for k in (*QUAKE, *ELECTION)} == {q}
        h = story_of(ledger, ids["h1"])
        new = split_story(ledger, h, [ids["h4"]])
        relink_all(ledger)
        assert story_of(ledger, ids["h4"]) == new
        assert story_of(ledger, ids["h2"]) == h


def test_a_story_of_two_years_stays_one_story(tmp_path: Path) -> None:
    """The demo corpus: months between reports, new people and places, one developing story."""
    ledger, ids = build_demo_ledger(tmp_path / "demo.db")
    with ledger:
        stories = {story_of(ledger, article_id) for article_id in ids}
        labels = [s["label"] for s in stories_data(ledger)]
    assert len(stories) == 1, labels
    assert "Haiti" in labels[0] and "Kenya" in labels[0]


def test_corrections_made_on_the_command_line_survive_rebuild(tmp_path: Path) -> None:
    path = tmp_path / "stories.db"
    ledger, ids = build_ledger(path)
    with ledger:
        quake, election = story_of(ledger, ids[QUAKE[0]]), story_of(ledger, ids[ELECTION[0]])
    runner = CliRunner()
    merged = runner.invoke(app, ["--db", str(path), "merge-stories", quake, election[:7]])
    assert merged.exit_code == 0, merged.output
    rebuilt = runner.invoke(app, ["--db", str(path), "rebuild", "--all", "--quiet"])
    assert rebuilt.exit_code == 0, rebuilt.output
    listed = runner.invoke(app, ["--db", str(path), "stories", "--json"])
    members = {s["id"]: set(s["articles"]) for s in json.loads(listed.stdout)}
    assert {ids[k] for k in (*QUAKE, *ELECTION)} <= members[quake]
    assert election not in members
    entities = runner.invoke(app, ["--db", str(path), "entities", "--story", quake[:7], "--json"])
    assert entities.exit_code == 0, entities.output
    assert all(quake in e["mentions"] for e in json.loads(entities.stdout))
