"""The event description: the best supported clause, found without pairwise comparison."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from storyledger.link.events import best_supported_clause, content_words, dice, span_days

WORDS = ["troops", "landed", "arrived", "capital", "court", "ruled", "fund", "police", "400"]
DAYS = [("2024-06-25", "2024-06-25"), ("2024-06-01", "2024-06-30")]


def pairwise_choice(sources: list[dict[str, Any]], finest: dict[str, Any]) -> str:
    """The definition: each precise clause's summed Dice overlap with every other clause."""
    words = [content_words(s["clause"]) for s in sources]
    weight = dict.fromkeys(set().union(*words), 1.0)
    precision = span_days(finest["interval_start"], finest["interval_end"])
    precise = [
        i
        for i, s in enumerate(sources)
        if span_days(s["interval_start"], s["interval_end"]) == precision
    ]

    def support(i: int) -> float:
        return sum(dice(words[i], other, weight) for j, other in enumerate(words) if j != i)

    best = max(precise, key=lambda i: (round(support(i), 9), -i))
    return str(sources[best]["clause"])


clauses = st.lists(st.sampled_from(WORDS), max_size=6).map(" ".join)
sources_strategy = st.lists(
    st.tuples(clauses, st.sampled_from(DAYS)).map(
        lambda c: {"clause": c[0], "interval_start": c[1][0], "interval_end": c[1][1]}
    ),
    min_size=1,
    max_size=25,
)


@given(sources_strategy)
def test_the_chosen_clause_is_the_one_the_pairwise_sum_chooses(
    sources: list[dict[str, Any]],
) -> None:
    finest = min(sources, key=lambda s: span_days(s["interval_start"], s["interval_end"]))
    assert best_supported_clause(sources, finest) == pairwise_choice(sources, finest)


def test_the_clause_most_others_share_wins_over_a_lone_one() -> None:
    day = {"interval_start": "2024-06-25", "interval_end": "2024-06-25"}
    sources = [
        {"clause": "a court in the capital ruled", **day},
        {"clause": "police officers landed in the capital", **day},
        {"clause": "police officers arrived in the capital", **day},
        {"clause": "the first police officers landed", **day},
    ]
    assert best_supported_clause(sources, sources[0]) == "police officers landed in the capital"


def undated_report_clauses(published: str | None) -> list[str]:
    from storyledger.link.events import dated_clauses
    from storyledger.model import Article, Extraction, TimeMention

    text = "Rescuers reached the valley on Tuesday. The dam had failed on 4 March 2025."
    tuesday = text.index("Tuesday")
    march = text.index("4 March 2025")
    times = [
        TimeMention(tuesday, tuesday + 7, "Tuesday", "DATE", "2026-12-01", resolved=True),
        TimeMention(march, march + 12, "4 March 2025", "DATE", "2025-03-04", sentence=1),
    ]
    sentences = [(0, text.index(".") + 1), (text.index(".") + 2, len(text))]
    article = Article(id="a1", text=text, published=published)
    return [c.date for c in dated_clauses(article, Extraction(times=times, sentences=sentences))]


def test_an_undated_report_gives_only_its_absolute_dates() -> None:
    assert undated_report_clauses(None) == ["2025-03-04"]
    assert undated_report_clauses("2026-12-03") == ["2026-12-01", "2025-03-04"]
