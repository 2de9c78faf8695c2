"""A blank line ends a sentence: headlines, kickers and captions (texts written here)."""

from __future__ import annotations

from storyledger.extract.pipeline import load_nlp


def sentences(text: str) -> list[str]:
    return [s.text.strip() for s in load_nlp()(text).sents]


def test_a_paragraph_of_its_own_is_a_sentence_of_its_own() -> None:
    text = "Bridge reopens after floods\n\nThe main bridge over the river reopened on Monday."
    assert sentences(text) == [
        "Bridge reopens after floods",
        "The main bridge over the river reopened on Monday.",
    ]
    spaced = "Officials counted the damage along the river\n \n\tthe bridge reopened on Monday."
    assert sentences(spaced)[0] == "Officials counted the damage along the river"


def test_a_single_line_break_is_left_to_the_parser() -> None:
    """Text wrapped at a fixed width goes on past its line breaks."""
    text = "The main bridge over the\nriver reopened on Monday,\nofficials said."
    assert len(sentences(text)) == 1
