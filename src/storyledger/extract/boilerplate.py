"""Page furniture: the text of a news page that is not the report.

Pages bring more than the story: "Related:" lists of other headlines, photo
captions and credits ("1 of 3 | Rescuers search ...", "Photo by ... /AFP"),
reading times, "Advertisement". Their numbers are no statements of the report
(a caption's "1 of 3", a list of other stories' tolls), so a sentence that is
furniture gives no claims. Only the shapes below count: a sentence of the
report that mentions a photo is still the report.
"""

from __future__ import annotations

import re

LINE_MAX = 200  # characters: a caption or a list entry; a longer line is a paragraph
FURNITURE = re.compile(
    r"""\A\W*(?:
        (?:related|read\ more|read\ also|see\ also|also\ read|more\ on\ this|recommended
        |watch|listen|trending|most\ read)\s*(?:stories|articles|news)?\s*[:|»›]
      | \d+\s+of\s+\d+\s*\|  # a gallery's counter: "1 of 3 | Muslims in Cairo pray ..."
      | (?:photo|picture|image|file\ photo|video)\s*(?:by\b|:|credit\b)
      | (?:credit|caption)\s*:
      | advertisement\b
      | skip\ to\ (?:main\ )?content\b
      | \d+\s+min(?:ute)?s?\s+read\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)


def is_furniture(sentence: str) -> bool:
    """The sentence is page furniture, not the report (see the module's docstring)."""
    return FURNITURE.match(sentence) is not None


def in_furniture(text: str, sentence: tuple[int, int]) -> bool:
    """The sentence (start, end offsets in ``text``) is furniture, or on a short line that
    is ("Related:" and the headline after it are two sentences of one line). A long line
    is a paragraph of the report, whatever its first words: only its sentence counts."""
    start = text.rfind("\n", 0, sentence[0]) + 1
    end = text.find("\n", sentence[0])
    line = text[start : end if end >= 0 else len(text)]
    return is_furniture(line if len(line) <= LINE_MAX else text[sentence[0] : sentence[1]])
