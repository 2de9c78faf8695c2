"""A publication date stated at the head of the text: sentences written for the project."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyledger.extract.datelines import HEAD_CHARS, date_at_head, dateline_spans
from storyledger.ingest.files import read_sources
from storyledger.ingest.records import Defaults, extract_request


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date 2023-11-04 Rescue teams reached the valley at dawn.", "2023-11-04"),
        ("2022-03-01 The bridge reopened to traffic.", "2022-03-01"),
        ("Tuesday, March 8, 2022 - 9:05 am | HomeNewsThe bridge reopened.", "2022-03-08"),
        (
            "Ferry service resumes\n\nBy: Desk On: Mar 3, 2022, 6:10 PM\n\nThe ferry left.",
            "2022-03-03",
        ),
        ("Oct 2, 2021 · 3 min read\nThe council voted on the budget.", "2021-10-02"),
        ("Tunis, 14/05/2021 (TAP) - The port reopened after the storm.", "2021-05-14"),
        (
            "Harbour fire contained\nPosted at Jul 8 2020 09:15 AM\nCrews worked overnight.",
            "2020-07-08",
        ),
        (
            "Flood relief arrives\n3 min read\n21 January, 2022\nTrucks reached the town.",
            "2022-01-21",
        ),
        ("Schools reopen\nPublished: 5 June 2019\nPupils returned on Monday.", "2019-06-05"),
        ("Yayınlanma: 12.10.2022 - 14:30\n\nThe ministry said aid was on its way.", "2022-10-12"),
    ],
)
def test_a_date_the_head_states_is_the_publication_date(text: str, expected: str) -> None:
    assert date_at_head(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a date inside a sentence of the story is what happened, not when it was printed
        "Volunteers cleared the roads of the town on March 4, 2022 after the storm.",
        "On October 9, 2021, the dam gave way and the valley flooded.",
        "The quake of 8 September 2023 destroyed hundreds of villages.",
        # a month without its day, a day without its year
        "September 2023\nThe toll rose again overnight.",
        "Posted on Sep 14\nThe toll rose again overnight.",
        # not a real day
        "date 2023-02-30 The toll rose again overnight.",
        # past the head of the text
        "The toll rose again overnight. " * 12 + "\nPublished: 5 June 2019\n",
    ],
)
def test_no_date_is_taken_from_the_story_or_past_the_head(text: str) -> None:
    assert date_at_head(text) is None


def test_the_head_is_short() -> None:
    assert HEAD_CHARS <= 400


def test_an_undated_file_takes_the_date_its_head_states(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Oct 2, 2021 · The council voted on the budget.", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(
        "---\npublished: 2021-10-05\n---\nOct 2, 2021 · The council voted.", encoding="utf-8"
    )
    (tmp_path / "c.txt").write_text("The council voted on the budget.", encoding="utf-8")
    loaded = read_sources([tmp_path], Defaults())
    by_name = {Path(item.where).name: item.article for item in loaded}
    stated, metadata, undated = by_name["a.txt"], by_name["b.txt"], by_name["c.txt"]
    assert stated is not None and metadata is not None and undated is not None
    assert (stated.published, stated.published_source) == ("2021-10-02", "text")
    assert (metadata.published, metadata.published_source) == ("2021-10-05", "metadata")
    assert (undated.published, undated.published_source) == (None, "none")


def test_extract_requests_take_the_head_date_before_the_cli_default() -> None:
    stated = extract_request({"text": "Oct 2, 2021 · The council voted."}, "x", "2021-12-01")
    plain = extract_request({"text": "The council voted."}, "x", "2021-12-01")
    dated = extract_request({"text": "Oct 2, 2021 · Votes.", "published": "2021-10"}, "x", None)
    assert (stated.published, plain.published, dated.published) == (
        "2021-10-02",
        "2021-12-01",
        "2021-10",
    )


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("By: Desk On: Mar 4, 2025, 6:10 AM Floods hit the valley.", "On: Mar 4, 2025, 6:10 AM"),
        ("Photo by Staff Mar. 4 (UPI) -- Floods hit the valley.", "Mar. 4 (UPI) -"),
        ("KARACHI, March 4 (Reuters) - Floods hit the valley.", "March 4 (Reuters) -"),
        ("date 2025-03-04\n\nFloods hit the valley on Tuesday.", "date 2025-03-04"),
        ("Pakistan, March 4: Floods hit the valley.", "Pakistan, March 4:"),
        ("| 4 March 2025, Tuesday | Floods hit the valley.", "| 4 March 2025, Tuesday |"),
        (
            "Swat, (APP - Staff - 4th Mar, 2025) Floods hit the valley.",
            "(APP - Staff - 4th Mar, 2025)",
        ),
    ],
)
def test_the_date_lines_of_a_report(text: str, line: str) -> None:
    assert [text[start:end] for start, end in dateline_spans(text)] == [line]


def test_a_date_in_the_story_is_no_date_line() -> None:
    assert dateline_spans("The floods of March 4, 2025 killed 84 people in the valley.") == []
