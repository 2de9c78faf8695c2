"""The order a reader follows figures in: outlets, revisions and conflicts, observations."""

from __future__ import annotations

from typing import Any

from storyledger.report.facts import by_what_readers_follow


def figure(label: str, *observations: tuple[str, str]) -> dict[str, Any]:
    """A figure whose observations are (outlet, relation) pairs."""
    return {
        "label": label,
        "observations": [
            {"source": f"a{i}", "source_outlet": outlet, "relation": relation}
            for i, (outlet, relation) in enumerate(observations)
        ],
    }


def test_figures_are_ranked_by_outlets_then_revisions_then_observations() -> None:
    trivial = figure("Leaders discussed", ("A", "first"))
    restated = figure("Members", ("A", "first"), ("A", "restates"), ("A", "restates"))
    revised = figure("Officers in Haiti", ("A", "first"), ("A", "updates"), ("B", "conflicts"))
    pledged = figure("Officers pledged", ("A", "first"), ("B", "corroborates"))
    followed = [f["label"] for f in by_what_readers_follow([trivial, restated, pledged, revised])]
    assert followed == ["Officers in Haiti", "Officers pledged", "Members", "Leaders discussed"]


def test_copies_count_as_their_original_outlet() -> None:
    copied = figure("Copied", ("A", "first"), ("A", "corroborates"))
    two = figure("Two outlets", ("A", "first"), ("B", "corroborates"))
    assert [f["label"] for f in by_what_readers_follow([copied, two])] == ["Two outlets", "Copied"]
