"""The event description: the best supported clause, found without pairwise comparison."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from storyledger.ingest.pipeline import ingest_articles
from storyledger.link.events import best_supported_clause, content_words, dice, span_days
from storyledger.model import Article, content_id
from storyledger.report.timeline import timeline_data
from storyledger.store.sqlite import open_ledger

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
    from storyledger.link.events import dated_clauses, lead_sentences
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
    extraction = Extraction(times=times, sentences=sentences)
    lead = lead_sentences(article.text, extraction)
    return [c.date for c in dated_clauses(article, extraction, lead)]


def test_an_undated_report_gives_only_its_absolute_dates() -> None:
    assert undated_report_clauses(None) == ["2025-03-04"]
    assert undated_report_clauses("2026-12-03") == ["2026-12-01", "2025-03-04"]


# -- key events, through the real pipeline -------------------------------------------------

LEAD = (
    "Flash floods swept through Pakistan's Swat valley on March 4, killing 84 people and"
    " washing away bridges. Rescue teams reached the upper valley a day later. Hotels along"
    " the river were evacuated."
)
BRIDGE = "The main bridge over the Swat River had been rebuilt on January 12 after earlier floods."


def key_dates(articles: list[tuple[str, str, str]], key_only: bool = True) -> set[str]:
    with tempfile.TemporaryDirectory() as folder, open_ledger(Path(folder) / "l.db") as ledger:
        ingest_articles(
            ledger,
            [Article(id=content_id(t), text=t, outlet=o, published=d) for o, d, t in articles],
        )
        return {e["date"] for e in timeline_data(ledger, key_only=key_only)}


def test_a_key_event_is_a_report_lead_or_told_by_two_outlets() -> None:
    one = [("Wire A", "2025-03-05", f"{LEAD} Roads were closed. {BRIDGE}")]
    assert "2025-03-04" in key_dates(one)  # what the report leads with
    assert "2025-01-12" not in key_dates(one)  # a date in its tail, told by one outlet
    assert "2025-01-12" in key_dates(one, key_only=False)
    other = (
        "Hundreds of tourists were stranded in the Swat valley after the floods of March 4."
        " The army flew food to the villages above Kalam. Officials counted the losses."
        f" Shops stayed shut. {BRIDGE}"
    )
    two = [*one, ("Paper B", "2025-03-06", other)]
    assert "2025-01-12" in key_dates(two)  # two independent outlets


def test_a_report_date_line_is_no_event() -> None:
    text = (
        "By: Desk On: Mar 9, 2025, 6:10 AM Officials said schools in the Swat valley"
        " reopened on March 7 after the floods. Traders counted their losses."
    )
    dates = key_dates([("Wire A", "2025-03-09", text)], key_only=False)
    assert "2025-03-07" in dates and "2025-03-09" not in dates


# -- a report's lead and its lede statement ------------------------------------------------


def lead_of(text: str) -> list[str]:
    from storyledger.extract.pipeline import extract
    from storyledger.link.events import lead_sentences

    extraction = extract(text, "2025-03-09")
    return [text[slice(*extraction.sentences[i])].strip() for i in lead_sentences(text, extraction)]


def test_the_lead_is_the_body_past_what_the_page_puts_before_it() -> None:
    text = (
        "Ferry service resumes on the lake\n\n"
        "Ferry service resumes on the lake\n\n"
        "Photo:\n\n"
        "The ferry company restarted its morning crossings after a week of storms, its"
        " manager said. Tickets sold out within an hour. Fishermen stayed ashore all day."
    )
    assert lead_of(text) == [
        "The ferry company restarted its morning crossings after a week of storms, its"
        " manager said.",
        "Tickets sold out within an hour.",
        "Fishermen stayed ashore all day.",
    ]


def test_the_lede_is_the_first_lead_sentence_to_report_a_statement() -> None:
    """Past a headline, the first sentence to report a statement is the day's news, unless
    a date it names only as a modifier ("the March 4 floods") is all it dates."""
    text = (
        "Lake ferries sail again\n\n"
        "The ferry company restarted its crossings on the lake, which the March 4 floods had"
        " closed, according to its manager. Tickets sold out within an hour."
    )
    assert "2025-03-09" in key_dates([("Wire A", "2025-03-09", text)])


def test_no_lede_from_a_quote_or_a_statement_made_before() -> None:
    """Past the first lead sentence, a direct quote is a feature's colour; a statement made
    before is never news of the day."""
    quote = (
        "Life in the lake camps\n\n"
        "Winter has come early to the lake camps this year. "
        "“Our kitchen feeds the whole camp,” says Amina Yusuf, who runs it. Winter is near."
    )
    before = (
        "Ferry toll revised\n\n"
        "The ministry had previously said that the sinking killed 40 people. Divers went on."
    )
    for text in (quote, before):
        assert "2025-03-09" not in key_dates([("Wire A", "2025-03-09", text)], key_only=False)
